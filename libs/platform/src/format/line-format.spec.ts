import {
  allowanceLabel,
  chargePurposeLabel,
  chargeStatusLabel,
  daysUntil,
  formatAllowance,
  formatData,
  formatPrice,
  formatMsisdn,
  formatQuantity,
  renewalCountdown,
} from './line-format';

describe('line format', () => {
  it('groups an MSISDN 4 + 4, with or without the country code', () => {
    expect(formatMsisdn('90000001')).toBe('9000 0001');
    expect(formatMsisdn('6590000001')).toBe('+65 9000 0001');
    expect(formatMsisdn('+6590000001')).toBe('+65 9000 0001');
    expect(formatMsisdn('900')).toBe('900');
    expect(formatMsisdn(null)).toBe('');
  });

  it('shows data in GB from 1024 MB, rounded to one decimal, never "31744.0 MB" or lowercase units', () => {
    expect(formatData(31744)).toBe('31 GB');
    expect(formatData(30720)).toBe('30 GB');
    expect(formatData(1536)).toBe('1.5 GB');
    expect(formatData(31000)).toBe('30.3 GB');
    expect(formatData(512.4)).toBe('512 MB');
    expect(formatData(0)).toBe('0 MB');
    expect(formatData(-1)).toBe('Unlimited');
    expect(formatQuantity(31744, 'mb')).toBe('31 GB');
    expect(formatQuantity('31744.0', 'mb')).toBe('31 GB');
  });

  it('names the other units the same way everywhere', () => {
    expect(formatQuantity(100, 'minutes')).toBe('100 min');
    expect(formatQuantity(100, 'count')).toBe('100 SMS');
    expect(formatQuantity(-1, 'minutes')).toBe('Unlimited');
    expect(formatQuantity(null, 'mb')).toBe('Unlimited');
    expect(formatAllowance(0, 'mb')).toBe('Not included');
    expect(formatAllowance(2048, 'mb')).toBe('2 GB');
  });

  it('writes money with the currency and two decimals', () => {
    expect(formatPrice('25.00', 'SGD')).toBe('SGD 25.00');
    expect(formatPrice('10', 'SGD')).toBe('SGD 10.00');
    expect(formatPrice('9.5')).toBe('SGD 9.50');
    expect(formatPrice(3)).toBe('SGD 3.00');
    expect(formatPrice(null)).toBe('—');
  });

  it('counts days until renewal rounded up, negative once past', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(daysUntil(new Date('2026-01-31T12:00:00Z'), now)).toBe(30);
    expect(daysUntil(new Date('2026-01-31T11:00:00Z'), now)).toBe(30);
    expect(daysUntil(new Date('2026-01-01T15:00:00Z'), now)).toBe(1);
    expect(daysUntil(now, now)).toBe(0);
    expect(daysUntil('2025-12-30T12:00:00Z', now)).toBe(-2);
    expect(renewalCountdown(0)).toBe('today');
    expect(renewalCountdown(1)).toBe('in 1 day');
    expect(renewalCountdown(12)).toBe('in 12 days');
    expect(renewalCountdown(-2)).toBe('overdue by 2 days');
  });

  it('uses customer words for internal terms', () => {
    expect(chargePurposeLabel('vas')).toBe('Top-up');
    expect(chargePurposeLabel('activation')).toBe('New line');
    expect(chargePurposeLabel('renewal')).toBe('Plan renewal');
    expect(chargeStatusLabel('approved')).toBe('Paid');
    expect(allowanceLabel('data_roaming')).toBe('Roaming');
    expect(allowanceLabel('voice_minutes')).toBe('voice minutes');
  });
});
