import type { AllowanceType, AllowanceUnit } from '@bss/catalog';

export type { AllowanceType, AllowanceUnit };

export const ALLOWANCE_UNITS: readonly AllowanceUnit[] = ['mb', 'minutes', 'count'];

/** The unit each bucket is rated in. */
export const UNIT_OF_ALLOWANCE: Readonly<Record<AllowanceType, AllowanceUnit>> = {
  data: 'mb',
  voice: 'minutes',
  sms: 'count',
  data_roaming: 'mb',
};

/** `total = −1` is an unlimited bucket (the catalog's unlimited quantity). */
export const UNLIMITED = -1;

export interface BalanceAmounts {
  total: number;
  consumed: number;
}

export function isUnlimited(balance: BalanceAmounts): boolean {
  return balance.total === UNLIMITED;
}

/** −1 for unlimited buckets, otherwise what is left (never negative). */
export function remainingOf(balance: BalanceAmounts): number {
  return isUnlimited(balance) ? UNLIMITED : Math.max(balance.total - balance.consumed, 0);
}

/**
 * The new `consumed` after using `quantity`: unlimited buckets and 0 are no-ops, and overage is
 * absorbed (`consumed` never exceeds `total`).
 */
export function consumedAfter(balance: BalanceAmounts, quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 0) throw new RangeError(`usage quantity must be a non-negative integer, got ${quantity}`);
  if (quantity === 0 || isUnlimited(balance)) return balance.consumed;
  return Math.min(balance.consumed + quantity, balance.total);
}

/**
 * Only home data blocks a line: it is exhausted at 0 remaining, or when the line has no data
 * bucket at all; an unlimited bucket or an active unlimited-data overlay (VAS day pass) never is.
 */
export function isDataExhausted(data: BalanceAmounts | undefined, unlimitedOverlay: boolean): boolean {
  if (unlimitedOverlay) return false;
  if (!data) return true;
  if (isUnlimited(data)) return false;
  return remainingOf(data) <= 0;
}

/** A top-up raises a limited bucket's total; unlimited buckets and non-positive quantities stay as they are. */
export function totalAfterTopUp(balance: BalanceAmounts, quantity: number): number {
  if (isUnlimited(balance) || quantity <= 0) return balance.total;
  return balance.total + quantity;
}

/** `SUB-0007-DATA_ROAMING`. */
export function balanceId(subscriptionId: string, allowanceType: AllowanceType): string {
  return `${subscriptionId}-${allowanceType.toUpperCase()}`;
}
