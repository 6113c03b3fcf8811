import { AuditQueries } from '@bss/audit';
import { SetPriceCommand } from '@bss/catalog';
import { AddPaymentCardCommand, DECLINING_TEST_PAN, PaymentQueries, SetDefaultPaymentMethodCommand } from '@bss/payment';
import { PolicyViolation } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { VasSubscriptionCommand } from './vas-subscription.command';
import { SimulateUsageCommand } from './simulate-usage.command';
import { RenewSubscriptionCommand } from './renew-subscription.command';
import { CancelPlanChangeCommand } from './cancel-plan-change.command';
import { SchedulePlanChangeCommand } from './schedule-plan-change.command';
import { TerminateSubscriptionCommand } from './terminate-subscription.command';

const T0 = '2026-01-01T00:00:00Z';

describe('RenewSubscriptionCommand', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
  });
  beforeEach(() => app.clock.freeze(T0));
  afterAll(() => app.close());

  const renew = (subscriptionId: string) => app.get(RenewSubscriptionCommand).execute({ subscriptionId });
  const view = (id: string) => app.get(SubscriptionQueries).get(id);
  const renewalCharges = async (customerId: string) => (await app.get(PaymentQueries).listAttempts(customerId)).filter((a) => a.purpose === 'renewal');
  async function declineFrom(customerId: string): Promise<void> {
    const card = await app.get(AddPaymentCardCommand).execute({ customerId, cardNumber: DECLINING_TEST_PAN });
    await app.get(SetDefaultPaymentMethodCommand).execute({ paymentMethodId: card.id });
  }

  it('charges the snapshot, resets every bucket (top-ups gone) and starts the period at the renewal time', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await app.get(SimulateUsageCommand).execute({ msisdn: s.msisdn, eventType: 'data', quantity: 4000 });
    await app.get(SimulateUsageCommand).execute({ msisdn: s.msisdn, eventType: 'voice', quantity: 30 });
    await app.get(VasSubscriptionCommand).execute({ subscriptionId: s.id, vasOfferingId: 'VAS_DATA_1GB' });
    await app.get(VasSubscriptionCommand).execute({ subscriptionId: s.id, vasOfferingId: 'VAS_ROAMING_1GB' });
    await app.clock.advance('30d');

    const result = await renew(s.id);
    expect(result).toMatchObject({ outcome: 'renewed', pivot: null, paymentAttempt: { status: 'approved', amount: '10.00', purpose: 'renewal' } });
    expect(result.paymentAttempt?.idempotencyKey).toBe(`REN-${s.id}-${Date.parse('2026-01-31T00:00:00Z') / 1000}`);
    const after = result.subscription;
    expect(after.currentPeriodStart?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(after.nextRenewalAt?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(after.balances).toEqual([
      { allowanceType: 'data', total: 5120, consumed: 0, remaining: 5120, unit: 'mb' },
      { allowanceType: 'voice', total: 100, consumed: 0, remaining: 100, unit: 'minutes' },
      { allowanceType: 'sms', total: 100, consumed: 0, remaining: 100, unit: 'count' },
      { allowanceType: 'data_roaming', total: 0, consumed: 0, remaining: 0, unit: 'mb' },
    ]);
    expect(await renewalCharges(customer?.id ?? '')).toHaveLength(1);
    const [renewed] = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.renewed' });
    expect(renewed?.payload).toMatchObject({ amountCharged: '10.00', discountApplied: false, periodStart: '2026-01-31T00:00:00.000Z', periodEnd: '2026-03-02T00:00:00.000Z' });
  });

  it('keeps charging the stored price after the catalog price changes', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_M' });
    await app.get(SetPriceCommand).execute({ offeringId: 'PLAN_M', priceId: 'PRICE_PLAN_M_30', amount: '30.00', validFrom: '2026-01-02T00:00:00Z', retireCurrent: true });
    await app.clock.advance('30d');
    const result = await renew(s.id);
    expect(result.paymentAttempt?.amount).toBe('25.00');
    expect(result.subscription).toMatchObject({ priceAmount: '25.00', priceOfferingPriceId: 'PRICE_PLAN_M' });
    expect((await renewalCharges(customer?.id ?? '')).map((a) => a.amount)).toEqual(['25.00']);
  });

  it('a decline blocks the line and leaves balances, period and pending change as they were; a paid renew brings it back', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await app.get(SchedulePlanChangeCommand).execute({ subscriptionId: s.id, offeringId: 'PLAN_M' });
    await app.get(SimulateUsageCommand).execute({ msisdn: s.msisdn, eventType: 'data', quantity: 100 });
    await declineFrom(customer?.id ?? '');
    await app.clock.advance('30d');
    const before = await view(s.id);

    const declined = await renew(s.id);
    expect(declined).toMatchObject({ outcome: 'payment_declined', pivot: 'plan_change', paymentAttempt: { status: 'declined', amount: '25.00' } });
    const blocked = await view(s.id);
    expect(blocked).toMatchObject({ state: 'blocked', stateReason: 'renew_failed', offeringId: 'PLAN_S', pendingOfferingId: 'PLAN_M', pendingOfferingPriceId: 'PRICE_PLAN_M' });
    expect(blocked.balances).toEqual(before.balances);
    expect(blocked.nextRenewalAt).toEqual(before.nextRenewalAt);
    expect(blocked.currentPeriodStart).toEqual(before.currentPeriodStart);
    const events = (await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.', limit: 20 })).map((e) => e.eventType);
    expect(events.slice(0, 3)).toEqual(['subscription.blocked', 'subscription.plan_change_payment_failed', 'subscription.renew_failed']);

    // §11 item 2: a blocked line renews once the card works — a new charge, not the declined one replayed.
    const cards = await app.get(PaymentQueries).listMethods(customer?.id ?? '');
    await app.get(SetDefaultPaymentMethodCommand).execute({ paymentMethodId: cards.find((c) => c.last4 === '4242')?.id ?? '' });
    const paid = await renew(s.id);
    expect(paid).toMatchObject({ outcome: 'renewed', pivot: 'plan_change', paymentAttempt: { status: 'approved', amount: '25.00' } });
    expect(paid.subscription).toMatchObject({ state: 'active', offeringId: 'PLAN_M', priceAmount: '25.00', pendingOfferingId: null });
    expect(paid.paymentAttempt?.idempotencyKey).toMatch(/-r1$/);
    expect((await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.unblocked' }))[0]?.payload).toMatchObject({ reason: 'renewal' });
  });

  it('applies a scheduled plan change at renewal: pinned offering and price, new buckets, pending cleared', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const scheduled = await app.get(SchedulePlanChangeCommand).execute({ subscriptionId: s.id, offeringId: 'PLAN_L' });
    expect(scheduled).toMatchObject({ state: 'active', offeringId: 'PLAN_S', priceAmount: '10.00', pendingOfferingId: 'PLAN_L', pendingOfferingPriceId: 'PRICE_PLAN_L' });
    expect(scheduled.pendingEffectiveAt).toEqual(s.nextRenewalAt);
    const again = await app.get(SchedulePlanChangeCommand).execute({ subscriptionId: s.id, offeringId: 'PLAN_M' }).catch((e: unknown) => e);
    expect((again as PolicyViolation).rule).toBe('subscription.plan_change.already_pending');

    await app.clock.advance('30d');
    const result = await renew(s.id);
    expect(result).toMatchObject({ outcome: 'renewed', pivot: 'plan_change', paymentAttempt: { amount: '45.00' } });
    expect(result.subscription).toMatchObject({ offeringId: 'PLAN_L', priceAmount: '45.00', priceOfferingPriceId: 'PRICE_PLAN_L', pendingOfferingId: null, pendingEffectiveAt: null });
    expect(result.subscription.balances.map((b) => [b.allowanceType, b.total])).toEqual([
      ['data', 153600],
      ['voice', -1],
      ['sms', -1],
      ['data_roaming', 2048],
    ]);
    const [changed] = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.plan_changed' });
    expect(changed?.payload).toMatchObject({ previousOfferingId: 'PLAN_S', newOfferingId: 'PLAN_L', newPriceAmount: '45.00', newPriceOfferingPriceId: 'PRICE_PLAN_L' });
  });

  it('a cancelled plan change is not applied; cancelling with nothing pending is a silent no-op', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await app.get(SchedulePlanChangeCommand).execute({ subscriptionId: s.id, offeringId: 'PLAN_M' });
    await app.get(CancelPlanChangeCommand).execute({ subscriptionId: s.id });
    const quiet = await app.get(CancelPlanChangeCommand).execute({ subscriptionId: s.id });
    expect(quiet.pendingOfferingId).toBeNull();
    expect(await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.plan_change_cancelled' })).toHaveLength(1);
    await app.clock.advance('30d');
    expect((await renew(s.id)).subscription).toMatchObject({ offeringId: 'PLAN_S', priceAmount: '10.00' });
  });

  it('steps the promo counter down: 10% for 3 periods is 22.50 three times, then 25.00', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_M', promo: { discountType: 'percent', discountValue: '10', discountPeriodsTotal: 3, promoCode: 'DEMO_WELCOME10' } });
    const counters = [s.discountPeriodsRemaining];
    for (let i = 0; i < 3; i++) {
      await app.clock.advance('30d');
      counters.push((await renew(s.id)).subscription.discountPeriodsRemaining);
    }
    expect(counters).toEqual([2, 1, 0, 0]);
    const amounts = (await app.get(PaymentQueries).listAttempts(customer?.id ?? '')).sort((a, b) => a.id.localeCompare(b.id)).map((a) => a.amount);
    expect(amounts).toEqual(['22.50', '22.50', '22.50', '25.00']);
  });

  describe('executeMany (a sweep batch)', () => {
    const renewMany = (ids: string[]) => app.get(RenewSubscriptionCommand).executeMany(ids);

    it('answers each line on its own, in input order: renewed, declined, plan change, terminated, unknown', async () => {
      const plain = await createTestLine(app, { offeringId: 'PLAN_S' });
      const declining = await createTestLine(app, { offeringId: 'PLAN_M' });
      await declineFrom(declining.customer?.id ?? '');
      const changing = await createTestLine(app, { offeringId: 'PLAN_S' });
      await app.get(SchedulePlanChangeCommand).execute({ subscriptionId: changing.subscription.id, offeringId: 'PLAN_L' });
      const ended = await createTestLine(app, { offeringId: 'PLAN_S' });
      await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: ended.subscription.id });
      await app.clock.advance('30d');

      const ids = [plain.subscription.id, declining.subscription.id, changing.subscription.id, ended.subscription.id, 'SUB-99999999'];
      const results = await renewMany(ids);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.outcome : (r.reason as { rule?: string; code?: string }).rule ?? (r.reason as { code: string }).code))).toEqual([
        'renewed',
        'payment_declined',
        'renewed',
        'subscription.renew.only_if_active_or_blocked',
        'NOT_FOUND',
      ]);
      expect(await view(plain.subscription.id)).toMatchObject({ state: 'active', nextRenewalAt: new Date('2026-03-02T00:00:00Z') });
      expect(await view(declining.subscription.id)).toMatchObject({ state: 'blocked', stateReason: 'renew_failed' });
      expect(await view(changing.subscription.id)).toMatchObject({ offeringId: 'PLAN_L', priceAmount: '45.00', pendingOfferingId: null });
      expect(await renewalCharges(ended.customer?.id ?? '')).toEqual([]);
      for (const line of [plain, declining, changing]) expect(await renewalCharges(line.customer?.id ?? '')).toHaveLength(1);
      const history = await app.db.query<{ subscription_id: string; trigger: string }>(
        `select subscription_id, trigger from subscription.subscription_state_history where subscription_id = any($1) and trigger like 'renew%' order by subscription_id`,
        [ids],
      );
      expect(history).toHaveLength(3);

    });

    it('a line whose write fails is answered alone; the rest of the batch renews, and its retry charges nobody twice', async () => {
      const lines = await Promise.all([0, 1, 2].map(() => createTestLine(app, { offeringId: 'PLAN_S' })));
      const broken = lines[1]?.subscription.id ?? '';
      await app.db.query(`create function subscription.fail_one_renewal() returns trigger language plpgsql as $$
        begin if new.id = '${broken}' then raise exception 'disk on fire for %', new.id; end if; return new; end $$`);
      await app.db.query(`create trigger fail_one_renewal before update on subscription.subscription for each row execute function subscription.fail_one_renewal()`);
      await app.clock.advance('30d');
      try {
        const results = await renewMany(lines.map((l) => l.subscription.id));
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(String((results[1] as PromiseRejectedResult).reason)).toContain('disk on fire');
        expect(await view(broken)).toMatchObject({ nextRenewalAt: lines[1]?.subscription.nextRenewalAt });
      } finally {
        await app.db.query(`drop trigger fail_one_renewal on subscription.subscription; drop function subscription.fail_one_renewal()`);
      }
      const retried = await renew(broken);
      expect(retried.outcome).toBe('renewed');
      for (const line of lines) expect(await renewalCharges(line.customer?.id ?? '')).toHaveLength(1);
      expect(await app.db.query(`select 1 from payment.mock_gateway_charge where idempotency_key = $1`, [retried.paymentAttempt?.idempotencyKey])).toHaveLength(1);
    });
  });

  it('refuses a terminated line before charging', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: s.id });
    const error = await renew(s.id).catch((e: unknown) => e);
    expect((error as PolicyViolation).rule).toBe('subscription.renew.only_if_active_or_blocked');
    expect(await renewalCharges(customer?.id ?? '')).toEqual([]);
  });
});
