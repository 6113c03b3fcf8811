import { InvalidInput } from '@bss/platform';

/** Trimmed, lower-cased; `+` tags kept. Refuses no `@`, fewer than 3 characters, or inner spaces. */
export function normaliseEmail(raw: unknown, field = 'email'): string {
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (email.length < 3 || email.length > 254 || !email.includes('@') || /\s/.test(email) || !/^[^@]+@[^@]+$/.test(email)) {
    throw new InvalidInput([{ field, messages: ['must be an email address like ada@example.com'] }]);
  }
  return email;
}

export interface CodeCandidate {
  id: string;
  codeHash: string;
  expiresAt: Date;
  consumedAt: Date | null;
}

export type CodeJudgement<T extends CodeCandidate> =
  | { outcome: 'success'; token: T }
  | { outcome: 'no_active_token' | 'expired' | 'wrong_code' };

/**
 * Which of an identity's outstanding codes (if any) the presented one is: nothing outstanding,
 * all expired, or no match. Every candidate is compared so timing does not reveal which matched.
 */
export function judgeCode<T extends CodeCandidate>(candidates: readonly T[], now: Date, matches: (hash: string) => boolean): CodeJudgement<T> {
  const outstanding = candidates.filter((c) => c.consumedAt === null);
  if (outstanding.length === 0) return { outcome: 'no_active_token' };
  const live = outstanding.filter((c) => c.expiresAt.getTime() > now.getTime());
  if (live.length === 0) return { outcome: 'expired' };
  let hit: T | undefined;
  for (const c of live) if (matches(c.codeHash) && !hit) hit = c;
  return hit ? { outcome: 'success', token: hit } : { outcome: 'wrong_code' };
}
