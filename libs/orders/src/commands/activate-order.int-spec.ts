import { UnitOfWork } from '@bss/audit';
import { InteractionQueries } from '@bss/crm';
import { InventoryQueries } from '@bss/inventory';
import { PaymentQueries } from '@bss/payment';
import { ActivateSubscriptionCommand, SubscriptionQueries } from '@bss/subscription';
import { createTestApp, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { DECLINING_CARD, givenOrderingCustomer, placeTestOrder } from '#orders/testing';
import { ActivateOrderCommand } from './activate-order.command';
import { ORDER_QUEUES } from './order-jobs';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

describe('activation: the first charge, exactly once', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
    await app.clock.freeze('2026-03-01T10:00:00Z');
  });
  afterAll(() => app.close());

  it('a declined first charge fails the order (activation_payment_declined) and returns the MSISDN and eSIM to the pool', async () => {
    const { customer } = await givenOrderingCustomer(app, { cardNumber: DECLINING_CARD });
    const placed = await placeTestOrder(app, customer.id, 'PLAN_S');
    await app.jobs.drain();

    const order = await app.get(OrderQueries).get(placed.id);
    expect(order).toMatchObject({ state: 'failed', failureReason: 'activation_payment_declined', subscriptionId: null });
    expect(order.completedDate?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const [so] = order.serviceOrders;
    expect(so.state).toBe('completed');
    expect([so.cfs[0].state, ...so.cfs[0].rfs.map((r) => r.state)]).toEqual(['terminated', 'terminated', 'terminated']);
    const { msisdn, iccid } = so.cfs[0].characteristics as { msisdn: string; iccid: string };
    expect((await app.get(InventoryQueries).getMsisdn(msisdn)).status).toBe('available');
    expect((await app.get(InventoryQueries).getEsim(iccid)).profileState).toBe('available');
    const attempts = await app.get(PaymentQueries).listAttempts(customer.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ status: 'declined', purpose: 'activation', amount: '10.00' });
    expect(await app.get(SubscriptionQueries).listForCustomer(customer.id)).toEqual([]);
    const history = (await app.get(InteractionQueries).listForCustomer(customer.id)).map((i) => i.summary);
    expect(history).toEqual(expect.arrayContaining([`Order ${order.id} placed for PLAN_S (SGD 10.00)`, `Order ${order.id} failed: activation_payment_declined`]));

    // Redelivering the activation changes nothing: the order is settled.
    await app.get(UnitOfWork).run((w) => w.enqueue(ORDER_QUEUES.activate, { orderId: order.id, traceId: 'redelivery' }));
    await app.jobs.drain();
    expect(await app.get(PaymentQueries).listAttempts(customer.id)).toHaveLength(1);
  });

  it('replaying the activation (redelivery, or a worker that died after the charge) yields one line and one charge', async () => {
    const { customer } = await givenOrderingCustomer(app);
    const placed = await placeTestOrder(app, customer.id, 'PLAN_M');
    await app.jobs.drain([ORDER_QUEUES.decompose, ORDER_QUEUES.provisionTask]);
    const ready = await app.get(OrderQueries).get(placed.id);
    expect(ready.state).toBe('in_progress');
    expect(ready.serviceOrders[0].state).toBe('completed');

    // A worker charged and created the line, then died before COM recorded it.
    const cfs = ready.serviceOrders[0].cfs[0];
    const chars = cfs.characteristics as { msisdn: string; iccid: string; paymentMethodId: string };
    const first = await app.get(ActivateSubscriptionCommand).execute({
      commercialOrderId: ready.id,
      customerId: customer.id,
      offeringId: 'PLAN_M',
      msisdn: chars.msisdn,
      iccid: chars.iccid,
      paymentMethodId: chars.paymentMethodId,
      cfsServiceId: cfs.id,
      priceSnapshot: ready.item.priceSnapshot,
    });
    expect(first.outcome).toBe('activated');

    // The queue redelivers; on top of that, a duplicate delivery of the same job.
    const job = { orderId: ready.id, traceId: 'redelivery' };
    await app.get(UnitOfWork).run((w) => w.enqueue(ORDER_QUEUES.activate, job));
    await app.jobs.drain();
    expect(await app.get(ActivateOrderCommand).handle(job)).toBe('skipped');

    const done = await app.get(OrderQueries).get(ready.id);
    expect(done.state).toBe('completed');
    expect(done.subscriptionId).toBe(first.subscription?.id);
    expect(await app.get(SubscriptionQueries).listForCustomer(customer.id)).toHaveLength(1);
    const charges = await app.get(PaymentQueries).listAttempts(customer.id);
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ status: 'approved', amount: '25.00' });
  });
});
