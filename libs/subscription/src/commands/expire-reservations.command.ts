import { Injectable } from '@nestjs/common';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { Clock, Database, Verb } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { BalanceReservationEntity } from '#subscription/domain/balance-reservation.entity';
import { returnHold } from './release-reservation.command';
import { lockBalances, lockSubscriptionIfFree } from './subscription.store';

/** The queue whose cron runs the sweep every minute (`SubscriptionModule.onModuleInit`). */
export const EXPIRE_RESERVATIONS_QUEUE = 'subscription.expire_reservations';
export const RESERVATION_SWEEPER = 'reservation_sweeper';
const BATCH_SIZE = 100;

/** The sweep takes no input: it looks at every held reservation of the caller's tenant. */
export class ExpireReservationsInput {}

export interface ExpireReservationsResult {
  at: Date;
  /** Reservations returned to their bucket and now `expired`, in the order they fell due. */
  expired: string[];
  /** Due, but their line was locked by another transaction: left for the next sweep, never waited on. */
  deferred: string[];
}

type Outcome = 'expired' | 'deferred' | 'closed';

/**
 * Online charging's safety net: a hold the charging system never closed (crash, lost message)
 * would keep its quantity out of the bucket for good. Every minute (cron job
 * `subscription.expire_reservations`, as `system:reservation_sweeper`) each `held` reservation past
 * its `expiresAt` goes back to its bucket (`returnHold`, as a release does), turns `expired` with
 * `closedAt`, and emits `subscription.reservation_expired` — one transaction per reservation, so
 * one busy line holds back nothing else.
 *
 * Locks follow every subscription write's order (line, then its balances, then the reservation);
 * the line is taken with SKIP LOCKED, so a line in a live write is deferred to the next sweep
 * instead of waited on. The reservation is re-read under the lock: a release or deduct that won
 * the race leaves nothing to expire, so each hold is returned exactly once.
 */
@Verb({
  name: 'subscription.expire_reservations',
  input: ExpireReservationsInput,
  summary: 'Return every balance reservation past its validity to its bucket and mark it expired',
  cliExempt: 'cron job subscription.expire_reservations, every minute',
})
@Injectable()
export class ExpireReservationsCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<ExpireReservationsResult> {
    const at = await this.clock.now();
    const result: ExpireReservationsResult = { at, expired: [], deferred: [] };
    const seen: string[] = [];
    for (;;) {
      const due = await this.due(at, seen);
      if (due.length === 0) return result;
      for (const id of due) {
        seen.push(id);
        const outcome = await this.uow.run((w) => this.expireIn(w, id));
        if (outcome === 'expired') result.expired.push(id);
        else if (outcome === 'deferred') result.deferred.push(id);
      }
    }
  }

  /** Expires one reservation if it is still held and due by `w.now`; joins the caller's transaction. */
  async expireIn(w: WriteScope, reservationId: string): Promise<Outcome> {
    const peek = await w.tx.findOneBy(BalanceReservationEntity, { id: reservationId, tenantId: w.auth.tenant });
    if (!peek || peek.state !== 'held') return 'closed';
    const line = await lockSubscriptionIfFree(w, peek.subscriptionId);
    if (!line) return 'deferred';
    const balances = await lockBalances(w, line.id);
    const reservation = (await w.tx.findOne(BalanceReservationEntity, { where: { id: reservationId }, lock: { mode: 'pessimistic_write' } }))!;
    if (reservation.state !== 'held' || reservation.expiresAt.getTime() > w.now.getTime()) return 'closed';
    await returnHold(w, reservation, balances.get(reservation.allowanceType));
    await w.tx.update(BalanceReservationEntity, { id: reservation.id }, { state: 'expired', closedAt: w.now });
    await w.emit({
      eventType: 'subscription.reservation_expired',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: {
        subscriptionId: line.id,
        reservationId: reservation.id,
        allowanceType: reservation.allowanceType,
        quantity: reservation.quantity,
        unit: reservation.unit,
        requestRef: reservation.requestRef,
        expiresAt: reservation.expiresAt.toISOString(),
      },
    });
    return 'expired';
  }

  /** Held reservations due by `at`, oldest first, skipping those this sweep already looked at. */
  private async due(at: Date, seen: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `select id from subscription.balance_reservation
        where tenant_id = $1 and state = 'held' and expires_at <= $2 and not (id = any($3::text[]))
        order by expires_at, id
        limit $4`,
      [currentAuth().tenant, at, seen, BATCH_SIZE],
    );
    return rows.map((r) => r.id);
  }
}
