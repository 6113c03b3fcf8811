import { IdentityQueries } from '@bss/identity';
import { OrderQueries } from '@bss/orders';
import { PaymentQueries } from '@bss/payment';
import { runWithAuth } from '@bss/policies';
import { AssignPromotionCommand, CreatePromotionCommand } from '@bss/promos';
import { SubscriptionQueries } from '@bss/subscription';
import { customerWithLine, type CustomerWithLine } from './testing/line-factory';
import { createPortalTestApp, TestBrowser, type PortalTestApp } from './testing/portal-test-app';

const WELCOME10 = {
  promotionId: 'PROMO_WELCOME10',
  name: 'Welcome 10%',
  discountType: 'percent',
  discountValue: '10',
  durationKind: 'multi',
  periodsTotal: 3,
  audience: 'public',
  code: 'WELCOME10',
  codeKind: 'multi_use',
};

/** Login and the funnel up to the review step; returns the signup id and the new customer. */
async function signupToReview(t: PortalTestApp, b: TestBrowser, email: string, beforeReview?: (customerId: string) => Promise<void>): Promise<{ id: string; customerId: string }> {
  await b.login(email);
  await b.get('/plans');
  const started = await b.post('/signup', { offering_id: 'PLAN_M' });
  const id = /^\/signup\/(SGN-[0-9a-f]{16})\//.exec(started.location!)![1];
  const numbers = await b.get(`/signup/${id}/number`);
  await b.post(`/signup/${id}/number`, { msisdn: /name="msisdn" value="(\d+)"/.exec(numbers.body)![1] });
  await b.get(`/signup/${id}/details`);
  await b.post(`/signup/${id}/details`, { given_name: 'Promo', family_name: 'Signup', phone: '+6591234567' });
  await b.get(`/signup/${id}/kyc`);
  await b.post(`/signup/${id}/kyc`, { document_type: 'passport', document_number: `E${Math.floor(Math.random() * 1e7)}`, document_country: 'SG', date_of_birth: '1990-04-01' });
  await b.get(`/signup/${id}/card`);
  const carded = await b.post(`/signup/${id}/card`, { card_number: '4242 4242 4242 4242', exp_month: '12', exp_year: '2030' });
  expect(carded.location).toBe(`/signup/${id}/review`);
  const customerId = (await t.get(IdentityQueries).findByEmail(email))!.customerId!;
  if (beforeReview) await beforeReview(customerId);
  return { id, customerId };
}

/** Places the order from the review page and runs the activation chain. */
async function placeAndActivate(t: PortalTestApp, b: TestBrowser, id: string, customerId: string, form: Record<string, string>) {
  const placed = await b.post(`/signup/${id}/order`, form);
  expect(placed.location).toBe(`/signup/${id}/progress`);
  const [order] = await t.get(OrderQueries).list({ customerId });
  await t.jobs.drain();
  const done = await t.get(OrderQueries).get(order.id);
  expect(done.state).toBe('completed');
  const charged = (await t.get(PaymentQueries).listAttempts(customerId)).map((a) => a.amount);
  return { order: done, line: await t.get(SubscriptionQueries).get(done.subscriptionId!), charged };
}

