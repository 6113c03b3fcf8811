import { NotFound, PolicyViolation } from '@bss/platform';
import {
  assertAssignable,
  assertCodeFree,
  assertLoyaltyConfigured,
  assertPromoAdmin,
  assertPromotionFound,
  assertPromotionIsNew,
  assertPromotionTerms,
  assertTargeted,
  type PromotionTermsRequest,
} from './promotion.policies';
import { ruleOf } from '@bss/testing';

const WELCOME: PromotionTermsRequest = { audience: 'public', discountType: 'percent', discountValue: '10', durationKind: 'multi', periodsTotal: 3, code: 'WELCOME10', codeKind: 'multi_use' };

describe('catalog.admin_only', () => {
  it('allows a named operator', () => expect(ruleOf(() => assertPromoAdmin('ops.jane'))).toBeUndefined());
  it.each(['', ' ', 'anonymous'])('refuses %p', (actor) => expect(ruleOf(() => assertPromoAdmin(actor))).toBe('catalog.admin_only'));
});

describe('promo.loyalty_not_configured', () => {
  it.each(['embedded', 'remote'] as const)('allows mode %s', (mode) => expect(ruleOf(() => assertLoyaltyConfigured(mode))).toBeUndefined());
  it('refuses mode off with a "promotions are off" message', () => {
    expect(() => assertLoyaltyConfigured('off')).toThrow(expect.objectContaining({ rule: 'promo.loyalty_not_configured', message: expect.stringMatching(/^Promotions are off/) }));
  });
});

describe('create terms', () => {
  it('allows the product-page WELCOME10 example as given', () => {
    expect(assertPromotionTerms('PROMO_WELCOME10', WELCOME)).toEqual({ ...WELCOME, periodsTotal: 3 });
  });

  it('defaults a targeted promotion to code = id and one use per customer', () => {
    expect(assertPromotionTerms('PROMO_VIP', { audience: 'targeted', discountType: 'absolute', discountValue: '5', durationKind: 'single' })).toMatchObject({
      code: 'PROMO_VIP',
      codeKind: 'single_use_unique_per_customer',
      periodsTotal: null,
    });
  });

  it('defaults the audience to public', () => {
    expect(assertPromotionTerms('PROMO_A', { ...WELCOME, audience: undefined }).audience).toBe('public');
  });

  it.each<[string, Partial<PromotionTermsRequest>, string]>([
    ['promo.create.invalid_audience', { audience: 'vip' }, 'an unknown audience'],
    ['promo.create.invalid_discount_type', { discountType: 'bogof' }, 'an unknown discount type'],
    ['promo.create.invalid_discount_value', { discountValue: '101' }, 'percent 101'],
    ['promo.create.invalid_discount_value', { discountValue: '100' }, 'percent 100 (a zero charge, §11.16)'],
    ['promo.create.invalid_discount_value', { discountValue: '0' }, 'value 0'],
    ['promo.create.invalid_discount_value', { discountType: 'absolute', discountValue: '0.00' }, 'absolute 0.00'],
    ['promo.create.invalid_duration_kind', { durationKind: 'forever' }, 'an unknown duration'],
    ['promo.create.invalid_periods_total', { periodsTotal: 1 }, 'multi with 1 period'],
    ['promo.create.invalid_periods_total', { periodsTotal: undefined }, 'multi without periods'],
    ['promo.create.invalid_periods_total', { durationKind: 'single', periodsTotal: 2 }, 'single with periods'],
    ['promo.create.invalid_periods_total', { durationKind: 'perpetual', periodsTotal: 2 }, 'perpetual with periods'],
    ['promo.create.requires_code', { code: undefined }, 'public without a code'],
    ['promo.create.invalid_promo_code_kind', { codeKind: undefined }, 'public without a code kind'],
    ['promo.create.invalid_promo_code_kind', { codeKind: 'once' }, 'an unknown code kind'],
  ])('%s refuses %s', (rule, change) => {
    expect(ruleOf(() => assertPromotionTerms('PROMO_X', { ...WELCOME, ...change }))).toBe(rule);
  });

  it.each<Partial<PromotionTermsRequest>>([
    { discountValue: '99.99' },
    { discountType: 'absolute', discountValue: '100' },
    { durationKind: 'single', periodsTotal: undefined },
    { durationKind: 'perpetual', periodsTotal: null },
    { periodsTotal: 2 },
    { codeKind: 'single_use_shared' },
  ])('allows %p', (change) => {
    expect(ruleOf(() => assertPromotionTerms('PROMO_X', { ...WELCOME, ...change }))).toBeUndefined();
  });
});

describe('promo.create.already_exists', () => {
  it('allows a new id and resuming a pending_link row', () => {
    expect(ruleOf(() => assertPromotionIsNew('PROMO_A', null))).toBeUndefined();
    expect(ruleOf(() => assertPromotionIsNew('PROMO_A', { state: 'pending_link' }))).toBeUndefined();
  });
  it.each(['active', 'exhausted', 'retired'] as const)('refuses an existing %s promotion', (state) => {
    expect(ruleOf(() => assertPromotionIsNew('PROMO_A', { state }))).toBe('promo.create.already_exists');
  });
});

describe('promo.create.code_in_use', () => {
  it('allows a free code, or the code this promotion already holds', () => {
    expect(ruleOf(() => assertCodeFree('WELCOME10', null, 'PROMO_A'))).toBeUndefined();
    expect(ruleOf(() => assertCodeFree('WELCOME10', 'PROMO_A', 'PROMO_A'))).toBeUndefined();
  });
  it("refuses another promotion's code", () => {
    expect(() => assertCodeFree('WELCOME10', 'PROMO_B', 'PROMO_A')).toThrow(expect.objectContaining({ rule: 'promo.create.code_in_use', context: { code: 'WELCOME10', promotionId: 'PROMO_B' } }));
  });
});

describe('promo.not_targeted / assign.not_active', () => {
  it('allows an active targeted promotion', () => {
    expect(ruleOf(() => assertAssignable({ id: 'PROMO_VIP', audience: 'targeted', state: 'active' }))).toBeUndefined();
    expect(ruleOf(() => assertTargeted({ id: 'PROMO_VIP', audience: 'targeted' }))).toBeUndefined();
  });
  it('refuses a public promotion', () => {
    expect(ruleOf(() => assertAssignable({ id: 'PROMO_W', audience: 'public', state: 'active' }))).toBe('promo.not_targeted');
    expect(ruleOf(() => assertTargeted({ id: 'PROMO_W', audience: 'public' }))).toBe('promo.not_targeted');
  });
  it.each(['pending_link', 'exhausted', 'retired'] as const)('refuses assigning to a %s promotion', (state) => {
    expect(ruleOf(() => assertAssignable({ id: 'PROMO_VIP', audience: 'targeted', state }))).toBe('promo.assign.not_active');
  });
});

describe('promotion lookup', () => {
  it('passes a loaded promotion and names a missing id', () => {
    expect(() => assertPromotionFound({ id: 'PROMO_A' }, 'PROMO_A')).not.toThrow();
    expect(() => assertPromotionFound(null, 'PROMO_NOPE')).toThrow(NotFound);
    expect(() => assertPromotionFound(null, 'PROMO_NOPE')).toThrow('promotion PROMO_NOPE not found');
  });
});
