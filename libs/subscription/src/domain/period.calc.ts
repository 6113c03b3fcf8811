/** Subscriptions run on 30-day periods, not calendar months. */
export const PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;

export function periodEndFrom(start: Date): Date {
  return new Date(start.getTime() + PERIOD_DAYS * DAY_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** One activation charge per commercial order, however often activation is replayed. */
export function activationIdempotencyKey(commercialOrderId: string): string {
  return `ACT-${commercialOrderId}`;
}

/**
 * One renewal charge per period boundary. After a decline the line is blocked; a paid retry (new
 * card, manual renew) must reach the gateway again, so each decline at a boundary opens a new key.
 */
export function renewalIdempotencyKey(subscriptionId: string, nextRenewalAt: Date, declinesAtBoundary: number): string {
  const base = `REN-${subscriptionId}-${Math.floor(nextRenewalAt.getTime() / 1000)}`;
  return declinesAtBoundary > 0 ? `${base}-r${declinesAtBoundary}` : base;
}
