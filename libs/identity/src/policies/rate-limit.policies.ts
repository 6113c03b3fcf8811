import { PolicyViolation } from '@bss/platform';
import type { RateLimit } from '#identity/identity.config';

/** Sliding window: blocked once the window already holds `max` attempts. */
export function isRateLimited(attemptsInWindow: number, limit: RateLimit): boolean {
  return attemptsInWindow >= limit.max;
}

/** For writes that may simply refuse (nothing needs to be recorded first). */
export function assertNotRateLimited(rule: string, attemptsInWindow: number, limit: RateLimit, context: Record<string, unknown> = {}): void {
  if (isRateLimited(attemptsInWindow, limit)) {
    throw new PolicyViolation(rule, `Too many attempts; try again in ${Math.ceil(limit.windowSeconds / 60)} minutes`, {
      ...context,
      max: limit.max,
      windowSeconds: limit.windowSeconds,
    });
  }
}
