import { cheapestOffer, promoRefusal, type OrderPromoFacts, type PromotionFacts } from './promo-validation.policies';

const AT = new Date('2026-03-01T00:00:00Z');
const PROMO: PromotionFacts = {
  state: 'active',
  audience: 'public',
  discountType: 'percent',
  discountValue: '20',
  applicableOfferingIds: null,
  validFrom: null,
  validTo: null,
};
const facts = (promotion: Partial<PromotionFacts> | null, other: Partial<OrderPromoFacts> = {}): OrderPromoFacts => ({
  promotion: promotion === null ? null : { ...PROMO, ...promotion },
  eligible: false,
  offeringId: 'PLAN_M',
  at: AT,
  base: '25.00',
  ...other,
});

describe('promoRefusal (spec §6.3 check order)', () => {
  it('allows an active public promotion on a priced offering', () => {
    expect(promoRefusal(facts({}))).toBeNull();
  });

  it('allows a targeted promotion for an eligible customer, in its window, on a listed offering', () => {
    expect(
      promoRefusal(facts({ audience: 'targeted', applicableOfferingIds: ['PLAN_M'], validFrom: AT, validTo: new Date('2026-03-02T00:00:00Z') }, { eligible: true })),
    ).toBeNull();
  });

  it.each<[string, Partial<PromotionFacts> | null, Partial<OrderPromoFacts>]>([
    ['unlinked_code', null, {}],
    ['no_active_promotion', { state: 'exhausted' }, {}],
    ['no_active_promotion', { state: 'pending_link' }, {}],
    ['not_eligible', { audience: 'targeted' }, { eligible: false }],
    ['not_applicable_to_offering', { applicableOfferingIds: ['PLAN_S'] }, {}],
    ['not_yet_valid', { validFrom: new Date('2026-03-01T00:00:01Z') }, {}],
    ['expired', { validTo: AT }, {}],
    ['offering_not_priced', {}, { base: null }],
    ['zero_amount_not_supported', { discountType: 'absolute', discountValue: '30' }, {}],
  ])('refuses with %s', (reason, promotion, other) => {
    expect(promoRefusal(facts(promotion, other))).toBe(reason);
  });

  it('reports the first failing check: inactive beats not eligible beats not applicable', () => {
    expect(promoRefusal(facts({ state: 'retired', audience: 'targeted', applicableOfferingIds: [] }))).toBe('no_active_promotion');
    expect(promoRefusal(facts({ audience: 'targeted', applicableOfferingIds: [] }))).toBe('not_eligible');
  });
});

describe('cheapestOffer', () => {
  it('picks SGD 5 off (20.00) over 10% off (22.50) on 25.00', () => {
    expect(cheapestOffer([{ id: 'PROMO_A_10PCT', effective: '22.50' }, { id: 'PROMO_B_5OFF', effective: '20.00' }])?.id).toBe('PROMO_B_5OFF');
  });
  it('keeps the first on a tie and answers null for none', () => {
    expect(cheapestOffer([{ id: 'PROMO_A', effective: '20.00' }, { id: 'PROMO_B', effective: '20.00' }])?.id).toBe('PROMO_A');
    expect(cheapestOffer([])).toBeNull();
  });
});
