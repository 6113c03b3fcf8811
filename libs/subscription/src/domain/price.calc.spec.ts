import { discountCounterAfterRenewal, discountCounterAtActivation, discountedAmount, effectiveAmount, fromCents, toCents } from './price.calc';

describe('price calc', () => {
  it('converts money strings to cents and back exactly', () => {
    expect(toCents('25.00')).toBe(2500);
    expect(toCents('9.5')).toBe(950);
    expect(toCents('10')).toBe(1000);
    expect(fromCents(2005)).toBe('20.05');
    expect(fromCents(0)).toBe('0.00');
    expect(() => toCents('1.234')).toThrow(RangeError);
    expect(() => toCents('-1.00')).toThrow(RangeError);
  });

  it('applies percent discounts half-up to cents', () => {
    expect(discountedAmount('25.00', { type: 'percent', value: '10' })).toBe('22.50');
    expect(discountedAmount('10.00', { type: 'percent', value: '33.33' })).toBe('6.67');
    // 0.05 × 0.5 = 0.025 → 0.03 (half-up)
    expect(discountedAmount('0.05', { type: 'percent', value: '50' })).toBe('0.03');
    expect(discountedAmount('45.00', { type: 'percent', value: '100' })).toBe('0.00');
  });

  it('applies absolute discounts and never goes below zero', () => {
    expect(discountedAmount('25.00', { type: 'absolute', value: '5.00' })).toBe('20.00');
    expect(discountedAmount('10.00', { type: 'absolute', value: '15' })).toBe('0.00');
    expect(discountedAmount('10.00', null)).toBe('10.00');
  });

  it('discounts only while the counter is not 0', () => {
    const base = { priceAmount: '25.00', discountType: 'percent' as const, discountValue: '20' };
    expect(effectiveAmount({ ...base, discountPeriodsRemaining: 2 })).toBe('20.00');
    expect(effectiveAmount({ ...base, discountPeriodsRemaining: -1 })).toBe('20.00');
    expect(effectiveAmount({ ...base, discountPeriodsRemaining: 0 })).toBe('25.00');
    expect(effectiveAmount({ priceAmount: '25.00', discountType: null, discountValue: null, discountPeriodsRemaining: 0 })).toBe('25.00');
  });

  it('counts activation as discounted period 1', () => {
    const d = { type: 'percent' as const, value: '10' };
    expect(discountCounterAtActivation(null, 3)).toBe(0);
    expect(discountCounterAtActivation(d, 1)).toBe(0);
    expect(discountCounterAtActivation(d, undefined)).toBe(0);
    expect(discountCounterAtActivation(d, 3)).toBe(2);
    expect(discountCounterAtActivation(d, -1)).toBe(-1);
  });

  it('steps a positive counter down at renewal and leaves 0 and perpetual alone', () => {
    expect(discountCounterAfterRenewal(2)).toBe(1);
    expect(discountCounterAfterRenewal(0)).toBe(0);
    expect(discountCounterAfterRenewal(-1)).toBe(-1);
  });
});
