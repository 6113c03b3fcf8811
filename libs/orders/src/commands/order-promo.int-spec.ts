import { AuditQueries } from '@bss/audit';
import { PaymentQueries } from '@bss/payment';
import { runWithAuth } from '@bss/policies';
import { ExhaustPromotionCommand, PromoQueries } from '@bss/promos';
import { WELCOME10, createPromoTestApp, givenAssignment, givenPromotion, loyaltyOf, type PromoTestApp } from '@bss/promos/testing';
import { RenewSubscriptionCommand, SchedulePlanChangeCommand, SubscriptionQueries, type SubscriptionView } from '@bss/subscription';
import type { TestApp } from '@bss/testing';
import type { OrderDetailView } from '#orders/domain/order.views';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { DECLINING_CARD, givenOrderingCustomer, setFault } from '#orders/testing';
import { CreateOrderCommand } from './create-order.command';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

const START = '2026-04-01T09:00:00Z';

async function order(app: TestApp, customerId: string, options: { offeringId?: string; promoCode?: string; skipAssignedOffer?: boolean } = {}): Promise<OrderDetailView> {
  const placed = await runWithAuth({ actor: 'test-operator', channel: 'cli' }, () =>
    app.get(CreateOrderCommand).execute({
      customerId,
      offeringId: options.offeringId ?? 'PLAN_M',
      ...(options.promoCode ? { promoCode: options.promoCode } : {}),
      ...(options.skipAssignedOffer ? { skipAssignedOffer: true } : {}),
    }),
  );
  return app.get(OrderQueries).get(placed.id);
}

async function settle(app: TestApp, orderId: string): Promise<OrderDetailView> {
  await app.jobs.drain();
  return app.get(OrderQueries).get(orderId);
}

const charges = async (app: TestApp, customerId: string) => (await app.get(PaymentQueries).listAttempts(customerId)).reverse().map((a) => `${a.purpose} ${a.amount} ${a.status}`);