describe('portal promotions (BSS_LOYALTY_MODE=embedded)', () => {
  let t: PortalTestApp;
  let ada: CustomerWithLine;
  let b: TestBrowser;

  beforeAll(async () => {
    process.env.BSS_LOYALTY_MODE = 'embedded';
    t = await createPortalTestApp();
    ada = await customerWithLine(t, 'ada.promo@example.sg');
    await runWithAuth({ actor: 'ops.portal-test' }, async () => {
      await t.get(CreatePromotionCommand).execute(WELCOME10);
      await t.get(CreatePromotionCommand).execute({ promotionId: 'PROMO_VIP', name: 'VIP thanks', discountType: 'absolute', discountValue: '5', durationKind: 'single', audience: 'targeted' });
    });
    b = new TestBrowser(t);
    await b.login('ada.promo@example.sg');
  });
  afterAll(() => t.close());

  const setDiscount = (remaining: number, type = 'percent', value = '10') =>
    t.db.query(`update subscription.subscription set discount_type = $2, discount_value = $3, discount_periods_remaining = $4, promo_code = 'WELCOME10' where id = $1`, [
      ada.line.id,
      type,
      value,
      remaining,
    ]);

  describe('dashboard line badge', () => {
    it('shows the discounted price and how many renewals stay discounted', async () => {
      await setDiscount(2);
      const page = await b.get('/');
      expect(page.body).toContain('🎁 10% off: paying SGD 22.50/mo — 2 more renewals, then SGD 25.00/mo');
      expect(page.body).toContain('Renews in 30 days');
      expect(page.body).toMatch(/for SGD 22\.50\./);
      await setDiscount(1);
      expect((await b.get('/', { hx: true })).body).toContain('— 1 more renewal, then SGD 25.00/mo');
    });

    it('says "ongoing" for a perpetual promo and disappears once the counter is 0', async () => {
      await setDiscount(-1, 'absolute', '5');
      expect((await b.get('/')).body).toContain('🎁 SGD 5.00 off: paying SGD 20.00/mo (ongoing)');
      await setDiscount(0);
      const page = await b.get('/');
      expect(page.body).not.toContain('promo-badge');
      expect(page.body).toMatch(/for SGD 25\.00\./);
    });
  });

  describe('dashboard offers', () => {
    it('lists a targeted offer the customer has not used yet', async () => {
      expect((await b.get('/')).body).not.toContain('promo-offers');
      await runWithAuth({ actor: 'ops.portal-test' }, () => t.get(AssignPromotionCommand).execute({ promotionId: 'PROMO_VIP', customerIds: [ada.customerId] }));
      const page = await b.get('/');
      expect(page.body).toContain('id="promo-offers"');
      expect(page.body).toContain('🎁 VIP thanks — SGD 5.00 off');
      expect(page.body).toContain('It applies to your next order.');
    });
  });

  describe('signup promo step', () => {
    it('the review page has a code field with a live HTMX preview', async () => {
      const b2 = new TestBrowser(t);
      const { id } = await signupToReview(t, b2, 'pia.promo@example.sg');
      const review = await b2.get(`/signup/${id}/review`);
      expect(review.body).toContain('Have a promo code?');
      expect(review.body).toContain(`hx-get="/signup/${id}/promo-preview"`);
      expect(review.body).toContain('hx-target="#promo-preview"');

      const ok = await b2.get(`/signup/${id}/promo-preview?promo_code=welcome10`, { hx: true });
      expect(ok.body).not.toContain('<html');
      expect(ok.body).toContain('✓ 10% off (Welcome 10%): was SGD 25.00, now SGD 22.50');
      expect((await b2.get(`/signup/${id}/promo-preview?promo_code=`, { hx: true })).body).toBe('');
      expect((await b2.get(`/signup/${id}/promo-preview?promo_code=NOPE`, { hx: true })).body).toContain("That code cannot be used. You'll pay the full price.");
      // Not an HTMX request: back to the page it belongs to.
      expect((await b2.get(`/signup/${id}/promo-preview?promo_code=WELCOME10`)).location).toBe(`/signup/${id}/review`);
    });

    it('signing up with WELCOME10 on PLAN_M charges 22.50 at activation; the line shows the discount', async () => {
      const b2 = new TestBrowser(t);
      const { id, customerId } = await signupToReview(t, b2, 'wes.promo@example.sg');
      const { order, line, charged } = await placeAndActivate(t, b2, id, customerId, { promo_code: ' welcome10 ' });
      expect(order.item.discountCode).toBe('WELCOME10');
      expect(charged).toEqual(['22.50']);
      expect(line).toMatchObject({ priceAmount: '25.00', effectiveAmount: '22.50', discountPeriodsRemaining: 2 });
      expect((await b2.get('/')).body).toContain('🎁 10% off: paying SGD 22.50/mo — 2 more renewals, then SGD 25.00/mo');
    });

    it('an eligible customer sees the cheapest offer pre-applied; unticking it means full price', async () => {
      const b2 = new TestBrowser(t);
      const { id, customerId } = await signupToReview(t, b2, 'tia.promo@example.sg', (cid) =>
        runWithAuth({ actor: 'ops.portal-test' }, async () => {
          await t.get(AssignPromotionCommand).execute({ promotionId: 'PROMO_VIP', customerIds: [cid] });
        }),
      );
      const review = await b2.get(`/signup/${id}/review`);
      expect(review.body).toContain('id="promo-offer"');
      expect(review.body).toContain('🎁 VIP thanks applied: was SGD 25.00, now SGD 20.00');
      expect(review.body).toContain('name="apply_offer" value="1" checked');
      expect(review.body).toContain('Use a different code instead');
      expect((await b2.get(`/signup/${id}/promo-preview?promo_code=WELCOME10&has_offer=1`, { hx: true })).body).toContain('— replaces your offer');
      expect((await b2.get(`/signup/${id}/promo-preview?promo_code=NOPE&has_offer=1`, { hx: true })).body).toContain('Your offer still applies.');

      const { order, charged } = await placeAndActivate(t, b2, id, customerId, { offer_shown: '1' });
      expect(order.item.discountCode).toBeNull();
      expect(charged).toEqual(['25.00']);
    });

    it('the pre-applied offer left ticked is charged at its price', async () => {
      const b2 = new TestBrowser(t);
      const { id, customerId } = await signupToReview(t, b2, 'uma.promo@example.sg', (cid) =>
        runWithAuth({ actor: 'ops.portal-test' }, async () => {
          await t.get(AssignPromotionCommand).execute({ promotionId: 'PROMO_VIP', customerIds: [cid] });
        }),
      );
      await b2.get(`/signup/${id}/review`);
      const { order, charged } = await placeAndActivate(t, b2, id, customerId, { offer_shown: '1', apply_offer: '1', promo_code: '' });
      expect(order.item).toMatchObject({ discountCode: 'PROMO_VIP', promoOfferId: `OFF-${customerId}-PROMO_VIP` });
      expect(charged).toEqual(['20.00']);
    });
  });
});

