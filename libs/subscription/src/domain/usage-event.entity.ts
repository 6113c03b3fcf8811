import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType } from './balance.calc';
import type { UsageEventType } from './rating.calc';

/** A mediated and rated TMF635 usage event, `UE-000001`; `eventId` is the sender's id, unique per tenant. */
@Entity({ schema: 'subscription', name: 'usage_event' })
export class UsageEventEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'offering_id', type: 'text' }) offeringId!: string;
  @Column({ type: 'text' }) msisdn!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: UsageEventType;
  @Column({ name: 'event_time', type: 'timestamptz' }) eventTime!: Date;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'text' }) unit!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'raw_cdr_ref', type: 'text', nullable: true }) rawCdrRef!: string | null;
  @Column({ name: 'roaming_indicator', type: 'boolean' }) roamingIndicator!: boolean;
  @Column({ name: 'rated_allowance_type', type: 'text', nullable: true }) ratedAllowanceType!: AllowanceType | null;
  @Column({ name: 'consumed_quantity', type: 'int' }) consumedQuantity!: number;
  @Column({ name: 'charge_amount', type: 'numeric', precision: 12, scale: 2 }) chargeAmount!: string;
  @Column({ type: 'boolean' }) processed!: boolean;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
