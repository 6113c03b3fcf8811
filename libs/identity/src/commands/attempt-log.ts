import type { Tx } from '@bss/platform';
import type { RateLimit } from '../identity.config';
import type { AttemptOutcome, AttemptStage } from '../domain/identity.values';

/** The rate-limit key of a stage: an email, an IP, or `session:<id>` (kept in the ip column). */
export interface AttemptKey {
  email?: string;
  ip?: string;
}

/**
 * Serialises attempts on one key inside the caller's transaction, so two parallel requests
 * cannot both slip under the limit.
 */
export async function lockAttemptKey(tx: Tx, stage: AttemptStage, key: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`portal_auth:${stage}:${key}`]);
}

/** Attempts of `stage` on the key within the sliding window ending at `now` (all outcomes count). */
export async function countAttempts(tx: Tx, stage: AttemptStage, key: AttemptKey, limit: RateLimit, now: Date): Promise<number> {
  const since = new Date(now.getTime() - limit.windowSeconds * 1000);
  const column = key.email !== undefined ? 'email' : 'ip';
  const value = key.email ?? key.ip ?? '';
  const [row] = (await tx.query(`select count(*)::int as n from portal_auth.login_attempt where stage = $1 and ${column} = $2 and ts > $3 and ts <= $4`, [
    stage,
    value,
    since,
    now,
  ])) as { n: number }[];
  return row.n;
}

export async function recordAttempt(tx: Tx, now: Date, tenant: string, stage: AttemptStage, outcome: AttemptOutcome, key: AttemptKey): Promise<void> {
  await tx.query(`insert into portal_auth.login_attempt (email, ip, ts, outcome, stage, tenant_id) values ($1, $2, $3, $4, $5, $6)`, [
    key.email ?? null,
    key.ip ?? null,
    now,
    outcome,
    stage,
    tenant,
  ]);
}

/** Step-up attempts are keyed by session, in the ip column. */
export function sessionKey(sessionId: string): AttemptKey {
  return { ip: `session:${sessionId}` };
}

/** Rows of an `update … returning` (TypeORM hands back `[rows, affected]` for updates on Postgres). */
export async function updateReturning<T>(tx: Tx, sql: string, params: unknown[]): Promise<T[]> {
  const result = (await tx.query(sql, params)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
