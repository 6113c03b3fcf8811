import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { BalanceReservationEntity } from '#subscription/domain/balance-reservation.entity';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { toBalanceReservationView } from '#subscription/domain/subscription.views';
import { assertReservationClosable } from '#subscription/policies/balance.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import type { ReservationResult } from './reserve-balance.command';
import { lockBalances, lockSubscription } from './subscription.store';

export const RESERVATION_ID_PATTERN = /^RSV-[0-9a-f]{8}$/;

export class ReleaseReservationInput {
  @Matches(RESERVATION_ID_PATTERN, { message: 'reservationId must look like RSV-1a2b3c4d' }) reservationId!: string;
}

/** Locks a held reservation's line, its buckets and the reservation (line first: the lock order of every subscription write). */
export async function lockReservation(w: WriteScope, reservationId: string) {
  const peek = await w.tx.findOneBy(BalanceReservationEntity, { id: reservationId, tenantId: w.auth.tenant });
  if (!peek) throw new NotFound('balance_reservation', reservationId);
  const line = await lockSubscription(w, peek.subscriptionId);
  const balances = await lockBalances(w, line.id);
  const reservation = (await w.tx.findOne(BalanceReservationEntity, { where: { id: reservationId }, lock: { mode: 'pessimistic_write' } }))!;
  return { line, balances, reservation };
}

/** Puts the held quantity back into its bucket (the bucket as it is now: a renewal in between keeps what it reset). */
export async function returnHold(w: WriteScope, reservation: BalanceReservationEntity, bucket: BundleBalanceEntity | undefined): Promise<void> {
  if (bucket) await w.tx.update(BundleBalanceEntity, { id: bucket.id }, { total: bucket.total + reservation.quantity, updatedAt: w.now });
}

/** TMF654 balanceUnreserve: the session did not use the hold; it goes back to the bucket. */
@Verb({ name: 'subscription.release_reservation', input: ReleaseReservationInput, summary: 'Release a balance reservation: the held quantity goes back to its bucket' })
@Injectable()
export class ReleaseReservationCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ReleaseReservationInput): Promise<ReservationResult> {
    const dto = await validateInput(ReleaseReservationInput, input);
    return this.uow.run(async (w) => {
      const { line, balances, reservation } = await lockReservation(w, dto.reservationId);
      assertReservationClosable(reservation, 'release', w.now);
      await returnHold(w, reservation, balances.get(reservation.allowanceType));
      reservation.state = 'released';
      reservation.closedAt = w.now;
      await w.tx.update(BalanceReservationEntity, { id: reservation.id }, { state: reservation.state, closedAt: w.now });
      await w.emit({
        eventType: 'subscription.reservation_released',
        aggregateType: 'subscription',
        aggregateId: line.id,
        payload: { subscriptionId: line.id, reservationId: reservation.id, allowanceType: reservation.allowanceType, quantity: reservation.quantity, unit: reservation.unit },
      });
      return { reservation: toBalanceReservationView(reservation), subscription: await readSubscriptionView(w.tx, line, w.now) };
    });
  }
}
