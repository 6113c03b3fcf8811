import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType, AllowanceUnit } from './balance.calc';

export const RESERVATION_STATES = ['held', 'released', 'deducted', 'expired'] as const;
export type ReservationState = (typeof RESERVATION_STATES)[number];

/**
 * How long a hold lives when the charging system names no validity (Diameter Gy's Validity-Time,
 * TMF654's `validFor`): past it, `subscription.expire_reservations` returns the hold to its bucket,
 * so a charging system that never comes back cannot shrink the allowance for good.
 */
export const DEFAULT_RESERVATION_VALIDITY_SECONDS = 15 * 60;
/** The validity a caller may ask for: at least a minute, at most a day. */
export const RESERVATION_VALIDITY_BOUNDS = { min: 60, max: 86_400 } as const;

/** When a hold made at `createdAt` for `validForSeconds` (default 15 minutes) runs out. */
export function reservationExpiry(createdAt: Date, validForSeconds: number = DEFAULT_RESERVATION_VALIDITY_SECONDS): Date {
  return new Date(createdAt.getTime() + validForSeconds * 1000);
}

/** `RSV-xxxxxxxx`: quantity held out of one bucket of a line for online charging, until released, deducted or expired. */
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
  /** Past this instant a `held` reservation is no longer deductible and the sweep returns it (state `expired`). */
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
