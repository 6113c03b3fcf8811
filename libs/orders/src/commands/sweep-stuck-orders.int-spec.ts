import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { givenOrderingCustomer, placeTestOrder, setFault } from '#orders/testing';
import { ORDER_QUEUES } from './order-jobs';
import { SweepStuckOrdersCommand } from './sweep-stuck-orders.command';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

describe('SweepStuckOrdersCommand', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
    await app.clock.freeze('2026-05-01T08:00:00Z');
  });
  afterAll(() => app.close());

  it('flags an order in progress for more than 15 minutes (by the clock) exactly once', async () => {
    await setFault(app, 'HLR_PROVISION', 'stuck', true, 1);
    const { customer } = await givenOrderingCustomer(app);
    const stuck = await placeTestOrder(app, customer.id);
    await app.jobs.drain();
    await setFault(app, 'HLR_PROVISION', 'stuck', false);
    const healthy = await placeTestOrder(app, customer.id);
    await app.jobs.drain();
    expect((await app.get(OrderQueries).get(healthy.id)).state).toBe('completed');

    const sweeper = app.get(SweepStuckOrdersCommand);
    await app.clock.advance('15m');
    expect((await sweeper.execute()).flagged).toEqual([]);
    await app.clock.advance('1s');
    expect((await sweeper.execute()).flagged).toEqual([stuck.id]);
    await app.clock.advance('1h');
    expect((await sweeper.execute()).flagged).toEqual([]);

    // The scheduled job runs the same sweep.
    await app.jobs.drain([ORDER_QUEUES.sweepStuck]);
    const events = await app.get(AuditQueries).list({ eventType: 'order.stuck' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ aggregateId: stuck.id, occurredAt: '2026-05-01T08:15:01.000Z', payload: { commercialOrderId: stuck.id, state: 'in_progress' } });
    const order = await app.get(OrderQueries).get(stuck.id);
    expect(order).toMatchObject({ state: 'in_progress' });
    expect(order.stuckFlaggedAt?.toISOString()).toBe('2026-05-01T08:15:01.000Z');
  });
});
