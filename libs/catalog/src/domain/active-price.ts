import type { PriceType } from './catalog.types';
import { isActiveAt, type ValidityWindow } from './validity-window';

export interface PriceRow extends ValidityWindow {
  id: string;
  priceType: PriceType;
  /** Decimal string with up to 2 places, e.g. "25.00". */
  amount: string;
}

/** Exact money comparison: "25.00" → 2500, never through floating point arithmetic. */
export function amountToCents(amount: string): number {
  const [whole = '0', fraction = ''] = amount.trim().split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/**
 * The recurring rows active at `at`, the active price first: lowest amount wins (this is how a
 * cheaper windowed promo row overrides the base price), ties go to the lowest id.
 */
export function activeRecurringPrices<P extends PriceRow>(prices: readonly P[], at: Date): P[] {
  return prices
    .filter((p) => p.priceType === 'recurring' && isActiveAt(p, at))
    .sort((a, b) => amountToCents(a.amount) - amountToCents(b.amount) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The active price at `at`, or undefined: callers raise `catalog.price.no_active_row`, never fall back. */
export function selectActivePrice<P extends PriceRow>(prices: readonly P[], at: Date): P | undefined {
  return activeRecurringPrices(prices, at)[0];
}