describe.each(['embedded', 'remote'] as const)('orders × promos — %s loyalty', (mode) => {
  let t: PromoTestApp;
  let app: TestApp;
  const line = async (o: OrderDetailView): Promise<SubscriptionView> => app.get(SubscriptionQueries).get(o.subscriptionId ?? o.item.targetSubscriptionId!);
  const renew = async (subscriptionId: string) => {
    await app.clock.advance('30d');
    return runWithAuth({ actor: 'system:renewal_worker' }, () => app.get(RenewSubscriptionCommand).execute({ subscriptionId }));
  };
  const loyaltyWrites = () => (t.double ? t.double.calls.filter((c) => !['promo_code.show', 'offer.list'].includes(c.tool)).map((c) => `${c.tool} ${c.idempotencyKey}`) : []);

  beforeAll(async () => {
    t = await createPromoTestApp(mode, { imports: [OrdersModule] });
    app = t.app;
    await app.clock.freeze(START);
    await givenPromotion(app, WELCOME10);
    await givenPromotion(app, { promotionId: 'PROMO_ONCE', codeKind: 'single_use_shared' });
    await givenPromotion(app, { promotionId: 'PROMO_SOLO', codeKind: 'single_use_shared' });
    await givenPromotion(app, { promotionId: 'PROMO_VIP', name: 'VIP', audience: 'targeted', discountType: 'absolute', discountValue: '5' });
    await givenPromotion(app, { promotionId: 'PROMO_FOREVER', durationKind: 'perpetual', discountValue: '20' });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await app.db.query(`update orders.fault_injection set enabled = false`);
  });

  it('WELCOME10 on PLAN_M: 22.50 at activation and the first two renewals, 25.00 from the third on', async () => {
    const { customer } = await givenOrderingCustomer(app);
    t.double?.clearCalls();
    const placed = await order(app, customer.id, { promoCode: 'welcome10' });
    // The intent is stamped on the item; nothing is claimed before activation.
    expect(placed.item).toMatchObject({
      discountCode: 'WELCOME10',
      promoOfferId: null,
      priceSnapshot: {
        priceAmount: '25.00',
        discountType: 'percent',
        discountValue: '10.00',
        discountPeriodsTotal: 3,
        promoCode: 'WELCOME10',
        promoOfferDefinitionId: 'OD_PROMO_WELCOME10',
      },
    });
    expect(loyaltyWrites()).toEqual([]);
    expect((await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, { customerId: customer.id })).rows).toEqual([]);

    const done = await settle(app, placed.id);
    expect(done.state).toBe('completed');
    if (t.double) expect(loyaltyWrites()).toEqual([`customer.register cust:${customer.id}`, `offer.claim ${placed.id}:claim`, `offer.redeem ${placed.id}:redeem`]);
    const sub = await line(done);
    expect(sub).toMatchObject({ priceAmount: '25.00', effectiveAmount: '22.50', discountPeriodsRemaining: 2, promoCode: 'WELCOME10' });
    expect((await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, { customerId: customer.id })).rows).toEqual([
      expect.objectContaining({ state: 'redeemed', orderRef: placed.id, offerDefinitionId: 'OD_PROMO_WELCOME10' }),
    ]);

    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) remaining.push((await renew(sub.id)).subscription.discountPeriodsRemaining);
    expect(remaining).toEqual([1, 0, 0, 0]);
    expect(await charges(app, customer.id)).toEqual(['activation 22.50 approved', 'renewal 22.50 approved', 'renewal 22.50 approved', 'renewal 25.00 approved', 'renewal 25.00 approved']);
    expect(await app.get(SubscriptionQueries).get(sub.id)).toMatchObject({ priceAmount: '25.00', effectiveAmount: '25.00', discountPeriodsRemaining: 0 });
  });

  it('a code that does not apply never blocks the order: full price, the refusal on the order event', async () => {
    const { customer } = await givenOrderingCustomer(app);
    const placed = await order(app, customer.id, { promoCode: 'NOPE' });
    expect(placed.item.discountCode).toBeNull();
    const [ack] = await app.get(AuditQueries).list({ aggregateId: placed.id, eventType: 'order.created' });
    expect(ack.payload).toMatchObject({ promo: null, promoCodeRefused: { code: 'NOPE', reason: 'unknown_code' } });
    expect((await settle(app, placed.id)).state).toBe('completed');
    expect(await charges(app, customer.id)).toEqual(['activation 25.00 approved']);
  });

  it('a single-use code on two orders: the first activation wins it, the other activates at full price with order.promo_not_applied', async () => {
    const a = (await givenOrderingCustomer(app)).customer.id;
    const b = (await givenOrderingCustomer(app)).customer.id;
    const first = await order(app, a, { promoCode: 'ONCE' });
    const second = await order(app, b, { promoCode: 'ONCE' });
    // Both orders carry the intent: the code is only claimed at activation.
    expect([first.item.discountCode, second.item.discountCode]).toEqual(['ONCE', 'ONCE']);
    await app.jobs.drain();
    const settled = [await app.get(OrderQueries).get(first.id), await app.get(OrderQueries).get(second.id)];
    expect(settled.map((o) => o.state)).toEqual(['completed', 'completed']);
    const paid = [...(await charges(app, a)), ...(await charges(app, b))].sort();
    expect(paid).toEqual(['activation 20.00 approved', 'activation 25.00 approved']);
    const lost = settled.find((o) => o.item.discountCode === null)!;
    expect(settled.filter((o) => o.item.discountCode === 'ONCE')).toHaveLength(1);
    expect(lost.item.priceSnapshot).toEqual({ priceAmount: '25.00', priceCurrency: 'SGD', priceOfferingPriceId: 'PRICE_PLAN_M' });
    const [event] = await app.get(AuditQueries).list({ aggregateId: lost.id, eventType: 'order.promo_not_applied' });
    expect(event.payload).toMatchObject({ commercialOrderId: lost.id, customerId: lost.customerId, promoCode: 'ONCE', reason: 'claim_refused', rule: 'offer.claim.code_exhausted' });
    expect((await line(lost)).discountPeriodsRemaining).toBe(0);
  });

  it('a provisioning failure never burns the code; a declined first charge gives the claim back', async () => {
    const { customer } = await givenOrderingCustomer(app);
    await setFault(app, 'HLR_PROVISION', 'fail_always', true, 1);
    const failed = await settle(app, (await order(app, customer.id, { promoCode: 'SOLO' })).id);
    expect(failed.state).toBe('failed');
    expect((await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, { customerId: customer.id })).rows).toEqual([]);
    expect((await app.get(PromoQueries).validateForOrder({ code: 'SOLO', offeringId: 'PLAN_M' })).valid).toBe(true);
    await app.db.query(`update orders.fault_injection set enabled = false`);

    const decliner = (await givenOrderingCustomer(app, { cardNumber: DECLINING_CARD })).customer.id;
    t.double?.clearCalls();
    const declined = await settle(app, (await order(app, decliner, { promoCode: 'SOLO' })).id);
    expect(declined).toMatchObject({ state: 'failed', failureReason: 'activation_payment_declined' });
    expect(await charges(app, decliner)).toEqual(['activation 20.00 declined']);
    expect((await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, { customerId: decliner })).rows).toEqual([
      expect.objectContaining({ state: 'revoked', orderRef: declined.id }),
    ]);
    if (t.double) expect(t.double.callsTo('offer.revoke')).toEqual([expect.objectContaining({ idempotencyKey: `${declined.id}:revoke`, body: expect.objectContaining({ reason: 'order_cancelled' }) })]);

    // The code is back: the next customer gets it.
    const next = (await givenOrderingCustomer(app)).customer.id;
    expect((await settle(app, (await order(app, next, { promoCode: 'SOLO' })).id)).state).toBe('completed');
    expect(await charges(app, next)).toEqual(['activation 20.00 approved']);
  });

  it('an eligible customer gets the targeted offer pre-applied (unless skipped); a valid typed code wins over it', async () => {
    const vip = (await givenOrderingCustomer(app)).customer.id;
    await givenAssignment(app, 'PROMO_VIP', [vip]);
    const skipped = await order(app, vip, { skipAssignedOffer: true });
    expect(skipped.item.discountCode).toBeNull();
    const typed = await order(app, vip, { promoCode: 'WELCOME10' });
    expect(typed.item.discountCode).toBe('WELCOME10');
    const offered = await order(app, vip);
    expect(offered.item).toMatchObject({ discountCode: 'PROMO_VIP', promoOfferId: `OFF-${vip}-PROMO_VIP`, priceSnapshot: { discountType: 'absolute', discountValue: '5.00', discountPeriodsTotal: 1 } });
    const done = await settle(app, offered.id);
    expect(await line(done)).toMatchObject({ effectiveAmount: '25.00', discountPeriodsRemaining: 0, promoCode: 'PROMO_VIP' });
    expect((await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, { customerId: vip })).rows.find((o) => o.offerId === `OFF-${vip}-PROMO_VIP`)).toMatchObject({
      state: 'redeemed',
      orderRef: offered.id,
    });
    expect((await app.get(PaymentQueries).listAttempts(vip)).map((a) => a.amount).sort()).toEqual(['20.00', '22.50', '25.00']);
    // Used up: the next order gets no offer.
    expect((await order(app, vip)).item.discountCode).toBeNull();
  });

  it('an exhausted promotion is not applied at activation; a perpetual one stays on; a plan change ends it', async () => {
    await givenPromotion(app, { promotionId: 'PROMO_LATE' });
    const late = (await givenOrderingCustomer(app)).customer.id;
    const placed = await order(app, late, { promoCode: 'LATE' });
    await runWithAuth({ actor: 'ops' }, () => app.get(ExhaustPromotionCommand).execute({ promotionId: 'PROMO_LATE' }));
    await settle(app, placed.id);
    expect(await charges(app, late)).toEqual(['activation 25.00 approved']);

    const fan = (await givenOrderingCustomer(app)).customer.id;
    const sub = await line(await settle(app, (await order(app, fan, { promoCode: 'FOREVER' })).id));
    expect(sub).toMatchObject({ effectiveAmount: '20.00', discountPeriodsRemaining: -1 });
    expect((await renew(sub.id)).subscription).toMatchObject({ effectiveAmount: '20.00', discountPeriodsRemaining: -1 });
    await app.get(SchedulePlanChangeCommand).execute({ subscriptionId: sub.id, offeringId: 'PLAN_L' });
    const pivot = (await renew(sub.id)).subscription;
    expect(pivot).toMatchObject({ offeringId: 'PLAN_L', priceAmount: '45.00', effectiveAmount: '45.00', discountType: null, discountValue: null, discountPeriodsRemaining: 0 });
    expect(await charges(app, fan)).toEqual(['activation 20.00 approved', 'renewal 20.00 approved', 'renewal 45.00 approved']);
  });
});

