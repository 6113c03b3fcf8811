import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DiscountType } from './price.calc';
import type { SubscriptionState } from './subscription.state';

@Entity({ schema: 'subscription', name: 'subscription' })
export class SubscriptionEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId!: string;
  @Column({ name: 'offering_id', type: 'text' }) offeringId!: string;
  @Column({ type: 'text' }) msisdn!: string;
  @Column({ type: 'text' }) iccid!: string;
  @Column({ name: 'cfs_service_id', type: 'text', nullable: true }) cfsServiceId!: string | null;
  @Column({ name: 'commercial_order_id', type: 'text', nullable: true }) commercialOrderId!: string | null;
  @Column({ type: 'text' }) state!: SubscriptionState;
  @Column({ name: 'state_reason', type: 'text', nullable: true }) stateReason!: string | null;
  @Column({ name: 'activation_payment_attempt_id', type: 'text', nullable: true }) activationPaymentAttemptId!: string | null;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt!: Date | null;
  @Column({ name: 'current_period_start', type: 'timestamptz', nullable: true }) currentPeriodStart!: Date | null;
  @Column({ name: 'current_period_end', type: 'timestamptz', nullable: true }) currentPeriodEnd!: Date | null;
  @Column({ name: 'next_renewal_at', type: 'timestamptz', nullable: true }) nextRenewalAt!: Date | null;
  @Column({ name: 'terminated_at', type: 'timestamptz', nullable: true }) terminatedAt!: Date | null;
  // The price snapshot: renewals charge this, never the catalog (§2).
  @Column({ name: 'price_amount', type: 'numeric', precision: 12, scale: 2 }) priceAmount!: string;
  @Column({ name: 'price_currency', type: 'text' }) priceCurrency!: string;
  @Column({ name: 'price_offering_price_id', type: 'text' }) priceOfferingPriceId!: string;
  @Column({ name: 'pending_offering_id', type: 'text', nullable: true }) pendingOfferingId!: string | null;
  @Column({ name: 'pending_offering_price_id', type: 'text', nullable: true }) pendingOfferingPriceId!: string | null;
  @Column({ name: 'pending_effective_at', type: 'timestamptz', nullable: true }) pendingEffectiveAt!: Date | null;
  @Column({ name: 'discount_type', type: 'text', nullable: true }) discountType!: DiscountType | null;
  @Column({ name: 'discount_value', type: 'numeric', precision: 12, scale: 2, nullable: true }) discountValue!: string | null;
  @Column({ name: 'discount_periods_remaining', type: 'int', default: 0 }) discountPeriodsRemaining!: number;
  @Column({ name: 'promo_code', type: 'text', nullable: true }) promoCode!: string | null;
  @Column({ name: 'promo_offer_definition_id', type: 'text', nullable: true }) promoOfferDefinitionId!: string | null;
  @Column({ name: 'last_renewal_attempted_at', type: 'timestamptz', nullable: true }) lastRenewalAttemptedAt!: Date | null;
  /** Declines at the current boundary; part of the renewal idempotency key so a paid retry is a new charge. */
  @Column({ name: 'renewal_decline_count', type: 'int', default: 0 }) renewalDeclineCount!: number;
  @Column({ name: 'renewal_reminder_sent_at', type: 'timestamptz', nullable: true }) renewalReminderSentAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