describe('portal promotions (BSS_LOYALTY_MODE=off)', () => {
  let t: PortalTestApp;
  beforeAll(async () => {
    process.env.BSS_LOYALTY_MODE = 'off';
    t = await createPortalTestApp();
  });
  afterAll(async () => {
    await t.close();
    process.env.BSS_LOYALTY_MODE = 'embedded';
  });

  it('signup has no code field and completes at full price, exactly as without promotions', async () => {
    const b = new TestBrowser(t);
    const { id, customerId } = await signupToReview(t, b, 'off.promo@example.sg');
    const review = await b.get(`/signup/${id}/review`);
    expect(review.status).toBe(200);
    expect(review.body).not.toContain('promo_code');
    expect(review.body).not.toContain('promo-preview');
    expect((await b.get(`/signup/${id}/promo-preview?promo_code=WELCOME10`, { hx: true })).body).toBe('');
    // Even a hand-made POST with a code changes nothing.
    const { order, line, charged } = await placeAndActivate(t, b, id, customerId, { promo_code: 'WELCOME10' });
    expect(order.item.discountCode).toBeNull();
    expect(charged).toEqual(['25.00']);
    expect(line).toMatchObject({ effectiveAmount: '25.00', discountPeriodsRemaining: 0 });
    const dashboard = await b.get('/');
    expect(dashboard.body).not.toContain('promo-offers');
    expect(dashboard.body).not.toContain('promo-badge');
  });
});

