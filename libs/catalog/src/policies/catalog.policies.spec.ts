import {
  assertActivePrice,
  assertCatalogAdmin,
  assertCatalogIdIsNew,
  assertCategoryUnused,
  assertOfferingExists,
  assertOfferingIsNew,
  assertPriceIsNew,
  assertPriceMayEnd,
  assertSpecificationUnused,
} from './catalog.policies';
import { ruleOf } from '@bss/testing';

describe('catalog.admin_only', () => {
  it('allows a named actor', () => {
    expect(ruleOf(() => assertCatalogAdmin('cli-user'))).toBeUndefined();
  });

  it.each(['', '   ', 'anonymous', 'Anonymous'])('refuses actor %p', (actor) => {
    expect(ruleOf(() => assertCatalogAdmin(actor))).toBe('catalog.admin_only');
  });
});

describe('catalog.offering.already_exists', () => {
  it('allows a fresh id', () => {
    expect(ruleOf(() => assertOfferingIsNew('PLAN_XL', false, []))).toBeUndefined();
  });

  it('refuses an existing offering', () => {
    expect(ruleOf(() => assertOfferingIsNew('PLAN_M', true, []))).toBe('catalog.offering.already_exists');
  });

  it('refuses when its allowance ids are taken', () => {
    expect(() => assertOfferingIsNew('S', false, ['BA_S_DATA'])).toThrow(
      expect.objectContaining({ rule: 'catalog.offering.already_exists', context: { offeringId: 'S', takenAllowanceIds: ['BA_S_DATA'] } }),
    );
  });
});

describe('catalog.offering.not_found', () => {
  it('allows a loaded offering', () => {
    expect(ruleOf(() => assertOfferingExists({ id: 'PLAN_M' }, 'PLAN_M'))).toBeUndefined();
  });

  it('refuses a missing one, naming the id', () => {
    expect(() => assertOfferingExists(null, 'PLAN_NOPE')).toThrow(
      expect.objectContaining({ rule: 'catalog.offering.not_found', context: { offeringId: 'PLAN_NOPE' } }),
    );
  });
});

describe('catalog.price.already_exists', () => {
  it('allows a fresh price id', () => {
    expect(ruleOf(() => assertPriceIsNew('PRICE_PLAN_M_2', false))).toBeUndefined();
  });

  it('refuses a duplicate price id', () => {
    expect(ruleOf(() => assertPriceIsNew('PRICE_PLAN_M', true))).toBe('catalog.price.already_exists');
  });
});

describe('catalog.price.no_active_row', () => {
  const at = new Date('2026-01-01T00:00:00Z');

  it('allows an active price', () => {
    expect(ruleOf(() => assertActivePrice({ id: 'PRICE_PLAN_M' }, 'PLAN_M', at))).toBeUndefined();
  });

  it('refuses when there is none', () => {
    expect(() => assertActivePrice(undefined, 'PLAN_M', at)).toThrow(
      expect.objectContaining({ rule: 'catalog.price.no_active_row', context: { offeringId: 'PLAN_M', at: '2026-01-01T00:00:00.000Z' } }),
    );
  });
});

describe.each([
  ['catalog', 'catalog.catalog.already_exists'],
  ['category', 'catalog.category.already_exists'],
  ['specification', 'catalog.specification.already_exists'],
] as const)('%s already exists', (kind, rule) => {
  it('allows a fresh id', () => {
    expect(ruleOf(() => assertCatalogIdIsNew(kind, 'X_NEW', false))).toBeUndefined();
  });

  it('refuses a taken id', () => {
    expect(ruleOf(() => assertCatalogIdIsNew(kind, 'X_OLD', true))).toBe(rule);
  });
});

describe('catalog.category.in_use', () => {
  const unused = { offeringIds: [], catalogIds: [], subCategoryIds: [] };

  it('allows deleting an empty category', () => {
    expect(ruleOf(() => assertCategoryUnused('CATEGORY_X', unused))).toBeUndefined();
  });

  it.each([{ offeringIds: ['PLAN_M'] }, { catalogIds: ['CAT_MOBILE'] }, { subCategoryIds: ['CATEGORY_Y'] }])('refuses while %p', (use) => {
    expect(ruleOf(() => assertCategoryUnused('CATEGORY_X', { ...unused, ...use }))).toBe('catalog.category.in_use');
  });
});

describe('catalog.specification.in_use', () => {
  it('allows deleting a specification no offering uses', () => {
    expect(ruleOf(() => assertSpecificationUnused('SPEC_X', []))).toBeUndefined();
  });

  it('refuses while an offering uses it', () => {
    expect(ruleOf(() => assertSpecificationUnused('SPEC_MOBILE_PREPAID', ['PLAN_M']))).toBe('catalog.specification.in_use');
  });
});

describe('catalog.price.last_current', () => {
  it('allows ending a price when another one is current', () => {
    expect(ruleOf(() => assertPriceMayEnd('PRICE_PLAN_M', { id: 'PLAN_M', onSale: true }, true, ['PRICE_PLAN_M_PROMO']))).toBeUndefined();
  });

  it('allows ending the last price of an offering off sale, or a price not current', () => {
    expect(ruleOf(() => assertPriceMayEnd('PRICE_PLAN_M', { id: 'PLAN_M', onSale: false }, true, []))).toBeUndefined();
    expect(ruleOf(() => assertPriceMayEnd('PRICE_PLAN_M_NEXT', { id: 'PLAN_M', onSale: true }, false, []))).toBeUndefined();
  });

  it('refuses ending the only current price of an offering on sale', () => {
    expect(ruleOf(() => assertPriceMayEnd('PRICE_PLAN_M', { id: 'PLAN_M', onSale: true }, true, []))).toBe('catalog.price.last_current');
  });
});