describe('orders × promos — loyalty off', () => {
  let t: PromoTestApp;
  beforeAll(async () => {
    t = await createPromoTestApp('off', { imports: [OrdersModule] });
    await t.app.clock.freeze(START);
  });
  afterAll(async () => {
    await t.close();
    process.env.BSS_LOYALTY_MODE = 'embedded';
  });

  it('ordering behaves exactly as without promotions: a typed code is ignored, full price, no promo events', async () => {
    const { customer } = await givenOrderingCustomer(t.app);
    const placed = await order(t.app, customer.id, { promoCode: 'WELCOME10' });
    expect(placed.item).toMatchObject({ discountCode: null, promoOfferId: null, priceSnapshot: { priceAmount: '25.00', priceCurrency: 'SGD', priceOfferingPriceId: 'PRICE_PLAN_M' } });
    expect(Object.keys(placed.item.priceSnapshot).sort()).toEqual(['priceAmount', 'priceCurrency', 'priceOfferingPriceId']);
    const done = await settle(t.app, placed.id);
    expect(done.state).toBe('completed');
    expect(await charges(t.app, customer.id)).toEqual(['activation 25.00 approved']);
    expect(await t.app.get(SubscriptionQueries).get(done.subscriptionId!)).toMatchObject({ effectiveAmount: '25.00', discountPeriodsRemaining: 0, promoCode: null });
    expect(await t.app.db.query(`select event_type from audit.domain_event where event_type like 'promo%' or event_type = 'order.promo_not_applied'`)).toEqual([]);
  });
});
