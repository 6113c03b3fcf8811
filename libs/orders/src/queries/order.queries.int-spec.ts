import { InvalidInput } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { givenOrderingCustomer, placeTestOrder } from '#orders/testing';
import { OrderTraceQueries } from './order-trace.queries';
import { OrderQueries } from './order.queries';
import { ProvisioningQueries } from './provisioning.queries';
import { ServiceQueries } from './service.queries';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

describe('order, provisioning, service and trace queries', () => {
  let app: TestApp;
  let customerId: string;
  let orderId: string;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
    await app.clock.freeze('2026-07-01T00:00:00Z');
    customerId = (await givenOrderingCustomer(app)).customer.id;
    orderId = (await placeTestOrder(app, customerId, 'PLAN_S')).id;
    await app.jobs.drain();
    await placeTestOrder(app, customerId, 'PLAN_M');
  });
  afterAll(() => app.close());

  it('lists orders newest first, by customer and state', async () => {
    const all = await app.get(OrderQueries).list({ customerId });
    expect(all.map((o) => o.state)).toEqual(['in_progress', 'completed']);
    expect((await app.get(OrderQueries).list({ customerId, state: 'completed' })).map((o) => o.id)).toEqual([orderId]);
    expect(await app.get(OrderQueries).list({ customerId: 'CUST-00000000' })).toEqual([]);
    await expect(app.get(OrderQueries).list({ customerId: 'bob' })).rejects.toBeInstanceOf(InvalidInput);
  });

  it('summariesForCustomer: the same orders as list, newest first, only what the 360 shows', async () => {
    const all = await app.get(OrderQueries).list({ customerId });
    expect(await app.get(OrderQueries).summariesForCustomer(customerId, 25)).toEqual(all.map((o) => ({ id: o.id, state: o.state, orderDate: o.orderDate, offeringId: o.item.offeringId })));
    expect((await app.get(OrderQueries).summariesForCustomer(customerId, 1)).map((o) => o.id)).toEqual([all[0].id]);
    await expect(app.get(OrderQueries).summariesForCustomer('bob', 1)).rejects.toBeInstanceOf(InvalidInput);
  });

  it('get: NotFound for an unknown order, InvalidInput for a malformed id', async () => {
    await expect(app.get(OrderQueries).get('ORD-9999')).rejects.toMatchObject({ code: 'NOT_FOUND', context: { entity: 'order', id: 'ORD-9999' } });
    await expect(app.get(OrderQueries).get('9999')).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'orderId' })] });
  });

  it('lists tasks by state and by service (an RFS, or a CFS for all of its RFS)', async () => {
    const order = await app.get(OrderQueries).get(orderId);
    const cfs = order.serviceOrders[0].cfs[0];
    const provisioning = app.get(ProvisioningQueries);
    expect(await provisioning.listTasks({ serviceId: cfs.id })).toHaveLength(4);
    expect((await provisioning.listTasks({ serviceId: cfs.rfs[0].id })).map((t) => t.taskType).sort()).toEqual(['OCS_BALANCE_INIT', 'PCRF_POLICY_PUSH']);
    expect(await provisioning.listTasks({ state: 'pending' })).toHaveLength(0);
    expect((await provisioning.listTasks({ state: 'completed', commercialOrderId: orderId })).length).toBe(4);
    const [task] = await provisioning.listTasks({ commercialOrderId: orderId, limit: 1 });
    expect(await provisioning.getTask(task.id)).toEqual(task);
    await expect(provisioning.getTask('PTK-9999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists the services of a subscription, CFS first', async () => {
    const order = await app.get(OrderQueries).get(orderId);
    const services = await app.get(ServiceQueries).listForSubscription(order.subscriptionId ?? '');
    expect(services.map((s) => `${s.serviceType} ${s.specId} ${s.state}`)).toEqual([
      'CFS SSPEC_CFS_MOBILE_BROADBAND activated',
      'RFS SSPEC_RFS_DATA_BEARER activated',
      'RFS SSPEC_RFS_VOICE_BEARER activated',
    ]);
    expect(await app.get(ServiceQueries).listForSubscription('SUB-9999')).toEqual([]);
  });

  it("traces the order across COM, SOM, inventory, provisioning, subscription and payment, with its job runs", async () => {
    const trace = await app.get(OrderTraceQueries).forOrder(orderId);
    const lanes = new Set(trace.entries.map((e) => e.lane));
    for (const lane of ['COM', 'SOM', 'INV', 'PROV', 'SUB', 'PAY', 'JOB']) expect(lanes).toContain(lane);
    const kinds = trace.entries.filter((e) => e.source === 'event').map((e) => e.kind);
    expect(kinds[0]).toBe('order.created');
    expect(kinds.indexOf('service_order.completed')).toBeLessThan(kinds.indexOf('subscription.activated'));
    expect(kinds[kinds.length - 1]).toBe('order.completed');
    const jobs = trace.entries.filter((e) => e.source === 'job').map((e) => e.kind);
    expect(jobs.filter((q) => q === 'orders.provision_task')).toHaveLength(4);
    expect(jobs).toEqual(expect.arrayContaining(['orders.decompose', 'orders.activate']));
  });
});
