import { AddOfferingCommand, SetPriceCommand } from '@bss/catalog';
import { NotFound } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import { ClaimPromoCommand } from '#promos/commands/claim-promo.command';
import { ExhaustPromotionCommand } from '#promos/commands/exhaust-promotion.command';
import { TEST_OPERATOR, createPromoTestApp, givenAssignment, givenPromoCustomer, givenPromotion, loyaltyOf, type PromoTestApp } from '#promos/testing';
import { PromoQueries } from './promo.queries';

const NOW = new Date('2026-03-01T00:00:00Z');

describe.each(['embedded', 'remote'] as const)('PromoQueries — %s loyalty', (mode) => {
  let t: PromoTestApp;
  let app: TestApp;
  let q: PromoQueries;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    t = await createPromoTestApp(mode);
    app = t.app;
    q = app.get(PromoQueries);
    await app.clock.freeze(NOW);
    await givenPromotion(app, { promotionId: 'PROMO_TWENTY', name: 'Twenty', discountValue: '20' });
    await givenPromotion(app, { promotionId: 'PROMO_PLANS', discountValue: '10', applicableOfferingIds: ['PLAN_S'] });
    await givenPromotion(app, { promotionId: 'PROMO_LATER', validFrom: '2026-04-01T00:00:00Z' });
    await givenPromotion(app, { promotionId: 'PROMO_OVER', validFrom: '2026-01-01T00:00:00Z', validTo: '2026-03-01T00:00:00Z' });
    await givenPromotion(app, { promotionId: 'PROMO_EXH' });
    await runWithAuth({ actor: TEST_OPERATOR }, () => app.get(ExhaustPromotionCommand).execute({ promotionId: 'PROMO_EXH' }));
    await givenPromotion(app, { promotionId: 'PROMO_FREE', discountType: 'absolute', discountValue: '30' });
    await givenPromotion(app, { promotionId: 'PROMO_ONCE', codeKind: 'single_use_shared' });
    await givenPromotion(app, { promotionId: 'PROMO_T10', name: 'Ten for you', audience: 'targeted', discountValue: '10' });
    await givenPromotion(app, { promotionId: 'PROMO_T5', audience: 'targeted', discountType: 'absolute', discountValue: '5' });
    alice = (await givenPromoCustomer(app, 'Alice')).id;
    bob = (await givenPromoCustomer(app, 'Bob')).id;
    await givenAssignment(app, 'PROMO_T10', [alice]);
    await givenAssignment(app, 'PROMO_T5', [alice]);
  });
  afterAll(() => t.close());

  describe('preview (signup page)', () => {
    it('20% code on PLAN_M → base 25.00, effective 20.00', async () => {
      expect(await q.preview({ code: 'TWENTY', offeringId: 'PLAN_M' })).toEqual({
        valid: true,
        code: 'TWENTY',
        offeringId: 'PLAN_M',
        name: 'Twenty',
        label: '20% off',
        base: '25.00',
        effective: '20.00',
        currency: 'SGD',
        reason: null,
      });
    });

    it('an empty code previews nothing; a typed code is matched case-insensitively', async () => {
      expect(await q.preview({ code: '  ', offeringId: 'PLAN_M' })).toBeNull();
      expect(await q.preview({ code: null, offeringId: 'PLAN_M' })).toBeNull();
      expect(await q.preview({ code: ' twenty ', offeringId: 'PLAN_M' })).toMatchObject({ valid: true, code: 'TWENTY' });
    });

    it('a refused code says why, with no price', async () => {
      expect(await q.preview({ code: 'PLANS', offeringId: 'PLAN_M' })).toEqual({
        valid: false,
        code: 'PLANS',
        offeringId: 'PLAN_M',
        name: null,
        label: null,
        base: null,
        effective: null,
        currency: null,
        reason: 'not_applicable_to_offering',
      });
    });
  });

  describe('validateForOrder reasons (spec §6.3)', () => {
    it.each([
      ['NOPE', 'PLAN_M', 'unknown_code'],
      ['no spaces allowed', 'PLAN_M', 'unknown_code'],
      ['PLANS', 'PLAN_M', 'not_applicable_to_offering'],
      ['LATER', 'PLAN_M', 'not_yet_valid'],
      ['OVER', 'PLAN_M', 'expired'],
      ['EXH', 'PLAN_M', 'no_active_promotion'],
      ['FREE', 'PLAN_M', 'zero_amount_not_supported'],
      ['TWENTY', 'PLAN_XXL', 'offering_not_priced'],
    ])('%s on %s → %s', async (code, offeringId, reason) => {
      expect(await q.validateForOrder({ code, offeringId })).toMatchObject({ valid: false, reason, terms: null });
    });

    it('an absolute discount below the price applies', async () => {
      expect((await q.validateForOrder({ code: 'FREE', offeringId: 'PLAN_L' })).terms).toMatchObject({ base: '45.00', effective: '15.00', label: 'SGD 30.00 off' });
    });

    it('gives the terms the order will stamp', async () => {
      expect((await q.validateForOrder({ code: 'TWENTY', offeringId: 'PLAN_S', at: NOW })).terms).toEqual({
        promotionId: 'PROMO_TWENTY',
        name: 'Twenty',
        code: 'TWENTY',
        audience: 'public',
        discountType: 'percent',
        discountValue: '20.00',
        currency: 'SGD',
        durationKind: 'single',
        periodsTotal: null,
        discountPeriodsTotal: 1,
        base: '10.00',
        effective: '8.00',
        label: '20% off',
        offerDefinitionId: 'OD_PROMO_TWENTY',
        loyaltyOfferId: null,
      });
    });

    it('a targeted code from a non-eligible (or anonymous) customer → not_eligible; an eligible one gets its offer', async () => {
      expect((await q.validateForOrder({ code: 'PROMO_T10', offeringId: 'PLAN_M', customerId: bob })).reason).toBe('not_eligible');
      expect((await q.validateForOrder({ code: 'PROMO_T10', offeringId: 'PLAN_M' })).reason).toBe('not_eligible');
      expect((await q.validateForOrder({ code: 'promo_t10', offeringId: 'PLAN_M', customerId: alice })).terms).toMatchObject({
        effective: '22.50',
        loyaltyOfferId: `OFF-${alice}-PROMO_T10`,
      });
    });

    it('a single-use shared code already claimed is refused with the engine rule', async () => {
      expect((await q.validateForOrder({ code: 'ONCE', offeringId: 'PLAN_M' })).valid).toBe(true);
      await loyaltyOf(app).claimOffer({ actor: 'system:test', tenant: 'DEFAULT', idempotencyKey: 'ORD-9001:claim' }, { customerId: bob, code: 'ONCE' });
      expect((await q.validateForOrder({ code: 'ONCE', offeringId: 'PLAN_M' })).reason).toBe('promo_code.show.exhausted');
    });

    it('composes on the lowest active price: windowed 20.00 + 20 % → 16.00', async () => {
      await runWithAuth({ actor: TEST_OPERATOR }, async () => {
        await app.get(AddOfferingCommand).execute({ offeringId: 'PLAN_W', name: 'Windowed', amount: '25.00', dataMb: 1024 });
        await app.get(SetPriceCommand).execute({ offeringId: 'PLAN_W', priceId: 'PRICE_PLAN_W_SALE', amount: '20.00', validFrom: '2026-02-01T00:00:00Z', validTo: '2026-04-01T00:00:00Z' });
      });
      expect((await q.preview({ code: 'TWENTY', offeringId: 'PLAN_W' }))?.effective).toBe('16.00');
      expect((await q.validateForOrder({ code: 'TWENTY', offeringId: 'PLAN_W', at: new Date('2026-05-01T00:00:00Z') })).terms).toMatchObject({ base: '25.00', effective: '20.00' });
    });
  });

  describe('targeted offers', () => {
    it('the cheapest eligible offer wins: SGD 5 off (20.00) over 10 % (22.50) on 25.00', async () => {
      expect(await q.resolveEligible({ customerId: alice, offeringId: 'PLAN_M' })).toMatchObject({ promotionId: 'PROMO_T5', effective: '20.00', loyaltyOfferId: `OFF-${alice}-PROMO_T5` });
      // The winner depends on the price: on PLAN_S (10.00) it is 5.00 (SGD 5 off) against 9.00 (10 %).
      expect((await q.resolveEligible({ customerId: alice, offeringId: 'PLAN_S' }))?.effective).toBe('5.00');
      expect(await q.resolveEligible({ customerId: bob, offeringId: 'PLAN_M' })).toBeNull();
    });

    it('customerOffers lists the eligible, unused offers', async () => {
      expect((await q.customerOffers(alice)).map((o) => [o.promotionId, o.promotion.label])).toEqual([
        ['PROMO_T10', '10% off'],
        ['PROMO_T5', 'SGD 5.00 off'],
      ]);
      expect(await q.customerOffers(bob)).toEqual([]);
    });
  });

  describe('selectForOrder (never stacked)', () => {
    const select = (customerId: string, promoCode?: string, skipAssignedOffer = false, baseAmount = '25.00') =>
      q.selectForOrder({ customerId, offeringId: 'PLAN_M', baseAmount, promoCode, skipAssignedOffer, at: NOW });

    it('a valid typed code beats the targeted offer', async () => {
      expect(await select(alice, 'TWENTY')).toEqual({
        intent: {
          promotionId: 'PROMO_TWENTY',
          promoCode: 'TWENTY',
          promoOfferDefinitionId: 'OD_PROMO_TWENTY',
          promoOfferId: null,
          discountType: 'percent',
          discountValue: '20.00',
          discountPeriodsTotal: 1,
          label: '20% off',
          effectiveAmount: '20.00',
          source: 'code',
        },
        codeRefusal: null,
      });
    });

    it('an invalid typed code falls back to the cheapest eligible offer, and says why the code did not apply', async () => {
      expect(await select(alice, 'NOPE')).toMatchObject({
        intent: { promotionId: 'PROMO_T5', promoCode: 'PROMO_T5', promoOfferId: `OFF-${alice}-PROMO_T5`, source: 'targeted', effectiveAmount: '20.00' },
        codeRefusal: { code: 'NOPE', reason: 'unknown_code' },
      });
    });

    it('skipAssignedOffer + an invalid code → no discount; with a valid code → the code', async () => {
      expect(await select(alice, 'NOPE', true)).toEqual({ intent: null, codeRefusal: { code: 'NOPE', reason: 'unknown_code' } });
      expect((await select(alice, 'TWENTY', true)).intent?.promotionId).toBe('PROMO_TWENTY');
      expect(await select(alice, undefined, true)).toEqual({ intent: null, codeRefusal: null });
    });

    it('composes on the snapshot passed in, never the live catalog', async () => {
      expect((await select(bob, 'TWENTY', false, '20.00')).intent).toMatchObject({ effectiveAmount: '16.00' });
    });

    it('no code and no offer → nothing', async () => {
      expect(await select(bob)).toEqual({ intent: null, codeRefusal: null });
    });
  });

  it('a claimed targeted offer is used up: the next cheapest takes over and the dashboard hides it', async () => {
    const claim = await app.get(ClaimPromoCommand).execute({
      orderId: 'ORD-7001',
      customerId: alice,
      promoCode: 'PROMO_T5',
      promoOfferDefinitionId: 'OD_PROMO_T5',
      promoOfferId: `OFF-${alice}-PROMO_T5`,
      discountType: 'absolute',
      discountValue: '5.00',
      discountPeriodsTotal: 1,
    });
    expect(claim.outcome).toBe('claimed');
    expect((await q.resolveEligible({ customerId: alice, offeringId: 'PLAN_M' }))?.promotionId).toBe('PROMO_T10');
    expect((await q.customerOffers(alice)).map((o) => o.promotionId)).toEqual(['PROMO_T10']);
  });

  it('get / list read promotions; an unknown id is NotFound', async () => {
    expect((await q.list({ state: 'exhausted' })).map((p) => p.id)).toEqual(['PROMO_EXH']);
    expect((await q.list({ limit: 3 })).map((p) => p.id)).toEqual(['PROMO_EXH', 'PROMO_FREE', 'PROMO_LATER']);
    expect((await q.list({ limit: 2, offset: 1 })).map((p) => p.id)).toEqual(['PROMO_FREE', 'PROMO_LATER']);
    await expect(q.get('PROMO_NOPE')).rejects.toBeInstanceOf(NotFound);
    expect(q.status()).toEqual({ mode, enabled: true });
  });

  if (mode === 'remote') {
    it('engine trouble never blocks: show → loyalty_unavailable; offer.list failing → none used, dashboard hidden', async () => {
      t.double!.failNext('promo_code.show', { status: 500 });
      expect((await q.validateForOrder({ code: 'TWENTY', offeringId: 'PLAN_M' })).reason).toBe('loyalty_unavailable');
      t.double!.failNext('offer.list', { status: 500 });
      expect((await q.resolveEligible({ customerId: alice, offeringId: 'PLAN_M' }))?.promotionId).toBe('PROMO_T5');
      t.double!.failNext('offer.list', { status: 500 });
      expect(await q.customerOffers(alice)).toEqual([]);
    });
  }
});

