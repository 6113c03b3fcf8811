import { assertActivePrice, assertCatalogAdmin, assertOfferingExists, assertOfferingIsNew, assertPriceIsNew } from './catalog.policies';
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
