/** Value unions of the payment context: one list per concept, used by DTOs, entities and SQL checks. */

export const TOKEN_PROVIDERS = ['mock', 'stripe'] as const;
export type TokenProvider = (typeof TOKEN_PROVIDERS)[number];

export const PAYMENT_METHOD_STATUSES = ['active', 'removed', 'expired'] as const;
export type PaymentMethodStatus = (typeof PAYMENT_METHOD_STATUSES)[number];

export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'unknown'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

export const PAYMENT_PURPOSES = ['activation', 'renewal', 'vas'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/** `pending` only between "attempt recorded" and "gateway answer recorded" (or after a crash there). */
export const PAYMENT_ATTEMPT_STATUSES = ['pending', 'approved', 'declined', 'errored'] as const;
export type PaymentAttemptStatus = (typeof PAYMENT_ATTEMPT_STATUSES)[number];
export type GatewayOutcomeStatus = Exclude<PaymentAttemptStatus, 'pending'>;

export const MAX_ACTIVE_METHODS = 5;

export const CUSTOMER_ID_PATTERN = /^CUST-[0-9a-f]{8}$/;
export const PAYMENT_METHOD_ID_PATTERN = /^PM-\d{4,}$/;
/** Money on the wire: a decimal string with at most 2 places ("25.00"); sign allowed so ≤ 0 reaches the rule. */
export const AMOUNT_PATTERN = /^-?\d{1,10}(\.\d{1,2})?$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** "25" → "25.00": amounts are stored and compared with two decimals. */
export function normalizeAmount(amount: string): string {
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const sign = amount.startsWith('-') && /[1-9]/.test(amount) ? '-' : '';
  return `${sign}${String(Number(whole))}.${fraction.padEnd(2, '0')}`;
}

export function isPositiveAmount(amount: string): boolean {
  return !amount.startsWith('-') && /[1-9]/.test(amount);
}
