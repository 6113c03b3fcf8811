import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Audience, CodeKind, DiscountType, DurationKind, PromotionState } from './promotion.types';

/** The money terms BSS owns; the entitlement (OD + code) lives in the loyalty engine. */
@Entity({ schema: 'promos', name: 'promotion' })
export class PromotionEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ name: 'discount_type', type: 'text' }) discountType!: DiscountType;
  /** numeric(12,2) as a string: percent points or an amount. */
  @Column({ name: 'discount_value', type: 'numeric', precision: 12, scale: 2 }) discountValue!: string;
  @Column({ type: 'text' }) currency!: string;
  @Column({ name: 'duration_kind', type: 'text' }) durationKind!: DurationKind;
  /** Only for `multi` (≥ 2). */
  @Column({ name: 'periods_total', type: 'int', nullable: true }) periodsTotal!: number | null;
  @Column({ type: 'text' }) audience!: Audience;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ name: 'code_kind', type: 'text' }) codeKind!: CodeKind;
  /** null = every offering. */
  @Column({ name: 'applicable_offering_ids', type: 'text', array: true, nullable: true }) applicableOfferingIds!: string[] | null;
  /** Inclusive. */
  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true }) validFrom!: Date | null;
  /** Exclusive. */
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo!: Date | null;
  @Column({ type: 'text' }) state!: PromotionState;
  @Column({ name: 'offer_definition_id', type: 'text', nullable: true }) offerDefinitionId!: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
