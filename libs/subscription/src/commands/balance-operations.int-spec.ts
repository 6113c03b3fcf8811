import { AuditQueries } from '@bss/audit';
import { runWithAuth } from '@bss/policies';
import { createTestApp, ruleOfAsync, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { AdjustBalanceCommand } from './adjust-balance.command';
import { DeductReservationCommand } from './deduct-reservation.command';
import { ReleaseReservationCommand } from './release-reservation.command';
import { ReserveBalanceCommand } from './reserve-balance.command';
import { SimulateUsageCommand } from './simulate-usage.command';
import { TerminateSubscriptionCommand } from './terminate-subscription.command';
import { TransferBalanceCommand } from './transfer-balance.command';

describe('the balance operations: adjust, transfer, reserve / release / deduct', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  const adjust = (subscriptionId: string, quantity: number, extra: Partial<{ allowanceType: 'data' | 'voice' | 'sms'; unit: 'mb' | 'minutes' | 'count' }> = {}) =>
    runWithAuth({ actor: 'partner:acme', channel: 'system', serviceIdentity: 'partner_acme' }, () =>
      app.get(AdjustBalanceCommand).execute({ subscriptionId, allowanceType: 'data', unit: 'mb', quantity, reason: 'goodwill for an outage', ...extra }),
    );
  const transfer = (fromSubscriptionId: string, toSubscriptionId: string, quantity: number) =>
    app.get(TransferBalanceCommand).execute({ fromSubscriptionId, toSubscriptionId, allowanceType: 'data', unit: 'mb', quantity, reason: 'share with the family' });
  const data = async (id: string) => (await app.get(SubscriptionQueries).get(id)).balances.find((b) => b.allowanceType === 'data');

  it('credits and debits a bucket, records who asked, and lists the adjustments', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const credit = await adjust(s.id, 500);
    expect(credit.adjustment).toMatchObject({ id: expect.stringMatching(/^ADJ-[0-9a-f]{8}$/), subscriptionId: s.id, quantity: 500, unit: 'mb', actor: 'partner:acme', serviceIdentity: 'partner_acme' });
    expect(await data(s.id)).toMatchObject({ total: 5620, consumed: 0, remaining: 5620 });
    await adjust(s.id, -620);
    expect(await data(s.id)).toMatchObject({ total: 5000, remaining: 5000 });
    expect((await app.get(SubscriptionQueries).listAdjustments(s.id)).map((a) => a.quantity).sort()).toEqual([-620, 500]);
    expect(await app.get(SubscriptionQueries).getAdjustment(credit.adjustment.id)).toEqual(credit.adjustment);
    const [event] = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.balance_adjusted', limit: 1 });
    expect(event).toMatchObject({ serviceIdentity: 'partner_acme', actor: 'partner:acme' });
  });

  it('refuses what would leave a bucket negative, a foreign unit, more than the cap, and a terminated line', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    expect(await ruleOfAsync(adjust(s.id, -5121))).toBe('subscription.adjust_balance.no_negative_remaining');
    expect(await ruleOfAsync(adjust(s.id, 10, { unit: 'minutes' }))).toBe('subscription.adjust_balance.unit_matches_bucket');
    expect(await ruleOfAsync(adjust(s.id, 10_241))).toBe('subscription.adjust_balance.within_cap');
    await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: s.id, reason: 'customer_requested' });
    expect(await ruleOfAsync(adjust(s.id, 10))).toBe('subscription.adjust_balance.line_active_or_blocked');
    expect(await app.get(SubscriptionQueries).listAdjustments(s.id)).toEqual([]);
  });

  it('a credit brings a line blocked for exhausted data back, as a top-up does; a debit to zero blocks it', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await app.get(SimulateUsageCommand).execute({ msisdn: s.msisdn, eventType: 'data', quantity: 5120 });
    expect((await app.get(SubscriptionQueries).get(s.id)).state).toBe('blocked');
    const credit = await adjust(s.id, 100);
    expect(credit).toMatchObject({ line: 'unblocked', subscription: { state: 'active', stateReason: 'balance_adjustment' } });
    const debit = await adjust(s.id, -100);
    expect(debit).toMatchObject({ line: 'blocked', subscription: { state: 'blocked', stateReason: 'exhausted' } });
  });

  it('moves allowance between two lines of one customer in one step, and only there', async () => {
    const { subscription: giver, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const { subscription: receiver } = await createTestLine(app, { offeringId: 'PLAN_S', customerId: customer!.id });
    const { subscription: stranger } = await createTestLine(app, { offeringId: 'PLAN_S' });

    const moved = await transfer(giver.id, receiver.id, 1000);
    expect(moved.transfer).toMatchObject({ id: expect.stringMatching(/^TRF-[0-9a-f]{8}$/), fromSubscriptionId: giver.id, toSubscriptionId: receiver.id, quantity: 1000 });
    expect(await data(giver.id)).toMatchObject({ total: 4120, remaining: 4120 });
    expect(await data(receiver.id)).toMatchObject({ total: 6120, remaining: 6120 });
    expect((await app.get(SubscriptionQueries).listTransfers(receiver.id)).map((t) => t.id)).toEqual([moved.transfer.id]);

    expect(await ruleOfAsync(transfer(giver.id, stranger.id, 1))).toBe('subscription.transfer_balance.same_customer');
    expect(await ruleOfAsync(transfer(giver.id, giver.id, 1))).toBe('subscription.transfer_balance.distinct_lines');
    expect(await ruleOfAsync(transfer(giver.id, receiver.id, 4121))).toBe('subscription.transfer_balance.enough_remaining');
    await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: receiver.id, reason: 'customer_requested' });
    expect(await ruleOfAsync(transfer(giver.id, receiver.id, 1))).toBe('subscription.transfer_balance.lines_active');
    expect(await data(giver.id)).toMatchObject({ total: 4120 });
  });

  it('a reservation holds allowance away from usage; release gives it back; deduct rates what was used as usage', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const reserve = (quantity: number) => app.get(ReserveBalanceCommand).execute({ subscriptionId: s.id, allowanceType: 'data', quantity, unit: 'mb', requestRef: 'ocs-session-1' });
    const held = await reserve(5000);
    expect(held.reservation).toMatchObject({ id: expect.stringMatching(/^RSV-[0-9a-f]{8}$/), state: 'held', quantity: 5000, requestRef: 'ocs-session-1' });
    expect(await data(s.id)).toMatchObject({ remaining: 120 });
    // Usage cannot eat into the hold: 200 MB exhausts the 120 left and blocks the line.
    await app.get(SimulateUsageCommand).execute({ msisdn: s.msisdn, eventType: 'data', quantity: 200 });
    expect((await app.get(SubscriptionQueries).get(s.id)).state).toBe('blocked');
    expect(await ruleOfAsync(reserve(1))).toBe('subscription.reserve_balance.line_active');

    const released = await app.get(ReleaseReservationCommand).execute({ reservationId: held.reservation.id });
    expect(released.reservation.state).toBe('released');
    expect(await data(s.id)).toMatchObject({ remaining: 5000 });
    expect(await ruleOfAsync(app.get(ReleaseReservationCommand).execute({ reservationId: held.reservation.id }))).toBe('subscription.release_reservation.reservation_held');

    await adjust(s.id, 1); // a credit brings the line back
    const session = await reserve(1000);
    expect(await ruleOfAsync(app.get(DeductReservationCommand).execute({ reservationId: session.reservation.id, quantity: 1001, reason: 'too much' }))).toBe('subscription.deduct_reservation.within_reservation');
    const deducted = await app.get(DeductReservationCommand).execute({ reservationId: session.reservation.id, quantity: 300, reason: 'session ended' });
    expect(deducted.reservation).toMatchObject({ state: 'deducted', deductedQuantity: 300, usageEventId: deducted.usage.usageEvent.id });
    expect(deducted.usage).toMatchObject({ outcome: 'recorded', usageEvent: { eventId: `deduct:${session.reservation.id}`, consumedQuantity: 300 } });
    expect(await data(s.id)).toMatchObject({ remaining: 4701 });
  });
});
