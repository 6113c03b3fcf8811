import { AuditQueries } from '@bss/audit';
import { InvalidInput, NotFound } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import { TEST_OPERATOR, createPromoTestApp, givenAssignment, givenPromoCustomer, givenPromotion, loyaltyOf, type PromoTestApp } from '#promos/testing';
import { AssignPromotionCommand } from './assign-promotion.command';
import { ExhaustPromotionCommand } from './exhaust-promotion.command';

describe.each(['embedded', 'remote'] as const)('AssignPromotionCommand — %s loyalty', (mode) => {
  let t: PromoTestApp;
  let app: TestApp;
  let ann: string;
  let ben: string;
  const rows = (promotionId: string) =>
    app.db.query<{ customer_id: string; loyalty_offer_id: string | null }>(`select customer_id, loyalty_offer_id from promos.promotion_eligibility where promotion_id = $1 order by customer_id`, [promotionId]);
  const issues = () => t.double?.callsTo('offer.issue').length ?? 0;

  beforeAll(async () => {
    t = await createPromoTestApp(mode);
    app = t.app;
    await givenPromotion(app, { promotionId: 'PROMO_VIP', name: 'VIP', audience: 'targeted' });
    await givenPromotion(app, { promotionId: 'PROMO_OPEN' });
    ann = (await givenPromoCustomer(app, 'Ann')).id;
    ben = (await givenPromoCustomer(app, 'Ben')).id;
  });
  afterAll(() => t.close());

  it('lists customers and pairs each with a loyalty offer OFF-<customer>-<promo>', async () => {
    const result = await givenAssignment(app, 'PROMO_VIP', [ann, ben, ann]);
    expect(result).toEqual({
      promotionId: 'PROMO_VIP',
      code: 'PROMO_VIP',
      eligible: [ann, ben],
      already: [],
      offers: [
        { customerId: ann, loyaltyOfferId: `OFF-${ann}-PROMO_VIP` },
        { customerId: ben, loyaltyOfferId: `OFF-${ben}-PROMO_VIP` },
      ],
    });
    const offers = await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, { customerId: ann });
    expect(offers.rows).toEqual([expect.objectContaining({ offerId: `OFF-${ann}-PROMO_VIP`, offerDefinitionId: 'OD_PROMO_VIP', state: 'issued' })]);
    const [event] = await app.get(AuditQueries).list({ aggregateId: 'PROMO_VIP', eventType: 'promo.assigned' });
    expect(event).toMatchObject({ actor: TEST_OPERATOR, payload: { eligible: [ann, ben], already: [] } });
    expect(await app.db.query(`select summary from crm.interaction where customer_id = $1 and summary like 'Eligible%'`, [ann])).toEqual([{ summary: 'Eligible for promotion VIP (20% off)' }]);
    if (t.double) expect(t.double.callsTo('offer.issue').map((c) => c.idempotencyKey)).toEqual([`OFF-${ann}-PROMO_VIP`, `OFF-${ben}-PROMO_VIP`]);
  });

  it('re-assigning is "already", with no second offer.issue', async () => {
    const before = issues();
    expect(await givenAssignment(app, 'PROMO_VIP', [ann])).toMatchObject({ eligible: [], already: [ann], offers: [] });
    expect(issues()).toBe(before);
    expect((await rows('PROMO_VIP')).length).toBe(2);
  });

  it('a loyalty failure still lists the customer, with no pre-paired offer', async () => {
    const cid = (await givenPromoCustomer(app, 'Cy')).id;
    if (t.double) {
      t.double.failNext('offer.issue', { status: 503 });
    } else {
      // Make the engine refuse: the offer id is already taken by another definition.
      const loyalty = loyaltyOf(app);
      await loyalty.registerOfferDefinition({ actor: 'x', tenant: 'DEFAULT' }, { id: 'OD_OTHER', displayName: 'x', kind: 'regular' });
      await loyalty.issueOffer({ actor: 'x', tenant: 'DEFAULT' }, { offerId: `OFF-${cid}-PROMO_VIP`, offerDefinitionId: 'OD_OTHER', customerId: cid, campaignId: 'x' });
    }
    expect((await givenAssignment(app, 'PROMO_VIP', [cid])).offers).toEqual([{ customerId: cid, loyaltyOfferId: null }]);
    expect((await rows('PROMO_VIP')).find((r) => r.customer_id === cid)).toEqual({ customer_id: cid, loyalty_offer_id: null });
  });

  it('refuses a public promotion (not_targeted) and an exhausted one (assign.not_active)', async () => {
    await expect(givenAssignment(app, 'PROMO_OPEN', [ann])).rejects.toMatchObject({ rule: 'promo.not_targeted' });
    await givenPromotion(app, { promotionId: 'PROMO_GONE', audience: 'targeted' });
    await runWithAuth({ actor: TEST_OPERATOR }, () => app.get(ExhaustPromotionCommand).execute({ promotionId: 'PROMO_GONE' }));
    await expect(givenAssignment(app, 'PROMO_GONE', [ann])).rejects.toMatchObject({ rule: 'promo.assign.not_active' });
    expect(await rows('PROMO_OPEN')).toEqual([]);
  });

  it('an unknown promotion or customer is NotFound naming it, and nothing is written', async () => {
    await expect(givenAssignment(app, 'PROMO_NOPE', [ann])).rejects.toBeInstanceOf(NotFound);
    await givenPromotion(app, { promotionId: 'PROMO_EMPTY', audience: 'targeted' });
    const error = await givenAssignment(app, 'PROMO_EMPTY', [ann, 'CUST-deadbeef']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFound);
    expect((error as NotFound).message).toContain('CUST-deadbeef');
    expect(await rows('PROMO_EMPTY')).toEqual([]);
  });

  it('malformed input is InvalidInput naming the field', async () => {
    await expect(app.get(AssignPromotionCommand).execute({ promotionId: 'PROMO_VIP', customerIds: ['alice'] })).rejects.toMatchObject({ fields: [{ field: 'customerIds' }] });
    await expect(app.get(AssignPromotionCommand).execute({ promotionId: 'PROMO_VIP', customerIds: [] })).rejects.toBeInstanceOf(InvalidInput);
  });
});

describe('AssignPromotionCommand — loyalty off', () => {
  let t: PromoTestApp;
  beforeAll(async () => {
    t = await createPromoTestApp('off');
  });
  afterAll(async () => {
    await t.close();
    process.env.BSS_LOYALTY_MODE = 'embedded';
  });

  it('is refused: promotions are off', async () => {
    await expect(givenAssignment(t.app, 'PROMO_VIP', ['CUST-0000000a'])).rejects.toMatchObject({ rule: 'promo.loyalty_not_configured' });
  });
});
