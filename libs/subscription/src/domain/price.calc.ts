export const DISCOUNT_TYPES = ['percent', 'absolute'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];

export interface Discount {
  type: DiscountType;
  /** Percent points ("10" = 10 %) or an amount ("5.00"), as a decimal string. */
  value: string;
}

/** What a line's next charge depends on: the snapshot and the promo counter. */
export interface PricedLine {
  priceAmount: string;
  discountType: DiscountType | null;
  discountValue: string | null;
  /** 0 none left, −1 perpetual, N periods still discounted after the current one. */
  discountPeriodsRemaining: number;
}

const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

/** "25.00" → 2500. Integer cents keep every rounding exact. */
export function toCents(amount: string): number {
  if (!MONEY.test(amount)) throw new RangeError(`"${amount}" is not a money amount with at most 2 decimals`);
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function fromCents(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** `percent → base×(100−v)/100`, `absolute → max(base−v, 0)`, half-up to cents. */
export function discountedAmount(base: string, discount: Discount | null): string {
  if (!discount) return fromCents(toCents(base));
  const baseCents = toCents(base);
  if (discount.type === 'absolute') return fromCents(Math.max(baseCents - toCents(discount.value), 0));
  const pointsHundredths = toCents(discount.value);
  const scaled = baseCents * Math.max(10_000 - pointsHundredths, 0);
  const quotient = Math.floor(scaled / 10_000);
  return fromCents(scaled % 10_000 >= 5_000 ? quotient + 1 : quotient);
}

export function discountOf(line: Pick<PricedLine, 'discountType' | 'discountValue'>): Discount | null {
  return line.discountType && line.discountValue !== null ? { type: line.discountType, value: line.discountValue } : null;
}

/** The amount the next renewal charges without a pivot: discounted while the counter is not 0. */
export function effectiveAmount(line: PricedLine): string {
  return line.discountPeriodsRemaining !== 0 ? discountedAmount(line.priceAmount, discountOf(line)) : fromCents(toCents(line.priceAmount));
}

/** Activation is discounted period 1: single → 0 left, multi N → N−1, perpetual (−1) stays −1. */
export function discountCounterAtActivation(discount: Discount | null, periodsTotal: number | null | undefined): number {
  if (!discount) return 0;
  if (periodsTotal === -1) return -1;
  return Math.max((periodsTotal ?? 1) - 1, 0);
}

/** A renewal without a pivot used one discounted period. */
export function discountCounterAfterRenewal(counter: number): number {
  return counter > 0 ? counter - 1 : counter;
}
