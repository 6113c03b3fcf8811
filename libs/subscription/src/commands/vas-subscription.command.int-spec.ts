import { AuditQueries } from '@bss/audit';
import { AddPaymentCardCommand, PaymentQueries, SetDefaultPaymentMethodCommand } from '@bss/payment';
import { PolicyViolation } from '@bss/platform';
import { createTestApp, ruleOfAsync, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { VasSubscriptionCommand } from './vas-subscription.command';
import { SimulateUsageCommand } from './simulate-usage.command';
import { TerminateSubscriptionCommand } from './terminate-subscription.command';

describe('VasSubscriptionCommand and the block-on-exhaust cycle', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  const use = (msisdn: string, quantity: number, roamingIndicator = false) =>
    app.get(SimulateUsageCommand).execute({ msisdn, eventType: 'data', quantity, roamingIndicator });
  const vas = (subscriptionId: string, vasOfferingId: string) => app.get(VasSubscriptionCommand).execute({ subscriptionId, vasOfferingId });
  const view = (id: string) => app.get(SubscriptionQueries).get(id);
  const data = async (id: string) => {
    const b = (await view(id)).balances.find((x) => x.allowanceType === 'data');
    return b && { total: b.total, consumed: b.consumed, remaining: b.remaining };
  };
  const eventTypes = async (id: string) => (await app.get(AuditQueries).list({ aggregateId: id, eventType: 'subscription.', limit: 100 })).map((e) => e.eventType).reverse();

  it('usage to exhaustion → blocked → VAS → active, with exact balances at every step', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    expect(await data(s.id)).toEqual({ total: 5120, consumed: 0, remaining: 5120 });

    await use(s.msisdn, 5000);
    expect(await data(s.id)).toEqual({ total: 5120, consumed: 5000, remaining: 120 });
    expect((await view(s.id)).state).toBe('active');

    const last = await use(s.msisdn, 200);
    expect(last).toMatchObject({ blocked: true, subscriptionState: 'blocked' });
    expect(await data(s.id)).toEqual({ total: 5120, consumed: 5120, remaining: 0 });
    expect(await view(s.id)).toMatchObject({ state: 'blocked', stateReason: 'exhausted' });

    const refused = await use(s.msisdn, 1).catch((e: unknown) => e);
    expect((refused as PolicyViolation).rule).toBe('usage.record.subscription_must_be_active');
    const rows = await app.db.query(`select count(*)::int as n from subscription.usage_event where subscription_id = $1`, [s.id]);
    expect(rows[0]?.n).toBe(2);
    expect(await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'usage.rejected' })).toHaveLength(1);

    // A roaming-only top-up does not bring data back (§11 item 6).
    const roaming = await vas(s.id, 'VAS_ROAMING_1GB');
    expect(roaming).toMatchObject({ unblocked: false, previousState: 'blocked', subscription: { state: 'blocked' } });
    expect(roaming.subscription.balances.find((b) => b.allowanceType === 'data_roaming')).toMatchObject({ total: 1024, consumed: 0 });

    const topUp = await vas(s.id, 'VAS_DATA_1GB');
    expect(topUp).toMatchObject({ unblocked: true, previousState: 'blocked', subscription: { state: 'active', stateReason: 'vas_top_up' } });
    expect(topUp.paymentAttempt).toMatchObject({ status: 'approved', amount: '3.00', purpose: 'vas' });
    expect(topUp.vasPurchase).toMatchObject({ id: expect.stringMatching(new RegExp(`^${s.id}-VAS-[0-9A-F]{8}$`)), allowanceAdded: 1024, expiresAt: null });
    expect(await data(s.id)).toEqual({ total: 6144, consumed: 5120, remaining: 1024 });

    await use(s.msisdn, 1000);
    expect(await data(s.id)).toEqual({ total: 6144, consumed: 6120, remaining: 24 });
    await use(s.msisdn, 24);
    expect(await data(s.id)).toEqual({ total: 6144, consumed: 6144, remaining: 0 });
    expect((await view(s.id)).state).toBe('blocked');

    expect(await eventTypes(s.id)).toEqual([
      'subscription.activated',
      'subscription.exhausted',
      'subscription.blocked',
      'subscription.vas_purchased',
      'subscription.vas_purchased',
      'subscription.unblocked',
      'subscription.exhausted',
      'subscription.blocked',
    ]);
  });

  it('VAS_UNLIMITED_DAY unblocks an exhausted line and data is not decremented until it expires', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await use(s.msisdn, 5120);
    expect((await view(s.id)).state).toBe('blocked');
    const pass = await vas(s.id, 'VAS_UNLIMITED_DAY');
    expect(pass).toMatchObject({ unblocked: true, vasPurchase: { allowanceAdded: -1 } });
    expect(pass.vasPurchase.expiresAt?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(pass.subscription.dataUnlimitedUntil?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    await use(s.msisdn, 3000);
    expect(await data(s.id)).toEqual({ total: 5120, consumed: 5120, remaining: 0 });
    expect((await view(s.id)).state).toBe('active');

    await app.clock.advance('25h');
    const after = await use(s.msisdn, 10);
    expect(after).toMatchObject({ blocked: true });
    expect(await view(s.id)).toMatchObject({ state: 'blocked', dataUnlimitedUntil: null });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });

  it('a declined top-up only writes a payment attempt', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const decline = await app.get(AddPaymentCardCommand).execute({ customerId: customer?.id ?? '', cardNumber: '4000000000000002' });
    await app.get(SetDefaultPaymentMethodCommand).execute({ paymentMethodId: decline.id });
    const before = await view(s.id);
    const error = await vas(s.id, 'VAS_DATA_1GB').catch((e: unknown) => e);
    expect((error as PolicyViolation).rule).toBe('subscription.vas.requires_active_cof');
    expect(await view(s.id)).toEqual(before);
    expect(await app.get(SubscriptionQueries).listVasPurchases(s.id)).toEqual([]);
    const attempts = await app.get(PaymentQueries).listAttempts(customer?.id ?? '');
    expect(attempts.filter((a) => a.purpose === 'vas').map((a) => a.status)).toEqual(['declined']);
  });

  it('refuses a terminated line and an unknown VAS before any charge', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    expect(await ruleOfAsync(vas(s.id, 'VAS_NOPE'))).toBe('subscription.vas.vas_offering_sellable');
    await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: s.id });
    expect(await ruleOfAsync(vas(s.id, 'VAS_DATA_1GB'))).toBe('subscription.vas.not_if_terminated');
    const attempts = await app.get(PaymentQueries).listAttempts(customer?.id ?? '');
    expect(attempts.filter((a) => a.purpose === 'vas')).toEqual([]);
    await expect(vas('SUB-9999', 'VAS_DATA_1GB')).rejects.toMatchObject({ code: 'NOT_FOUND', context: { id: 'SUB-9999' } });
  });
});
