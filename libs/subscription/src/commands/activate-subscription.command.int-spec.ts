import { AuditQueries } from '@bss/audit';
import { InventoryQueries, ReserveLineResourcesCommand } from '@bss/inventory';
import { AddPaymentCardCommand, DECLINING_TEST_PAN, PaymentQueries } from '@bss/payment';
import { InvalidInput, PolicyViolation } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestCustomer } from '@bss/crm/testing';
import { activateTestLine, createTestLine } from '#subscription/testing';
import { ActivateSubscriptionCommand } from './activate-subscription.command';

describe('ActivateSubscriptionCommand', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  it('charges the snapshot once, creates the line with one balance per allowance and binds the inventory', async () => {
    const { subscription, activation, customer } = await createTestLine(app, { offeringId: 'PLAN_M' });
    expect(activation.outcome).toBe('activated');
    expect(activation.paymentAttempt).toMatchObject({ status: 'approved', amount: '25.00', purpose: 'activation' });
    expect(activation.paymentAttempt?.idempotencyKey).toMatch(/^ACT-ORD-T/);
    expect(subscription).toMatchObject({
      id: expect.stringMatching(/^SUB-\d{4}$/),
      customerId: customer?.id,
      offeringId: 'PLAN_M',
      state: 'active',
      priceAmount: '25.00',
      currency: 'SGD',
      priceOfferingPriceId: 'PRICE_PLAN_M',
      effectiveAmount: '25.00',
      discountPeriodsRemaining: 0,
      pendingOfferingId: null,
    });
    expect(subscription.activatedAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(subscription.currentPeriodStart?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(subscription.nextRenewalAt?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(subscription.balances).toEqual([
      { allowanceType: 'data', total: 30720, consumed: 0, remaining: 30720, unit: 'mb' },
      { allowanceType: 'voice', total: -1, consumed: 0, remaining: -1, unit: 'minutes' },
      { allowanceType: 'sms', total: -1, consumed: 0, remaining: -1, unit: 'count' },
      { allowanceType: 'data_roaming', total: 500, consumed: 0, remaining: 500, unit: 'mb' },
    ]);
    const msisdn = await app.get(InventoryQueries).getMsisdn(subscription.msisdn);
    expect(msisdn).toMatchObject({ status: 'assigned', assignedToSubscriptionId: subscription.id });
    const esim = await app.get(InventoryQueries).getEsim(subscription.iccid);
    expect(esim).toMatchObject({ assignedMsisdn: subscription.msisdn, assignedToSubscriptionId: subscription.id });
    const [activated] = await app.get(AuditQueries).list({ aggregateId: subscription.id, eventType: 'subscription.activated' });
    expect(activated?.payload).toMatchObject({ subscriptionId: subscription.id, amountCharged: '25.00', paymentAttemptId: activation.paymentAttempt?.id });
    expect(await app.get(SubscriptionQueries).stateHistory(subscription.id)).toEqual([
      expect.objectContaining({ fromState: null, toState: 'pending', trigger: 'create' }),
      expect.objectContaining({ fromState: 'pending', toState: 'active', trigger: 'activate' }),
    ]);
  });

  it('is idempotent on the commercial order: replays (also concurrent) give one line and one charge', async () => {
    const customer = await createTestCustomer(app);
    const card = await app.get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber: '4242424242424242' });
    const resources = await app.get(ReserveLineResourcesCommand).execute({});
    const input = {
      commercialOrderId: 'ORD-REPLAY-1',
      customerId: customer.id,
      offeringId: 'PLAN_S',
      msisdn: resources.msisdn,
      iccid: resources.iccid,
      paymentMethodId: card.id,
      priceSnapshot: { priceAmount: '10.00', priceCurrency: 'SGD', priceOfferingPriceId: 'PRICE_PLAN_S' },
    };
    const results = await Promise.all([1, 2, 3].map(() => app.get(ActivateSubscriptionCommand).execute(input)));
    const again = await app.get(ActivateSubscriptionCommand).execute(input);
    const ids = new Set([...results, again].map((r) => r.subscription?.id));
    expect(ids.size).toBe(1);
    expect([...results, again].every((r) => r.outcome === 'activated')).toBe(true);
    expect(again.paymentAttempt?.id).toBe(results[0]?.paymentAttempt?.id);
    const attempts = await app.get(PaymentQueries).listAttempts(customer.id);
    expect(attempts.filter((a) => a.purpose === 'activation')).toHaveLength(1);
    expect(await app.get(SubscriptionQueries).listForCustomer(customer.id)).toHaveLength(1);
  });

  it('charges the discounted snapshot and stores the promo for later periods', async () => {
    const { subscription, activation } = await createTestLine(app, {
      offeringId: 'PLAN_M',
      promo: { discountType: 'percent', discountValue: '10', discountPeriodsTotal: 3, promoCode: 'DEMO_WELCOME10', promoOfferDefinitionId: 'OD_PROMO_DEMO_WELCOME' },
    });
    expect(activation.paymentAttempt?.amount).toBe('22.50');
    expect(subscription).toMatchObject({
      priceAmount: '25.00',
      discountType: 'percent',
      discountValue: '10.00',
      discountPeriodsRemaining: 2,
      effectiveAmount: '22.50',
      promoCode: 'DEMO_WELCOME10',
      promoOfferDefinitionId: 'OD_PROMO_DEMO_WELCOME',
    });
  });

  it('on a declined card returns payment_declined and writes no line', async () => {
    const { activation, customer } = await activateTestLine(app, { cardNumber: DECLINING_TEST_PAN });
    expect(activation).toMatchObject({ outcome: 'payment_declined', paymentAttempt: { status: 'declined' } });
    expect(activation.subscription).toBeUndefined();
    expect(await app.get(SubscriptionQueries).listForCustomer(customer?.id ?? '')).toEqual([]);
  });

  it('refuses a closed or unknown customer and unreserved inventory before charging', async () => {
    const resources = await app.get(ReserveLineResourcesCommand).execute({});
    const base = {
      commercialOrderId: 'ORD-NOPE-1',
      offeringId: 'PLAN_S',
      msisdn: resources.msisdn,
      iccid: resources.iccid,
      priceSnapshot: { priceAmount: '10.00', priceCurrency: 'SGD', priceOfferingPriceId: 'PRICE_PLAN_S' },
    };
    await expect(app.get(ActivateSubscriptionCommand).execute({ ...base, customerId: 'CUST-00000000' })).rejects.toMatchObject({
      rule: 'subscription.create.requires_customer',
    });
    const customer = await createTestCustomer(app);
    const error = await app
      .get(ActivateSubscriptionCommand)
      .execute({ ...base, customerId: customer.id, msisdn: '90000999' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyViolation);
    expect((error as PolicyViolation).rule).toBe('subscription.create.msisdn_and_esim_reserved');
    expect(await app.get(PaymentQueries).listAttempts(customer.id)).toEqual([]);
  });

  it('names malformed fields', async () => {
    const error = await app
      .get(ActivateSubscriptionCommand)
      .execute({
        commercialOrderId: 'ORD-1',
        customerId: 'bob',
        offeringId: 'PLAN_S',
        msisdn: '12',
        iccid: 'x',
        priceSnapshot: { priceAmount: 'ten', priceCurrency: 'SGD', priceOfferingPriceId: 'PRICE_PLAN_S' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).fields.map((f) => f.field).sort()).toEqual(['customerId', 'iccid', 'msisdn', 'priceSnapshot.priceAmount']);
  });
});
