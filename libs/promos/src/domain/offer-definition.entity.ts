import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OfferDefinitionKind } from './loyalty.types';

/** Embedded loyalty engine: what an offer entitles to (`OD_PROMO_WELCOME10`). */
@Entity({ schema: 'promos', name: 'offer_definition' })
export class OfferDefinitionEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) kind!: OfferDefinitionKind;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
