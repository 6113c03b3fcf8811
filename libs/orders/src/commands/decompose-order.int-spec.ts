import { InventoryQueries } from '@bss/inventory';
import { createTestApp, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { givenOrderingCustomer, placeTestOrder } from '#orders/testing';
import { DecomposeOrderCommand } from './decompose-order.command';
import { ORDER_QUEUES } from './order-jobs';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

describe('DecomposeOrderCommand (SOM)', () => {
  let app: TestApp;
  let customerId: string;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
    await app.clock.freeze('2026-06-01T00:00:00Z');
    customerId = (await givenOrderingCustomer(app)).customer.id;
  });
  afterAll(() => app.close());

  it('holds exactly the preferred MSISDN and an eSIM, one CFS with two RFS and four pending tasks, in one go', async () => {
    const placed = await placeTestOrder(app, customerId, 'PLAN_M', '90000777');
    await app.jobs.drain([ORDER_QUEUES.decompose]);
    const order = await app.get(OrderQueries).get(placed.id);
    const [so] = order.serviceOrders;
    expect(so.state).toBe('in_progress');
    const [cfs] = so.cfs;
    expect(cfs).toMatchObject({ name: 'MobileBroadband', state: 'reserved', characteristics: { msisdn: '90000777', commercialOrderId: order.id, customerId, offeringId: 'PLAN_M' } });
    expect(cfs.rfs.map((r) => `${r.name}:${r.state}:${r.tasks.map((t) => t.taskType).join('+')}`)).toEqual([
      'DataService:reserved:PCRF_POLICY_PUSH+OCS_BALANCE_INIT',
      'VoiceService:reserved:HLR_PROVISION+ESIM_PROFILE_PREPARE',
    ]);
    expect((await app.get(InventoryQueries).getMsisdn('90000777')).status).toBe('reserved');
    expect((await app.get(InventoryQueries).getEsim(String(cfs.characteristics.iccid))).profileState).toBe('reserved');

    // A redelivered decomposition is a no-op.
    expect(await app.get(DecomposeOrderCommand).handle({ orderId: order.id, traceId: 'again' })).toBe('skipped');
    expect((await app.get(OrderQueries).get(order.id)).serviceOrders).toHaveLength(1);
    await app.jobs.drain();
    expect((await app.get(OrderQueries).get(order.id)).state).toBe('completed');
  });

  it('fails the order at once with line_resources_unavailable when the preferred MSISDN is taken', async () => {
    const placed = await placeTestOrder(app, customerId, 'PLAN_M', '90000777');
    await app.jobs.drain();
    const order = await app.get(OrderQueries).get(placed.id);
    expect(order).toMatchObject({ state: 'failed', failureReason: 'line_resources_unavailable', serviceOrders: [] });
    const failed = await app.db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name like 'orders.%' and state = 'failed'`);
    expect(failed[0]?.n).toBe(0);
  });
});
