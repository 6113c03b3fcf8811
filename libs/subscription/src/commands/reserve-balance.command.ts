import { Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { randomId, validateInput, Verb } from '@bss/platform';
import { ALLOWANCE_UNITS, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit } from '#subscription/domain/balance.calc';
import { BalanceReservationEntity, RESERVATION_VALIDITY_BOUNDS, reservationExpiry } from '#subscription/domain/balance-reservation.entity';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { toBalanceReservationView, type BalanceReservationView, type SubscriptionView } from '#subscription/domain/subscription.views';
import { assertBalanceReservable } from '#subscription/policies/balance.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { lockBalances, lockSubscription } from './subscription.store';

const ALLOWANCE_TYPES = Object.keys(UNIT_OF_ALLOWANCE) as AllowanceType[];

export class ReserveBalanceInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
  @IsIn(ALLOWANCE_TYPES) allowanceType!: AllowanceType;
  @IsInt({ message: 'quantity must be a whole number in the bucket unit' }) @Min(1) quantity!: number;
  @IsIn([...ALLOWANCE_UNITS]) unit!: AllowanceUnit;
  /** The charging system's id for this request, kept as sent. */
  @IsOptional() @IsString() @MaxLength(100) requestRef?: string;
  /**
   * How long the hold lives, in seconds (60…86400; default 900 = 15 minutes): Diameter Gy's
   * Validity-Time, TMF654's `validFor`. Past it the hold cannot be deducted and
   * `subscription.expire_reservations` returns it to the bucket.
   */
  @IsOptional()
  @IsInt({ message: 'validForSeconds must be a whole number of seconds' })
  @Min(RESERVATION_VALIDITY_BOUNDS.min, { message: `validForSeconds must be at least ${RESERVATION_VALIDITY_BOUNDS.min}` })
  @Max(RESERVATION_VALIDITY_BOUNDS.max, { message: `validForSeconds must be at most ${RESERVATION_VALIDITY_BOUNDS.max} (a day)` })
  validForSeconds?: number;
}

export interface ReservationResult {
  reservation: BalanceReservationView;
  subscription: SubscriptionView;
}

/**
 * Online charging: holds a quantity of one bucket for a session about to use it. The held
 * quantity leaves the bucket (its total drops) so no other usage can consume it, until
 * `subscription.release_reservation` puts it back or `subscription.deduct_reservation` rates it —
 * or, when the charging system never comes back, until `expiresAt` (creation + `validForSeconds`,
 * default 15 minutes) after which `subscription.expire_reservations` puts it back.
 */
@Verb({ name: 'subscription.reserve_balance', input: ReserveBalanceInput, summary: 'Hold a quantity of a bucket for online charging, so other usage cannot consume it' })
@Injectable()
export class ReserveBalanceCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ReserveBalanceInput): Promise<ReservationResult> {
    const dto = await validateInput(ReserveBalanceInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: ReserveBalanceInput): Promise<ReservationResult> {
    const line = await lockSubscription(w, dto.subscriptionId);
    const bucket = (await lockBalances(w, line.id)).get(dto.allowanceType);
    assertBalanceReservable(line, dto, bucket);
    await w.tx.update(BundleBalanceEntity, { id: bucket!.id }, { total: bucket!.total - dto.quantity, updatedAt: w.now });
    const reservation: BalanceReservationEntity = {
      id: randomId('RSV'),
      tenantId: line.tenantId,
      subscriptionId: line.id,
      allowanceType: dto.allowanceType,
      quantity: dto.quantity,
      unit: dto.unit,
      state: 'held',
      requestRef: dto.requestRef ?? null,
      deductedQuantity: null,
      usageEventId: null,
      actor: w.auth.actor,
      channel: w.auth.channel,
      serviceIdentity: w.auth.serviceIdentity,
      createdAt: w.now,
      expiresAt: reservationExpiry(w.now, dto.validForSeconds),
      closedAt: null,
    };
    await w.tx.insert(BalanceReservationEntity, reservation);
    await w.emit({
      eventType: 'subscription.balance_reserved',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: {
        subscriptionId: line.id,
        reservationId: reservation.id,
        allowanceType: dto.allowanceType,
        quantity: dto.quantity,
        unit: dto.unit,
        requestRef: reservation.requestRef,
        expiresAt: reservation.expiresAt.toISOString(),
      },
    });
    return { reservation: toBalanceReservationView(reservation), subscription: await readSubscriptionView(w.tx, line, w.now) };
  }
}
