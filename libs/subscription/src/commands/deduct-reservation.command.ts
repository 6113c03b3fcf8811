import { Injectable } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import type { AllowanceType } from '#subscription/domain/balance.calc';
import { BalanceReservationEntity } from '#subscription/domain/balance-reservation.entity';
import type { UsageEventType } from '#subscription/domain/rating.calc';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { toBalanceReservationView } from '#subscription/domain/subscription.views';
import { assertReservationClosable } from '#subscription/policies/balance.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { RESERVATION_ID_PATTERN, lockReservation, returnHold } from './release-reservation.command';
import type { ReservationResult } from './reserve-balance.command';
import { SimulateUsageCommand, type RecordUsageResult } from './simulate-usage.command';

/** The usage that consumes each bucket (data_roaming is data used abroad). */
const USAGE_OF: Readonly<Record<AllowanceType, { eventType: UsageEventType; roamingIndicator: boolean }>> = {
  data: { eventType: 'data', roamingIndicator: false },
  data_roaming: { eventType: 'data', roamingIndicator: true },
  voice: { eventType: 'voice', roamingIndicator: false },
  sms: { eventType: 'sms', roamingIndicator: false },
};

export class DeductReservationInput {
  @Matches(RESERVATION_ID_PATTERN, { message: 'reservationId must look like RSV-1a2b3c4d' }) reservationId!: string;
  /** What the session used, at most the hold; default: all of it. */
  @IsOptional() @IsInt({ message: 'quantity must be a whole number in the bucket unit' }) @Min(1) quantity?: number;
  @IsString() @MinLength(3) @MaxLength(200) reason!: string;
}

export interface DeductReservationResult extends ReservationResult {
  usage: RecordUsageResult;
}

/**
 * TMF654 balanceDeduct: the session used (part of) its hold. In one transaction the hold goes
 * back to the bucket and the used quantity is rated as a usage event through the same rating
 * path as the network's (`usage.simulate`'s `executeIn`: checks, dedupe, consume,
 * block-on-exhaust) — one rating path, not a second one. A refusal there rolls everything back.
 */
@Verb({ name: 'subscription.deduct_reservation', input: DeductReservationInput, summary: 'Deduct what a session used from its balance reservation, rated as usage' })
@Injectable()
export class DeductReservationCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly usage: SimulateUsageCommand,
  ) {}

  async execute(input: DeductReservationInput): Promise<DeductReservationResult> {
    const dto = await validateInput(DeductReservationInput, input);
    return this.uow.run(async (w) => {
      const { line, balances, reservation } = await lockReservation(w, dto.reservationId);
      const used = dto.quantity ?? reservation.quantity;
      // Past `expiresAt` the deduct is refused even before the sweep ran (`…deduct_reservation.not_expired`):
      // one answer however the race with the sweep goes; why not expire it here: see assertReservationClosable.
      assertReservationClosable(reservation, 'deduct', w.now, used);
      await returnHold(w, reservation, balances.get(reservation.allowanceType));
      const outcome = await this.usage.executeIn(w, {
        msisdn: line.msisdn,
        subscriptionId: line.id,
        quantity: used,
        unit: reservation.unit,
        eventId: `deduct:${reservation.id}`,
        source: 'mediation',
        rawCdrRef: dto.reason,
        ...USAGE_OF[reservation.allowanceType],
      });
      if (outcome.outcome === 'rejected') throw outcome.violation;
      reservation.state = 'deducted';
      reservation.deductedQuantity = used;
      reservation.usageEventId = outcome.usageEvent.id;
      reservation.closedAt = w.now;
      await w.tx.update(BalanceReservationEntity, { id: reservation.id }, { state: 'deducted', deductedQuantity: used, usageEventId: outcome.usageEvent.id, closedAt: w.now });
      await w.emit({
        eventType: 'subscription.reservation_deducted',
        aggregateType: 'subscription',
        aggregateId: line.id,
        payload: { subscriptionId: line.id, reservationId: reservation.id, allowanceType: reservation.allowanceType, held: reservation.quantity, deducted: used, unit: reservation.unit, usageEventId: outcome.usageEvent.id, reason: dto.reason },
      });
      // Rating may have blocked the line: read it back as it is now.
      const subscription = await readSubscriptionView(w.tx, await w.tx.findOneByOrFail(SubscriptionEntity, { id: line.id }), w.now);
      return { reservation: toBalanceReservationView(reservation), subscription, usage: outcome };
    });
  }
}
