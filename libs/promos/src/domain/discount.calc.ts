import type { DiscountType, DurationKind } from './promotion.types';

/** Exact money: integer cents, half-up to the cent (portals-and-promos spec §6.2). */

const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;

/** "25.00" → 2500; "12.5" → 1250. */
export function toCents(amount: string): number {
  if (!AMOUNT.test(amount)) throw new RangeError(`"${amount}" is not an amount with at most 2 decimals`);
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function fromCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export interface DiscountTerms {
  discountType: DiscountType;
  /** Percent points ("10" = 10 %) or an amount ("5.00"). */
  discountValue: string;
}

/** percent → base×(100−v)/100, absolute → max(base−v, 0), half-up to the cent. */
export function applyDiscount(base: string, terms: DiscountTerms): string {
  const baseCents = toCents(base);
  const valueHundredths = toCents(terms.discountValue);
  if (terms.discountType === 'absolute') return fromCents(Math.max(baseCents - valueHundredths, 0));
  // base cents × (10000 − value in hundredths of a point) / 10000, rounded half-up: all integers.
  const scaled = baseCents * Math.max(10_000 - valueHundredths, 0);
  const quotient = Math.floor(scaled / 10_000);
  return fromCents(scaled % 10_000 >= 5_000 ? quotient + 1 : quotient);
}

/** `20% off`, `12.5% off`, `SGD 5.00 off`. */
export function discountLabel(terms: DiscountTerms, currency = 'SGD'): string {
  if (terms.discountType === 'absolute') return `${currency} ${fromCents(toCents(terms.discountValue))} off`;
  const points = fromCents(toCents(terms.discountValue)).replace(/\.?0+$/, '');
  return `${points}% off`;
}

/** The counter the price snapshot carries: single 1, multi N, perpetual −1. */
export function discountPeriodsTotal(durationKind: DurationKind, periodsTotal: number | null): number {
  if (durationKind === 'perpetual') return -1;
  if (durationKind === 'multi') return periodsTotal ?? 2;
  return 1;
}

/** Two-decimal form of a stored value: "10" → "10.00". */
export function twoDecimals(amount: string): string {
  return fromCents(toCents(amount));
}
