import { InvalidInput } from '@bss/platform';
import { createTestApp, expectRuleAsync, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { givenOrderingCustomer, placeTestOrder } from '#orders/testing';
import { CancelOrderCommand } from './cancel-order.command';
import { DraftOrderCommand } from './draft-order.command';
import { ORDER_QUEUES } from './order-jobs';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

describe('CancelOrderCommand', () => {
  let app: TestApp;
  let customerId: string;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
    await app.clock.freeze('2026-04-01T00:00:00Z');
    customerId = (await givenOrderingCustomer(app)).customer.id;
  });
  afterAll(() => app.close());

  it('cancels an acknowledged order', async () => {
    const created = await app.get(DraftOrderCommand).execute({ customerId, offeringId: 'PLAN_M' });
    const cancelled = await app.get(CancelOrderCommand).execute({ orderId: created.id, reason: 'changed my mind' });
    expect(cancelled).toMatchObject({ state: 'cancelled', item: { state: 'cancelled' } });
    expect(cancelled.completedDate?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('cancels a submitted order SOM has not picked up; the queued decomposition then does nothing', async () => {
    const placed = await placeTestOrder(app, customerId);
    await app.get(CancelOrderCommand).execute({ orderId: placed.id });
    const reservedBefore = await app.db.query(`select count(*)::int as n from inventory.msisdn where status = 'reserved'`);
    await app.jobs.drain();
    const order = await app.get(OrderQueries).get(placed.id);
    expect(order).toMatchObject({ state: 'cancelled', serviceOrders: [] });
    expect(await app.db.query(`select count(*)::int as n from inventory.msisdn where status = 'reserved'`)).toEqual(reservedBefore);
  });

  it('order.cancel.forbidden_after_som_started once the service order is in progress', async () => {
    const placed = await placeTestOrder(app, customerId);
    await app.jobs.drain([ORDER_QUEUES.decompose]);
    await expectRuleAsync(app.get(CancelOrderCommand).execute({ orderId: placed.id }), 'order.cancel.forbidden_after_som_started');
    expect((await app.get(OrderQueries).get(placed.id)).state).toBe('in_progress');
    await app.jobs.drain();
  });

  it('order.transition.invalid for a settled order', async () => {
    const placed = await placeTestOrder(app, customerId);
    await app.jobs.drain();
    expect((await app.get(OrderQueries).get(placed.id)).state).toBe('completed');
    await expectRuleAsync(app.get(CancelOrderCommand).execute({ orderId: placed.id }), 'order.transition.invalid');
  });

  it('unknown ids are NotFound, malformed ones InvalidInput', async () => {
    await expect(app.get(CancelOrderCommand).execute({ orderId: 'ORD-9999' })).rejects.toMatchObject({ code: 'NOT_FOUND', context: { id: 'ORD-9999' } });
    await expect(app.get(CancelOrderCommand).execute({ orderId: 'order-1' })).rejects.toBeInstanceOf(InvalidInput);
  });
});
