import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CodeKind } from './promotion.types';

/** Embedded loyalty engine: a code customers type, bound to one offer definition. */
@Entity({ schema: 'promos', name: 'promo_code' })
export class PromoCodeEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ name: 'offer_definition_id', type: 'text' }) offerDefinitionId!: string;
  @Column({ type: 'text' }) kind!: CodeKind;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
