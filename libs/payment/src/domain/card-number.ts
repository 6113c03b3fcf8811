import type { CardBrand } from './payment.values';

/**
 * What a card number may look like on input: 12–19 digits with optional spaces or dashes, or test
 * text carrying a FAIL / DECLINE marker (reachable on purpose — the reference's CLI rejected the
 * letters before the marker branch could run).
 */
export const CARD_NUMBER_PATTERN = /^(?:[ -]*(?:\d[ -]*){12,19}|[\w -]*(?:fail|decline)[\w -]*)$/i;

export const TEST_MARKERS = ['FAIL', 'DECLINE'] as const;
export type TestMarker = (typeof TEST_MARKERS)[number];

/** The sandbox card that declines at charge time (the real provider's `4000 0000 0000 0002`). */
export const DECLINING_TEST_PAN = '4000000000000002';

/** Digits (or marker text) without separators: what is handed to the tokenizer. */
export function compactCardNumber(cardNumber: string): string {
  return cardNumber.replace(/[ -]/g, '');
}

export function testMarkerOf(text: string): TestMarker | null {
  const upper = text.toUpperCase();
  return TEST_MARKERS.find((marker) => upper.includes(marker)) ?? null;
}

export function cardBrand(cardNumber: string): CardBrand {
  const digits = cardNumber.replace(/\D/g, '');
  if (digits.startsWith('4')) return 'visa';
  if (/^5[1-5]/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return 'unknown';
}

/** Last four digits; marker text with fewer digits is left-padded with zeros. */
export function cardLast4(cardNumber: string): string {
  return cardNumber.replace(/\D/g, '').slice(-4).padStart(4, '0');
}
