import { AuditQueries } from '@bss/audit';
import { SetPriceCommand, WindowOfferingCommand } from '@bss/catalog';
import { PaymentQueries } from '@bss/payment';
import { InvalidInput } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestApp, expectRuleAsync, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { ServiceQueries } from '#orders/queries/service.queries';
import { givenOrderingCustomer, placeTestOrder } from '#orders/testing';
import { DraftOrderCommand } from './draft-order.command';
import { CreateOrderCommand } from './create-order.command';
import { SubmitOrderCommand } from './submit-order.command';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';
const T0 = '2026-01-01T00:00:00.000Z';

describe('order → active line', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
    await app.clock.freeze(T0);
  });
  afterAll(() => app.close());

  it('turns a placed order into one active line with exactly one activation charge', async () => {
    const { customer, card } = await givenOrderingCustomer(app);
    const placed = await placeTestOrder(app, customer.id, 'PLAN_M');
    expect(placed).toMatchObject({
      id: expect.stringMatching(/^ORD-\d{4}$/),
      state: 'in_progress',
      paymentMethodId: card?.id,
      item: { id: expect.stringMatching(/^OI-\d{4}$/), offeringId: 'PLAN_M', priceSnapshot: { priceAmount: '25.00', priceCurrency: 'SGD', priceOfferingPriceId: 'PRICE_PLAN_M' } },
    });

    await app.jobs.drain();

    const order = await app.get(OrderQueries).get(placed.id);
    expect(order.state).toBe('completed');
    expect(order.completedDate?.toISOString()).toBe(T0);
    expect(order.history.map((h) => `${h.fromState ?? '∅'}→${h.toState}`)).toEqual(['∅→acknowledged', 'acknowledged→in_progress', 'in_progress→completed']);
    const [so] = order.serviceOrders;
    expect(so).toMatchObject({ id: expect.stringMatching(/^SO-\d{4}$/), state: 'completed', items: [{ id: expect.stringMatching(/^SOI-/), action: 'add' }] });
    const [cfs] = so.cfs;
    expect(cfs).toMatchObject({ specId: 'SSPEC_CFS_MOBILE_BROADBAND', serviceType: 'CFS', state: 'activated', subscriptionId: order.subscriptionId });
    expect(cfs.rfs.map((r) => [r.specId, r.state])).toEqual([
      ['SSPEC_RFS_DATA_BEARER', 'activated'],
      ['SSPEC_RFS_VOICE_BEARER', 'activated'],
    ]);
    const tasks = cfs.rfs.flatMap((r) => r.tasks);
    expect(tasks.map((t) => t.taskType).sort()).toEqual(['ESIM_PROFILE_PREPARE', 'HLR_PROVISION', 'OCS_BALANCE_INIT', 'PCRF_POLICY_PUSH']);
    expect(tasks.every((t) => t.state === 'completed' && t.attempts === 1 && t.commercialOrderId === order.id && t.serviceOrderId === so.id)).toBe(true);

    const line = await app.get(SubscriptionQueries).get(order.subscriptionId ?? '');
    expect(line).toMatchObject({ state: 'active', customerId: customer.id, offeringId: 'PLAN_M', priceAmount: '25.00', msisdn: cfs.characteristics.msisdn, iccid: cfs.characteristics.iccid });
    const charges = await app.get(PaymentQueries).listAttempts(customer.id);
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ status: 'approved', amount: '25.00', purpose: 'activation' });

    // Service ↔ subscription linked both ways (§11.13).
    const services = await app.get(ServiceQueries).listForSubscription(line.id);
    expect(services.map((s) => s.id)).toEqual([cfs.id, ...cfs.rfs.map((r) => r.id)]);
    expect(line.cfsServiceId).toBe(cfs.id);

    const types = (await app.get(AuditQueries).list({ limit: 200 })).map((e) => e.eventType);
    for (const t of ['order.created', 'order.submitted', 'service_order.started', 'provisioning.task.created', 'provisioning.task.completed', 'service_order.completed', 'subscription.activated', 'order.completed']) {
      expect(types).toContain(t);
    }
  });

  it('keeps the price snapshot taken at order time when the catalog is repriced before activation', async () => {
    const { customer } = await givenOrderingCustomer(app);
    const placed = await placeTestOrder(app, customer.id, 'PLAN_S');
    await app.get(SetPriceCommand).execute({ offeringId: 'PLAN_S', priceId: 'PRICE_PLAN_S_2026', amount: '14.00', currency: 'SGD', validFrom: T0, retireCurrent: true });

    await app.jobs.drain();

    const order = await app.get(OrderQueries).get(placed.id);
    expect(order.state).toBe('completed');
    expect(order.item.priceSnapshot).toEqual({ priceAmount: '10.00', priceCurrency: 'SGD', priceOfferingPriceId: 'PRICE_PLAN_S' });
    expect(await app.get(SubscriptionQueries).get(order.subscriptionId ?? '')).toMatchObject({ priceAmount: '10.00', priceOfferingPriceId: 'PRICE_PLAN_S' });
    expect((await app.get(PaymentQueries).listAttempts(customer.id)).map((a) => a.amount)).toEqual(['10.00']);

    // A later order takes the new price.
    const later = await placeTestOrder(app, customer.id, 'PLAN_S');
    expect(later.item.priceSnapshot).toMatchObject({ priceAmount: '14.00', priceOfferingPriceId: 'PRICE_PLAN_S_2026' });
  });

  describe('create rules (nothing is written when one says no)', () => {
    const orderCount = async () => Number((await app.db.query<{ n: string }>(`select count(*) as n from orders.product_order`))[0]?.n);

    it('order.create.customer_not_found', async () => {
      const before = await orderCount();
      await expectRuleAsync(app.get(CreateOrderCommand).execute({ customerId: 'CUST-00000000', offeringId: 'PLAN_M' }), 'order.create.customer_not_found');
      expect(await orderCount()).toBe(before);
    });

    it('order.create.offering_not_found', async () => {
      const { customer } = await givenOrderingCustomer(app);
      await expectRuleAsync(placeTestOrder(app, customer.id, 'PLAN_NOPE'), 'order.create.offering_not_found');
    });

    it('policy.offering.not_sellable_now', async () => {
      const { customer } = await givenOrderingCustomer(app);
      await app.get(WindowOfferingCommand).execute({ offeringId: 'PLAN_L', validFrom: '2025-01-01T00:00:00Z', validTo: '2025-12-01T00:00:00Z' });
      await expectRuleAsync(placeTestOrder(app, customer.id, 'PLAN_L'), 'policy.offering.not_sellable_now');
    });

    it('order.create.requires_verified_customer', async () => {
      const { customer } = await givenOrderingCustomer(app, { kyc: false });
      const before = await orderCount();
      await expectRuleAsync(placeTestOrder(app, customer.id, 'PLAN_M'), 'order.create.requires_verified_customer');
      expect(await orderCount()).toBe(before);
    });

    it('order.create.no_payment_method', async () => {
      const { customer } = await givenOrderingCustomer(app, { cardNumber: null });
      await expectRuleAsync(placeTestOrder(app, customer.id, 'PLAN_M'), 'order.create.no_payment_method');
    });

    it('malformed input is InvalidInput naming the field', async () => {
      const before = await orderCount();
      await expect(app.get(CreateOrderCommand).execute({ customerId: 'alice', offeringId: 'PLAN_M' })).rejects.toMatchObject({
        constructor: InvalidInput,
        fields: [expect.objectContaining({ field: 'customerId' })],
      });
      await expect(app.get(DraftOrderCommand).execute({ customerId: 'CUST-00000000', offeringId: 'PLAN_M', msisdnPreference: '12ab' })).rejects.toBeInstanceOf(InvalidInput);
      expect(await orderCount()).toBe(before);
    });
  });

  it('create then submit separately: acknowledged, then in progress with the decomposition queued', async () => {
    const { customer } = await givenOrderingCustomer(app);
    const created = await app.get(DraftOrderCommand).execute({ customerId: customer.id, offeringId: 'PLAN_M' });
    expect(created.state).toBe('acknowledged');
    await expect(app.get(SubmitOrderCommand).execute({ orderId: 'ORD-9999' })).rejects.toMatchObject({ code: 'NOT_FOUND', context: { entity: 'order', id: 'ORD-9999' } });
    const submitted = await app.get(SubmitOrderCommand).execute({ orderId: created.id });
    expect(submitted.state).toBe('in_progress');
    await expectRuleAsync(app.get(SubmitOrderCommand).execute({ orderId: created.id }), 'order.transition.invalid');
    await app.jobs.drain();
    expect((await app.get(OrderQueries).get(created.id)).state).toBe('completed');
  });
});
