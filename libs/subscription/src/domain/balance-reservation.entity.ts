import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType, AllowanceUnit } from './balance.calc';

export const RESERVATION_STATES = ['held', 'released', 'deducted'] as const;
export type ReservationState = (typeof RESERVATION_STATES)[number];

/** `RSV-xxxxxxxx`: quantity held out of one bucket of a line for online charging, until released or deducted. */
@Entity({ schema: 'subscription', name: 'balance_reservation' })
export class BalanceReservationEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'allowance_type', type: 'text' }) allowanceType!: AllowanceType;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'text' }) unit!: AllowanceUnit;
  @Column({ type: 'text' }) state!: ReservationState;
  /** The charging system's own id for the request, kept as sent. */
  @Column({ name: 'request_ref', type: 'text', nullable: true }) requestRef!: string | null;
  @Column({ name: 'deducted_quantity', type: 'int', nullable: true }) deductedQuantity!: number | null;
  @Column({ name: 'usage_event_id', type: 'text', nullable: true }) usageEventId!: string | null;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ name: 'service_identity', type: 'text' }) serviceIdentity!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
