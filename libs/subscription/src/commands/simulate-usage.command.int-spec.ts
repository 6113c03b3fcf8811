import { AuditQueries } from '@bss/audit';
import { InvalidInput, PolicyViolation } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { VasSubscriptionCommand } from './vas-subscription.command';
import { SimulateUsageCommand, type SimulateUsageInput } from './simulate-usage.command';

describe('SimulateUsageCommand', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  const use = (input: SimulateUsageInput) => app.get(SimulateUsageCommand).execute(input);
  const balance = async (subscriptionId: string, type: string) =>
    (await app.get(SubscriptionQueries).get(subscriptionId)).balances.find((b) => b.allowanceType === type);
  const usageRows = async (subscriptionId: string) => (await app.db.query(`select count(*)::int as n from subscription.usage_event where subscription_id = $1`, [subscriptionId]))[0]?.n;
  const events = (aggregateId: string, eventType: string) => app.get(AuditQueries).list({ aggregateId, eventType, limit: 1000 });

  async function refusal(input: SimulateUsageInput): Promise<PolicyViolation> {
    const error = await use(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyViolation);
    return error as PolicyViolation;
  }

  it('records and rates home usage into the matching bucket, voice_minutes included', async () => {
    const { subscription } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const data = await use({ msisdn: subscription.msisdn, eventType: 'data', quantity: 500, eventId: 'cdr-home-1', rawCdrRef: 'cdr://1' });
    expect(data).toMatchObject({ outcome: 'recorded', blocked: false, subscriptionState: 'active', balance: { allowanceType: 'data', consumed: 500, remaining: 4620 } });
    expect(data.usageEvent).toMatchObject({ id: expect.stringMatching(/^UE-\d{6}$/), eventId: 'cdr-home-1', ratedAllowanceType: 'data', consumedQuantity: 500, unit: 'mb', processed: true });
    await use({ msisdn: subscription.msisdn, eventType: 'voice', quantity: 7 });
    await use({ msisdn: subscription.msisdn, eventType: 'voice_minutes', quantity: 3 });
    await use({ msisdn: subscription.msisdn, eventType: 'sms', quantity: 2 });
    expect(await balance(subscription.id, 'voice')).toMatchObject({ total: 100, consumed: 10, remaining: 90 });
    expect(await balance(subscription.id, 'sms')).toMatchObject({ total: 100, consumed: 2, remaining: 98 });
    const [recorded] = await events(data.usageEvent.id, 'usage.recorded');
    expect(recorded?.payload).toMatchObject({
      usageEventId: data.usageEvent.id,
      msisdn: subscription.msisdn,
      eventType: 'data',
      quantity: 500,
      eventId: 'cdr-home-1',
      rawCdrRef: 'cdr://1',
      subscriptionId: subscription.id,
      rated: true,
      allowanceType: 'data',
      consumedQuantity: 500,
      chargeAmount: '0.00',
      currency: 'SGD',
      offeringId: 'PLAN_S',
    });
  });

  it('dedupes by event id: a redelivery is recorded and rated once', async () => {
    const { subscription } = await createTestLine(app);
    const first = await use({ msisdn: subscription.msisdn, eventType: 'data', quantity: 100, eventId: 'cdr-dup-1' });
    const again = await use({ msisdn: subscription.msisdn, eventType: 'data', quantity: 100, eventId: 'cdr-dup-1' });
    expect(again).toMatchObject({ outcome: 'duplicate', usageEvent: { id: first.usageEvent.id } });
    expect(await balance(subscription.id, 'data')).toMatchObject({ consumed: 100 });
    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => use({ msisdn: subscription.msisdn, eventType: 'data', quantity: 50, eventId: 'cdr-dup-2' })));
    expect(racing.filter((r) => r.outcome === 'recorded')).toHaveLength(1);
    expect(await balance(subscription.id, 'data')).toMatchObject({ consumed: 150 });
    expect(await usageRows(subscription.id)).toBe(2);
  });

  it('runs the mediation checks in order, storing nothing on a refusal', async () => {
    const { subscription } = await createTestLine(app);
    expect((await refusal({ msisdn: subscription.msisdn, eventType: 'data', quantity: 0 })).rule).toBe('usage.record.positive_quantity');
    expect((await refusal({ msisdn: subscription.msisdn, eventType: 'mms', quantity: -1 })).rule).toBe('usage.record.positive_quantity');
    expect((await refusal({ msisdn: subscription.msisdn, eventType: 'mms', quantity: 1 })).rule).toBe('usage.record.valid_event_type');
    expect((await refusal({ msisdn: '99999999', eventType: 'data', quantity: 1 })).rule).toBe('usage.record.subscription_must_exist');
    expect((await refusal({ msisdn: subscription.msisdn, eventType: 'data', quantity: 1, subscriptionId: 'SUB-9999' })).rule).toBe(
      'usage.record.msisdn_belongs_to_subscription',
    );
    expect(await usageRows(subscription.id)).toBe(0);
    const [rejected] = await events('99999999', 'usage.rejected');
    expect(rejected?.payload).toMatchObject({ msisdn: '99999999', subscriptionId: null, reason: 'usage.record.subscription_must_exist', rejectedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('names malformed fields, including a unit that does not fit the type', async () => {
    const error = await use({ msisdn: 'abc', eventType: 'data', quantity: 1.5, eventTime: 'yesterday' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).fields.map((f) => f.field).sort()).toEqual(['eventTime', 'msisdn', 'quantity']);
    const { subscription } = await createTestLine(app);
    const unit = await use({ msisdn: subscription.msisdn, eventType: 'voice', quantity: 5, unit: 'mb' }).catch((e: unknown) => e);
    expect((unit as InvalidInput).fields).toEqual([{ field: 'unit', messages: ['voice usage is measured in minutes, not mb'] }]);
  });

  it('routes roaming data to data_roaming only; exhausted roaming rejects roaming usage while the line stays active', async () => {
    const { subscription } = await createTestLine(app, { offeringId: 'PLAN_M' });
    const msisdn = subscription.msisdn;
    await use({ msisdn, eventType: 'data', quantity: 300, roamingIndicator: true });
    expect(await balance(subscription.id, 'data_roaming')).toMatchObject({ total: 500, consumed: 300, remaining: 200 });
    expect(await balance(subscription.id, 'data')).toMatchObject({ total: 30720, consumed: 0 });
    const last = await use({ msisdn, eventType: 'data', quantity: 300, roamingIndicator: true });
    expect(last).toMatchObject({ blocked: false, subscriptionState: 'active', balance: { allowanceType: 'data_roaming', consumed: 500, remaining: 0 } });

    const refused = await refusal({ msisdn, eventType: 'data', quantity: 10, roamingIndicator: true });
    expect(refused.rule).toBe('subscription.usage_rated.roaming_balance_required');
    expect((await app.get(SubscriptionQueries).get(subscription.id)).state).toBe('active');
    const rejections = await events(subscription.id, 'usage.rejected');
    expect(rejections).toHaveLength(1);
    expect(rejections[0]?.payload).toMatchObject({ reason: 'subscription.usage_rated.roaming_balance_required', roamingIndicator: true, state: 'active' });

    // Home data and roaming voice still work.
    await use({ msisdn, eventType: 'data', quantity: 1000 });
    await use({ msisdn, eventType: 'voice', quantity: 5, roamingIndicator: true });
    expect(await balance(subscription.id, 'data')).toMatchObject({ consumed: 1000, remaining: 29720 });
    expect(await balance(subscription.id, 'data_roaming')).toMatchObject({ consumed: 500 });
  });

  it('PLAN_S has a 0 mb roaming bucket: roaming is refused until VAS_ROAMING_1GB, then works', async () => {
    const { subscription } = await createTestLine(app, { offeringId: 'PLAN_S' });
    expect((await refusal({ msisdn: subscription.msisdn, eventType: 'data', quantity: 10, roamingIndicator: true })).rule).toBe(
      'subscription.usage_rated.roaming_balance_required',
    );
    await app.get(VasSubscriptionCommand).execute({ subscriptionId: subscription.id, vasOfferingId: 'VAS_ROAMING_1GB' });
    expect(await balance(subscription.id, 'data_roaming')).toMatchObject({ total: 1024, consumed: 0 });
    await use({ msisdn: subscription.msisdn, eventType: 'data', quantity: 24, roamingIndicator: true });
    expect(await balance(subscription.id, 'data_roaming')).toMatchObject({ total: 1024, consumed: 24, remaining: 1000 });
  });

  it('exhausting voice or sms never blocks and unlimited buckets never change', async () => {
    const s = (await createTestLine(app, { offeringId: 'PLAN_S' })).subscription;
    await use({ msisdn: s.msisdn, eventType: 'voice', quantity: 150 });
    await use({ msisdn: s.msisdn, eventType: 'sms', quantity: 100 });
    const view = await app.get(SubscriptionQueries).get(s.id);
    expect(view.state).toBe('active');
    expect(view.balances.find((b) => b.allowanceType === 'voice')).toMatchObject({ consumed: 100, remaining: 0 });
    const m = (await createTestLine(app, { offeringId: 'PLAN_M' })).subscription;
    await use({ msisdn: m.msisdn, eventType: 'voice', quantity: 10_000 });
    expect(await balance(m.id, 'voice')).toEqual({ allowanceType: 'voice', total: -1, consumed: 0, remaining: -1, unit: 'minutes' });
  });

  it('100 concurrent events on one line lose no decrement', async () => {
    const { subscription } = await createTestLine(app, { offeringId: 'PLAN_M' });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => use({ msisdn: subscription.msisdn, eventType: 'data', quantity: 7, eventId: `conc-${i}` })));
    expect(results.every((r) => r.outcome === 'recorded')).toBe(true);
    expect(await balance(subscription.id, 'data')).toMatchObject({ total: 30720, consumed: 700, remaining: 30020 });
    expect(await usageRows(subscription.id)).toBe(100);
  });

  it('N concurrent events past the total end at consumed = total and block exactly once', async () => {
    const { subscription } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const settled = await Promise.allSettled(Array.from({ length: 100 }, () => use({ msisdn: subscription.msisdn, eventType: 'data', quantity: 60 })));
    const recorded = settled.filter((r) => r.status === 'fulfilled');
    const refused = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => (r.reason as PolicyViolation).rule === 'usage.record.subscription_must_be_active')).toBe(true);
    // 5120 / 60 → the 86th event (5160 mb) empties the bucket; nothing after it is accepted.
    expect(recorded).toHaveLength(86);
    expect(await balance(subscription.id, 'data')).toMatchObject({ total: 5120, consumed: 5120, remaining: 0 });
    expect(await events(subscription.id, 'subscription.exhausted')).toHaveLength(1);
    expect(await events(subscription.id, 'subscription.blocked')).toHaveLength(1);
    expect(await events(subscription.id, 'usage.rejected')).toHaveLength(14);
  });
});
