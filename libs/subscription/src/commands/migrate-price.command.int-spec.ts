import { AuditQueries } from '@bss/audit';
import { SetPriceCommand } from '@bss/catalog';
import { EmailQueries } from '@bss/notifications';
import { runWithAuth } from '@bss/policies';
import { createTestApp, ruleOfAsync, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { MigratePriceCommand, type MigratePriceInput } from './migrate-price.command';
import { SimulateUsageCommand } from './simulate-usage.command';
import { RenewSubscriptionCommand } from './renew-subscription.command';
import { SchedulePlanChangeCommand } from './schedule-plan-change.command';
import { CancelPlanChangeCommand } from './cancel-plan-change.command';

describe('MigratePriceCommand', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
    await app.get(SetPriceCommand).execute({ offeringId: 'PLAN_M', priceId: 'PRICE_PLAN_M_27', amount: '27.00', validFrom: '2026-06-01T00:00:00Z' });
  });
  afterAll(() => app.close());

  const migrate = (input: MigratePriceInput) => app.get(MigratePriceCommand).execute(input);

  it('pins the new price on every active or blocked line, skips lines with a pending change, sends one notice each, pivots at renewal', async () => {
    const active = await createTestLine(app, { offeringId: 'PLAN_M' });
    const blocked = await createTestLine(app, { offeringId: 'PLAN_M' });
    await app.get(SimulateUsageCommand).execute({ msisdn: blocked.subscription.msisdn, eventType: 'data', quantity: 30720 });
    const changing = await createTestLine(app, { offeringId: 'PLAN_M' });
    await app.get(SchedulePlanChangeCommand).execute({ subscriptionId: changing.subscription.id, offeringId: 'PLAN_L' });
    const other = await createTestLine(app, { offeringId: 'PLAN_S' });

    const result = await migrate({ offeringId: 'PLAN_M', newPriceId: 'PRICE_PLAN_M_27', effectiveFrom: '2026-01-10', noticeDays: 30 });
    expect(result).toMatchObject({ offeringId: 'PLAN_M', newPriceId: 'PRICE_PLAN_M_27', newAmount: '27.00' });
    expect(result.effectiveAt.toISOString()).toBe('2026-02-09T00:00:00.000Z');
    expect(result.subscriptionIds).toEqual(expect.arrayContaining([active.subscription.id, blocked.subscription.id]));
    expect(result.subscriptionIds).not.toContain(changing.subscription.id);
    expect(result.skipped).toContainEqual({ subscriptionId: changing.subscription.id, reason: 'plan_change_pending', pendingOfferingId: 'PLAN_L' });
    expect(result.count).toBe(result.subscriptionIds.length);

    const pinned = await app.get(SubscriptionQueries).get(active.subscription.id);
    expect(pinned).toMatchObject({ state: 'active', priceAmount: '25.00', pendingOfferingId: 'PLAN_M', pendingOfferingPriceId: 'PRICE_PLAN_M_27' });
    expect(pinned.pendingEffectiveAt?.toISOString()).toBe('2026-02-09T00:00:00.000Z');
    expect((await app.get(SubscriptionQueries).get(changing.subscription.id)).pendingOfferingId).toBe('PLAN_L');
    expect((await app.get(SubscriptionQueries).get(other.subscription.id)).pendingOfferingId).toBeNull();
    for (const line of [active, blocked]) {
      const mails = await app.get(EmailQueries).list({ to: line.customer?.email ?? '' });
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ kind: 'price_migration_notice' });
      expect(mails[0]?.body).toContain('SGD 25.00 to SGD 27.00');
    }
    expect(await app.get(EmailQueries).list({ to: changing.customer?.email ?? '' })).toEqual([]);
    const [scheduled] = await app.get(AuditQueries).list({ aggregateId: active.subscription.id, eventType: 'subscription.price_migration_scheduled' });
    expect(scheduled?.payload).toMatchObject({ offeringId: 'PLAN_M', oldAmount: '25.00', newAmount: '27.00', newCurrency: 'SGD', effectiveAt: '2026-02-09T00:00:00.000Z', initiatedBy: 'system' });

    // A migration is the operator's, not the customer's, to cancel.
    expect(await ruleOfAsync(app.get(CancelPlanChangeCommand).execute({ subscriptionId: active.subscription.id }))).toBe('subscription.cancel_plan_change.not_a_plan_change');

    await app.clock.advance('30d'); // 2026-01-31: before effectiveAt, the old price still applies
    const first = await app.get(RenewSubscriptionCommand).execute({ subscriptionId: active.subscription.id });
    expect(first).toMatchObject({ pivot: null, paymentAttempt: { amount: '25.00' }, subscription: { pendingOfferingPriceId: 'PRICE_PLAN_M_27' } });
    await app.clock.advance('30d'); // 2026-03-02: first renewal on or after effectiveAt
    const second = await app.get(RenewSubscriptionCommand).execute({ subscriptionId: active.subscription.id });
    expect(second).toMatchObject({ pivot: 'price_migration', paymentAttempt: { amount: '27.00' } });
    expect(second.subscription).toMatchObject({ offeringId: 'PLAN_M', priceAmount: '27.00', priceOfferingPriceId: 'PRICE_PLAN_M_27', pendingOfferingId: null });
    expect(await app.get(AuditQueries).list({ aggregateId: active.subscription.id, eventType: 'subscription.price_migrated' })).toHaveLength(1);
  });

  it('refuses a missing filter, an unknown price, a price of another offering, and non-admins', async () => {
    expect(await ruleOfAsync(migrate({ newPriceId: 'PRICE_PLAN_M_27', effectiveFrom: '2026-01-10' }))).toBe('subscription.migrate_price.unsupported_filter');
    expect(await ruleOfAsync(migrate({ offeringId: 'PLAN_M', newPriceId: 'PRICE_NOPE', effectiveFrom: '2026-01-10' }))).toBe('subscription.migrate_price.unknown_price');
    expect(await ruleOfAsync(migrate({ offeringId: 'PLAN_M', newPriceId: 'PRICE_PLAN_L', effectiveFrom: '2026-01-10' }))).toBe('subscription.migrate_price.price_not_on_offering');
    const anonymous = runWithAuth({ actor: 'anonymous' }, () => migrate({ offeringId: 'PLAN_M', newPriceId: 'PRICE_PLAN_M_27', effectiveFrom: '2026-01-10' }));
    expect(await ruleOfAsync(anonymous)).toBe('subscription.admin_only');
  });
});

