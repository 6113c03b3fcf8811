import { applyDiscount, discountLabel, discountPeriodsTotal, fromCents, toCents, twoDecimals } from './discount.calc';

describe('discount arithmetic (integer cents, half-up)', () => {
  it.each([
    ['25.00', 'percent', '10', '22.50'],
    ['25.00', 'percent', '20', '20.00'],
    ['20.00', 'percent', '20', '16.00'],
    ['10.00', 'percent', '12.5', '8.75'],
    // 9.99 × 0.875 = 8.74125 → 8.74; 0.05 × 0.5 = 0.025 → 0.03 (half-up, not banker's)
    ['9.99', 'percent', '12.5', '8.74'],
    ['0.05', 'percent', '50', '0.03'],
    ['45.00', 'percent', '33.33', '30.00'],
    ['25.00', 'absolute', '5', '20.00'],
    ['25.00', 'absolute', '5.50', '19.50'],
    ['4.00', 'absolute', '5.00', '0.00'],
  ] as const)('%s with %s %s → %s', (base, discountType, discountValue, effective) => {
    expect(applyDiscount(base, { discountType, discountValue })).toBe(effective);
  });

  it('never goes through floating point: 0.1 + 0.2 style amounts stay exact', () => {
    expect(applyDiscount('0.30', { discountType: 'absolute', discountValue: '0.10' })).toBe('0.20');
    expect(toCents('1234567890.99')).toBe(123456789099);
    expect(fromCents(5)).toBe('0.05');
  });

  it('refuses amounts with more than 2 decimals', () => {
    expect(() => toCents('1.005')).toThrow(RangeError);
  });

  it('labels percent and absolute discounts', () => {
    expect(discountLabel({ discountType: 'percent', discountValue: '20.00' })).toBe('20% off');
    expect(discountLabel({ discountType: 'percent', discountValue: '12.50' })).toBe('12.5% off');
    expect(discountLabel({ discountType: 'percent', discountValue: '33.33' })).toBe('33.33% off');
    expect(discountLabel({ discountType: 'absolute', discountValue: '5' })).toBe('SGD 5.00 off');
  });

  it('counts periods: single 1, multi N, perpetual −1', () => {
    expect(discountPeriodsTotal('single', null)).toBe(1);
    expect(discountPeriodsTotal('multi', 3)).toBe(3);
    expect(discountPeriodsTotal('perpetual', null)).toBe(-1);
    expect(twoDecimals('10')).toBe('10.00');
  });
});
