import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType } from './balance.calc';

/** `{subId}-VAS-XXXXXXXX`. `allowanceAdded = −1` with `expiresAt` is an unlimited-data overlay (day pass). */
@Entity({ schema: 'subscription', name: 'vas_purchase' })
export class VasPurchaseEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'vas_offering_id', type: 'text' }) vasOfferingId!: string;
  @Column({ name: 'payment_attempt_id', type: 'text' }) paymentAttemptId!: string;
  @Column({ name: 'price_amount', type: 'numeric', precision: 12, scale: 2 }) priceAmount!: string;
  @Column({ type: 'text' }) currency!: string;
  @Column({ name: 'allowance_type', type: 'text' }) allowanceType!: AllowanceType;
  @Column({ name: 'allowance_added', type: 'int' }) allowanceAdded!: number;
  @Column({ type: 'text' }) unit!: string;
  @Column({ name: 'applied_at', type: 'timestamptz' }) appliedAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
}
