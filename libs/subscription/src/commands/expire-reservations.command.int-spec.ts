import { AuditQueries, UnitOfWork } from '@bss/audit';
import { InvalidInput } from '@bss/platform';
import { createTestApp, expectRuleAsync, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { DeductReservationCommand } from './deduct-reservation.command';
import { EXPIRE_RESERVATIONS_QUEUE, ExpireReservationsCommand } from './expire-reservations.command';
import { ReleaseReservationCommand } from './release-reservation.command';
import { ReserveBalanceCommand } from './reserve-balance.command';

describe('balance reservations expire: subscription.expire_reservations returns a hold past its validity, once', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  const reserve = (subscriptionId: string, quantity: number, validForSeconds?: number) =>
    app.get(ReserveBalanceCommand).execute({ subscriptionId, allowanceType: 'data', quantity, unit: 'mb', requestRef: 'ocs-lost', ...(validForSeconds ? { validForSeconds } : {}) });
  const sweep = () => app.get(ExpireReservationsCommand).execute();
  const remaining = async (id: string) => (await app.get(SubscriptionQueries).get(id)).balances.find((b) => b.allowanceType === 'data')!.remaining;
  const deduct = (reservationId: string) => app.get(DeductReservationCommand).execute({ reservationId, quantity: 10, reason: 'session ended late' });
  const release = (reservationId: string) => app.get(ReleaseReservationCommand).execute({ reservationId });

  it('a hold lives 15 minutes by default, or validForSeconds (60…86400)', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const byDefault = await reserve(s.id, 100);
    expect(byDefault.reservation.expiresAt.getTime() - byDefault.reservation.createdAt.getTime()).toBe(15 * 60 * 1000);
    const long = await reserve(s.id, 100, 86_400);
    expect(long.reservation.expiresAt.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    for (const validForSeconds of [59, 86_401, 1.5]) {
      const error = await reserve(s.id, 1, validForSeconds).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fields.map((f) => f.field)).toEqual(['validForSeconds']);
    }
    await release(byDefault.reservation.id);
    await release(long.reservation.id);
  });

  it('the scheduled sweep returns a hold past its time exactly once (bucket, state, event, audit); a hold not yet due stays', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const before = await remaining(s.id);
    const lost = await reserve(s.id, 1000);
    const longer = await reserve(s.id, 500, 3600);
    expect(await remaining(s.id)).toBe(before - 1500);

    await app.clock.advance('899s');
    expect((await sweep()).expired).toEqual([]);
    await app.clock.advance('1s');
    // The cron job runs the very sweep, as the system's reservation sweeper.
    await app.get(UnitOfWork).run((w) => w.enqueue(EXPIRE_RESERVATIONS_QUEUE, {}));
    expect(await app.jobs.drain([EXPIRE_RESERVATIONS_QUEUE])).toBe(1);

    expect(await remaining(s.id)).toBe(before - 500);
    expect(await app.get(SubscriptionQueries).getReservation(lost.reservation.id)).toMatchObject({ state: 'expired', closedAt: lost.reservation.expiresAt });
    expect(await app.get(SubscriptionQueries).getReservation(longer.reservation.id)).toMatchObject({ state: 'held', closedAt: null });
    const events = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.reservation_expired' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'system:reservation_sweeper',
      channel: 'system',
      occurredAt: '2026-01-01T00:15:00.000Z',
      payload: { subscriptionId: s.id, reservationId: lost.reservation.id, allowanceType: 'data', quantity: 1000, unit: 'mb', requestRef: 'ocs-lost', expiresAt: '2026-01-01T00:15:00.000Z' },
    });

    // Exactly once: later sweeps find nothing more to return for it.
    expect((await sweep()).expired).not.toContain(lost.reservation.id);
    await app.clock.advance('1h');
    expect((await sweep()).expired).toEqual([longer.reservation.id]);
    expect(await remaining(s.id)).toBe(before);
    expect(await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.reservation_expired' })).toHaveLength(2);
  });

  it('release and deduct of an expired reservation are refused as "already expired"', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const held = await reserve(s.id, 200, 60);
    await app.clock.advance('1m');
    expect((await sweep()).expired).toEqual([held.reservation.id]);
    const before = await remaining(s.id);
    const released = await expectRuleAsync(release(held.reservation.id), 'subscription.release_reservation.reservation_held');
    expect(released.message).toBe(`Reservation ${held.reservation.id} is already expired`);
    const deducted = await expectRuleAsync(deduct(held.reservation.id), 'subscription.deduct_reservation.reservation_held');
    expect(deducted.message).toBe(`Reservation ${held.reservation.id} is already expired`);
    expect(await remaining(s.id)).toBe(before);
  });

  it('a deduct after the time but before the sweep is refused (not_expired) and rates nothing; the sweep still returns the hold', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const before = await remaining(s.id);
    const onTime = await reserve(s.id, 300, 60);
    await app.clock.advance('59s');
    expect((await deduct(onTime.reservation.id)).reservation).toMatchObject({ state: 'deducted', deductedQuantity: 10 });

    const late = await reserve(s.id, 300, 60);
    await app.clock.advance('1m');
    const refused = await expectRuleAsync(deduct(late.reservation.id), 'subscription.deduct_reservation.not_expired');
    expect(refused.context).toMatchObject({ reservationId: late.reservation.id, state: 'held', expiresAt: late.reservation.expiresAt.toISOString() });
    expect(await app.get(SubscriptionQueries).getReservation(late.reservation.id)).toMatchObject({ state: 'held' });
    expect((await app.get(SubscriptionQueries).listUsage({ subscriptionId: s.id })).map((u) => u.eventId)).toEqual([`deduct:${onTime.reservation.id}`]);
    expect(await remaining(s.id)).toBe(before - 10 - 300);

    expect((await sweep()).expired).toEqual([late.reservation.id]);
    expect(await remaining(s.id)).toBe(before - 10);
  });

  it('a release after the time but before the sweep gives the hold back as the expiry would; the sweep then has nothing to do', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const before = await remaining(s.id);
    const held = await reserve(s.id, 400, 60);
    await app.clock.advance('2m');
    expect((await release(held.reservation.id)).reservation.state).toBe('released');
    expect((await sweep()).expired).toEqual([]);
    expect(await remaining(s.id)).toBe(before);
  });

  it('defers a due hold whose line another transaction holds, without waiting, and returns it on the next sweep', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const before = await remaining(s.id);
    const held = await reserve(s.id, 250, 60);
    await app.clock.advance('1m');
    await app.db.transaction(async (tx) => {
      await tx.query(`select id from subscription.subscription where id = $1 for update`, [s.id]);
      expect(await sweep()).toMatchObject({ expired: [], deferred: [held.reservation.id] });
    });
    expect(await remaining(s.id)).toBe(before - 250);
    expect(await sweep()).toMatchObject({ expired: [held.reservation.id], deferred: [] });
    expect(await remaining(s.id)).toBe(before);
  });
});
