import { InvalidInput } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { TerminateSubscriptionCommand } from '#subscription/commands/terminate-subscription.command';
import { SubscriptionModule } from '#subscription/subscription.module';
import { createTestLine } from '#subscription/testing';
import { SubscriptionQueries } from './subscription.queries';

describe('SubscriptionQueries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  it('reads a line by id and by MSISDN (the live one), lists a customer’s lines and says whether one is live', async () => {
    const first = await createTestLine(app, { offeringId: 'PLAN_S' });
    const customerId = first.customer?.id ?? '';
    const second = await createTestLine(app, { offeringId: 'PLAN_L', customerId, cardNumber: '4242424242424242' });
    const q = app.get(SubscriptionQueries);
    expect((await q.get(first.subscription.id)).offeringId).toBe('PLAN_S');
    expect((await q.getByMsisdn(second.subscription.msisdn)).id).toBe(second.subscription.id);
    expect((await q.listForCustomer(customerId)).map((s) => s.id)).toEqual([first.subscription.id, second.subscription.id]);
    expect(await q.liveLineIds(customerId)).toEqual([first.subscription.id, second.subscription.id]);
    // The 360's lines panel: the same lines and balances, only the shown columns.
    expect(await q.lineSummaries(customerId)).toEqual(
      (await q.listForCustomer(customerId)).map(({ id, msisdn, offeringId, state, balances }) => ({ id, msisdn, offeringId, state, balances })),
    );
    await expect(q.lineSummaries('bob')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await q.hasLiveLine(customerId)).toBe(true);

    await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: first.subscription.id });
    await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: second.subscription.id });
    expect(await q.hasLiveLine(customerId)).toBe(false);
    await expect(q.getByMsisdn(first.subscription.msisdn)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await q.stateHistory(first.subscription.id)).map((h) => h.trigger)).toEqual(['create', 'activate', 'terminate']);
  });

  it('names unknown ids and malformed ones', async () => {
    const q = app.get(SubscriptionQueries);
    await expect(q.get('SUB-9999')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'subscription SUB-9999 not found' });
    await expect(q.get('nope')).rejects.toBeInstanceOf(InvalidInput);
    await expect(q.listForCustomer('bob')).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'customerId' }] } });
    await expect(q.getByMsisdn('12ab')).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'msisdn' }] } });
  });
});
