import { CARD_NUMBER_PATTERN, cardBrand, cardLast4, compactCardNumber, testMarkerOf } from './card-number';
import { isPositiveAmount, normalizeAmount } from './payment.values';

describe('card numbers', () => {
  it.each(['4242424242424242', '4242 4242 4242 4242', '4242-4242-4242-4242', '371449635398431', '123456789012', '4000000000000002', 'DECLINE', '4242decline', 'tok FAIL 1'])(
    'accepts %s',
    (text) => expect(CARD_NUMBER_PATTERN.test(text)).toBe(true),
  );
  it.each(['', '12345678901', '12345678901234567890', '4242x4242424242424', 'abcd efgh ijkl', '4242.4242.4242.4242'])('rejects %s', (text) =>
    expect(CARD_NUMBER_PATTERN.test(text)).toBe(false),
  );

  it('brands by prefix: 4 visa, 51–55 mastercard, 34/37 amex, else unknown', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('5105105105105100')).toBe('mastercard');
    expect(cardBrand('5500000000000004')).toBe('mastercard');
    expect(cardBrand('5600000000000000')).toBe('unknown');
    expect(cardBrand('340000000000009')).toBe('amex');
    expect(cardBrand('371449635398431')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('unknown');
  });

  it('keeps the last four digits, padding marker text', () => {
    expect(cardLast4('4242424242424242')).toBe('4242');
    expect(cardLast4('DECLINE')).toBe('0000');
    expect(cardLast4('FAIL12')).toBe('0012');
  });

  it('strips spaces and dashes; spots FAIL / DECLINE in any case', () => {
    expect(compactCardNumber('4242 4242-4242 4242')).toBe('4242424242424242');
    expect(testMarkerOf('card-decline-1')).toBe('DECLINE');
    expect(testMarkerOf('tok_FAIL_x')).toBe('FAIL');
    expect(testMarkerOf('tok_0f3a')).toBeNull();
  });
});

describe('amounts', () => {
  it('normalises to two decimals', () => {
    expect(normalizeAmount('25')).toBe('25.00');
    expect(normalizeAmount('25.5')).toBe('25.50');
    expect(normalizeAmount('007.10')).toBe('7.10');
    expect(normalizeAmount('-0')).toBe('0.00');
    expect(normalizeAmount('-3.5')).toBe('-3.50');
  });
  it('knows a positive amount', () => {
    expect(isPositiveAmount('0.01')).toBe(true);
    expect(isPositiveAmount('0.00')).toBe(false);
    expect(isPositiveAmount('-1.00')).toBe(false);
  });
});
