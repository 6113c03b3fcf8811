import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer on a targeted promotion's list; BSS is the gate, the loyalty offer is the voucher. */
@Entity({ schema: 'promos', name: 'promotion_eligibility' })
export class PromotionEligibilityEntity {
  @PrimaryColumn({ name: 'promotion_id', type: 'text' }) promotionId!: string;
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId!: string;
  /** The pre-paired `OFF-<customer>-<promo>`; null when issuing it failed (activation then claims by code). */
  @Column({ name: 'loyalty_offer_id', type: 'text', nullable: true }) loyaltyOfferId!: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