describe('SchedulePlanChangeCommand', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  const schedule = (subscriptionId: string, offeringId: string) => app.get(SchedulePlanChangeCommand).execute({ subscriptionId, offeringId });

  it('refuses the current plan, an unpriced target and a blocked line; names an unknown offering', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    expect(await ruleOfAsync(schedule(s.id, 'PLAN_S'))).toBe('subscription.plan_change.same_offering');
    await app.db.query(`update catalog.product_offering_price set valid_to = 'epoch' where offering_id = 'PLAN_L'`);
    expect(await ruleOfAsync(schedule(s.id, 'PLAN_L'))).toBe('subscription.plan_change.target_no_active_price');
    await app.db.query(`update catalog.product_offering set is_sellable = false where id = 'PLAN_L'`);
    expect(await ruleOfAsync(schedule(s.id, 'PLAN_L'))).toBe('subscription.plan_change.target_not_sellable_now');
    await expect(schedule(s.id, 'PLAN_NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND', context: { id: 'PLAN_NOPE' } });
    await app.get(SimulateUsageCommand).execute({ msisdn: s.msisdn, eventType: 'data', quantity: 5120 });
    expect(await ruleOfAsync(schedule(s.id, 'PLAN_M'))).toBe('subscription.plan_change.not_eligible_state');
  });
});
