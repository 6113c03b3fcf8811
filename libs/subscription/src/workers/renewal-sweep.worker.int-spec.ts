import { AuditQueries } from '@bss/audit';
import { AddPaymentCardCommand, DECLINING_TEST_PAN, PaymentQueries, SetDefaultPaymentMethodCommand } from '@bss/payment';
import { EmailQueries } from '@bss/notifications';
import { createTestApp, type TestApp } from '@bss/testing';
import { SimulateUsageCommand } from '#subscription/commands/simulate-usage.command';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { RenewalSweep } from './renewal-sweep.worker';

describe('RenewalSweep', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
  });
  beforeEach(async () => {
    // Each scenario starts with no other line due, so tick results name only its own lines.
    await app.db.query(`update subscription.subscription set state = 'terminated', terminated_at = now() where state <> 'terminated'`);
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  const tick = () => app.get(RenewalSweep).tick();
  const view = (id: string) => app.get(SubscriptionQueries).get(id);
  const renewalCharges = async (customerId: string) => (await app.get(PaymentQueries).listAttempts(customerId)).filter((a) => a.purpose === 'renewal');

  it('30 days later one tick renews as system:renewal_worker; a second tick on the same boundary does nothing', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_M' });
    expect(await tick()).toMatchObject({ renewed: [], declined: [], skipped: [] });
    await app.clock.advance('30d');

    const first = await tick();
    expect(first).toMatchObject({ renewed: [s.id], declined: [], skipped: [], failed: [] });
    const second = await tick();
    expect(second).toMatchObject({ renewed: [], declined: [], skipped: [], failed: [] });
    expect(await renewalCharges(customer?.id ?? '')).toHaveLength(1);

    const renewed = await view(s.id);
    expect(renewed.state).toBe('active');
    expect(renewed.nextRenewalAt?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    const [event] = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.renewed' });
    expect(event).toMatchObject({ actor: 'system:renewal_worker', channel: 'system' });
    const [charge] = await app.get(AuditQueries).list({ aggregateType: 'payment', eventType: 'payment.charged', limit: 1 });
    expect(charge?.actor).toBe('system:renewal_worker');

    // The next boundary is due again 30 days on.
    await app.clock.advance('30d');
    expect((await tick()).renewed).toEqual([s.id]);
    expect(await renewalCharges(customer?.id ?? '')).toHaveLength(2);
  });

  it('a declining card blocks the line instead, once per boundary', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const card = await app.get(AddPaymentCardCommand).execute({ customerId: customer?.id ?? '', cardNumber: DECLINING_TEST_PAN });
    await app.get(SetDefaultPaymentMethodCommand).execute({ paymentMethodId: card.id });
    await app.clock.advance('30d');
    expect(await tick()).toMatchObject({ renewed: [], declined: [s.id], skipped: [] });
    expect(await view(s.id)).toMatchObject({ state: 'blocked', stateReason: 'renew_failed' });
    expect(await tick()).toMatchObject({ renewed: [], declined: [], skipped: [] });
    expect((await renewalCharges(customer?.id ?? '')).map((a) => a.status)).toEqual(['declined']);
    const [failed] = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.renew_failed' });
    expect(failed).toMatchObject({ actor: 'system:renewal_worker', payload: { reason: 'payment_declined' } });
  });

  it('never charges a blocked overdue line and records exactly one renewal_skipped per boundary', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await app.get(SimulateUsageCommand).execute({ msisdn: s.msisdn, eventType: 'data', quantity: 5120 });
    await app.clock.advance('30d');
    expect(await tick()).toMatchObject({ renewed: [], skipped: [s.id] });
    expect(await tick()).toMatchObject({ renewed: [], skipped: [] });
    await app.clock.advance('1d');
    expect(await tick()).toMatchObject({ renewed: [], skipped: [] });
    expect(await renewalCharges(customer?.id ?? '')).toEqual([]);
    const skips = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.renewal_skipped' });
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatchObject({ actor: 'system:renewal_worker', payload: { reason: 'blocked', boundary: '2026-01-31T00:00:00.000Z' } });
  });

  it('sends one upcoming-renewal reminder per period', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_M' });
    const email = customer?.email ?? '';
    await app.clock.advance('28d');
    expect((await tick()).reminded).toEqual([]);
    await app.clock.advance('1d');
    expect((await tick()).reminded).toEqual([s.id]);
    await app.clock.advance('12h');
    expect((await tick()).reminded).toEqual([]);
    const mails = await app.get(EmailQueries).list({ to: email });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'renewal_reminder', subject: 'Your Standard plan renews on 2026-01-31' });
    expect(mails[0]?.body).toContain('SGD 25.00');

    await app.clock.advance('12h');
    expect((await tick()).renewed).toEqual([s.id]);
    await app.clock.advance('29d');
    expect((await tick()).reminded).toEqual([s.id]);
    expect(await app.get(EmailQueries).list({ to: email })).toHaveLength(2);
  });
});

describe('RenewalSweep in two processes over one database', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ imports: [SubscriptionModule] });
    b = await createTestApp({ imports: [SubscriptionModule], url: a.url, seed: false });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('charges each due subscription exactly once', async () => {
    await a.clock.freeze('2026-01-01T00:00:00Z');
    const lines = [];
    for (let i = 0; i < 30; i++) lines.push((await createTestLine(a, { offeringId: 'PLAN_S' })).subscription);
    await a.clock.advance('30d');
    await b.clock.freeze('2026-01-31T00:00:00Z');

    const [fromA, fromB] = await Promise.all([a.get(RenewalSweep).tick(), b.get(RenewalSweep).tick()]);
    const renewed = [...fromA.renewed, ...fromB.renewed];
    expect(new Set(renewed).size).toBe(renewed.length);
    expect(renewed.sort()).toEqual(lines.map((l) => l.id).sort());
    expect(fromA.failed).toEqual([]);
    expect(fromB.failed).toEqual([]);
    const perLine = await a.db.query<{ n: number }>(
      `select count(*)::int as n from payment.payment_attempt where purpose = 'renewal' group by customer_id`,
    );
    expect(perLine).toHaveLength(30);
    expect(perLine.every((r) => r.n === 1)).toBe(true);
  });
});
