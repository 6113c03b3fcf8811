import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderState } from './order.state';

@Entity({ schema: 'orders', name: 'product_order' })
export class ProductOrderEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ type: 'text' }) state: OrderState;
  @Column({ name: 'order_date', type: 'timestamptz' }) orderDate: Date;
  @Column({ name: 'requested_completion_date', type: 'timestamptz', nullable: true }) requestedCompletionDate: Date | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'completed_date', type: 'timestamptz', nullable: true }) completedDate: Date | null;
  @Column({ name: 'msisdn_preference', type: 'text', nullable: true }) msisdnPreference: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  /** The card the activation charge goes to, chosen at submit (newest active). */
  @Column({ name: 'payment_method_id', type: 'text', nullable: true }) paymentMethodId: string | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason: string | null;
  @Column({ name: 'stuck_flagged_at', type: 'timestamptz', nullable: true }) stuckFlaggedAt: Date | null;
  /** Request id of the placement; every job of the chain runs under it so one trace spans them all. */
  @Column({ name: 'trace_id', type: 'text' }) traceId: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

/** Exactly one per order; the price snapshot is stamped at creation and never read from the catalog again. */
@Entity({ schema: 'orders', name: 'order_item' })
export class OrderItemEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'order_id', type: 'text' }) orderId: string;
  @Column({ type: 'text' }) action: 'add';
  @Column({ name: 'offering_id', type: 'text' }) offeringId: string;
  @Column({ type: 'text' }) state: OrderState;
  @Column({ name: 'target_subscription_id', type: 'text', nullable: true }) targetSubscriptionId: string | null;
  @Column({ name: 'price_amount', type: 'numeric', precision: 12, scale: 2 }) priceAmount: string;
  @Column({ name: 'price_currency', type: 'text' }) priceCurrency: string;
  @Column({ name: 'price_offering_price_id', type: 'text' }) priceOfferingPriceId: string;
  @Column({ name: 'discount_code', type: 'text', nullable: true }) discountCode: string | null;
  @Column({ name: 'promo_offer_definition_id', type: 'text', nullable: true }) promoOfferDefinitionId: string | null;
  @Column({ name: 'discount_type', type: 'text', nullable: true }) discountType: 'percent' | 'absolute' | null;
  @Column({ name: 'discount_value', type: 'numeric', precision: 12, scale: 2, nullable: true }) discountValue: string | null;
  @Column({ name: 'discount_periods_total', type: 'int', nullable: true }) discountPeriodsTotal: number | null;
  @Column({ name: 'promo_offer_id', type: 'text', nullable: true }) promoOfferId: string | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

@Entity({ schema: 'orders', name: 'order_state_history' })
export class OrderStateHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'order_id', type: 'text' }) orderId: string;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState: OrderState | null;
  @Column({ name: 'to_state', type: 'text' }) toState: OrderState;
  @Column({ type: 'text' }) trigger: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text' }) actor: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