describe('PromoQueries — loyalty off', () => {
  let t: PromoTestApp;
  let q: PromoQueries;
  beforeAll(async () => {
    t = await createPromoTestApp('off');
    q = t.app.get(PromoQueries);
    // Rows left from when promotions were on stay inert.
    await t.app.db.query(`insert into promos.offer_definition (id, display_name, kind, created_by, created_at) values ('OD_PROMO_OLD', 'x', 'regular', 'ops', now())`);
    await t.app.db.query(
      `insert into promos.promotion (id, discount_type, discount_value, duration_kind, audience, code, code_kind, state, offer_definition_id, created_by, created_at, updated_at)
       values ('PROMO_OLD', 'percent', 50, 'single', 'targeted', 'OLD', 'multi_use', 'active', 'OD_PROMO_OLD', 'ops', now(), now())`,
    );
    await t.app.db.query(`insert into promos.promotion_eligibility (promotion_id, customer_id, created_by, created_at) values ('PROMO_OLD', 'CUST-0000000a', 'ops', now())`);
  });
  afterAll(async () => {
    await t.close();
    process.env.BSS_LOYALTY_MODE = 'embedded';
  });

  it('is quiet: no code applies, no offer is pre-applied, the dashboard shows none', async () => {
    expect(q.status()).toEqual({ mode: 'off', enabled: false });
    expect(await q.validateForOrder({ code: 'OLD', offeringId: 'PLAN_M' })).toEqual({ valid: false, code: 'OLD', offeringId: 'PLAN_M', reason: 'loyalty_not_configured', terms: null });
    expect(await q.preview({ code: 'OLD', offeringId: 'PLAN_M' })).toMatchObject({ valid: false, reason: 'loyalty_not_configured' });
    expect(await q.resolveEligible({ customerId: 'CUST-0000000a', offeringId: 'PLAN_M' })).toBeNull();
    expect(await q.customerOffers('CUST-0000000a')).toEqual([]);
    expect(await q.selectForOrder({ customerId: 'CUST-0000000a', offeringId: 'PLAN_M', baseAmount: '25.00', at: NOW })).toEqual({ intent: null, codeRefusal: null });
    expect(await q.selectForOrder({ customerId: 'CUST-0000000a', offeringId: 'PLAN_M', baseAmount: '25.00', promoCode: 'OLD', at: NOW })).toEqual({
      intent: null,
      codeRefusal: { code: 'OLD', reason: 'loyalty_not_configured' },
    });
  });

  it('promo reads answer "promotions are off"', async () => {
    await expect(q.get('PROMO_OLD')).rejects.toMatchObject({ rule: 'promo.loyalty_not_configured' });
    await expect(q.list()).rejects.toMatchObject({ rule: 'promo.loyalty_not_configured' });
  });
});
