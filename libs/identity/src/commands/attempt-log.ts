import type { Tx } from '@bss/platform';
import type { RateLimit } from '#identity/identity.config';
import type { AttemptOutcome, AttemptStage } from '#identity/domain/identity.values';

/**
 * The rate-limit key of a stage: an email, an IP, both (the pair), or `session:<id>` (kept in the
 * ip column). Every field given must match.
 */
export interface AttemptKey {
  email?: string;
  ip?: string;
}

/**
 * Security windows (rate limits, lock-outs) run on Postgres's wall time, never on the simulated
 * platform clock: `bss clock advance` is a business-time tool and must not reset a limit or lift a
 * lock-out. Attempt rows are stamped and counted with the same `now()`, so the window is
 * consistent whatever the platform clock says.
 */
const WALL_NOW = 'now()';

/**
 * Serialises attempts on one key inside the caller's transaction, so two parallel requests
 * cannot both slip under the limit.
 */
export async function lockAttemptKey(tx: Tx, stage: AttemptStage, key: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`portal_auth:${stage}:${key}`]);
}

/**
 * Attempts of `stage` on the key within the sliding wall-time window; all outcomes count unless
 * `outcomes` narrows them (e.g. only real guesses, not refusals).
 */
export async function countAttempts(tx: Tx, stage: AttemptStage, key: AttemptKey, limit: RateLimit, outcomes?: readonly AttemptOutcome[]): Promise<number> {
  const where = [`stage = $1`, `ts > ${WALL_NOW} - make_interval(secs => $2)`];
  const params: unknown[] = [stage, limit.windowSeconds];
  if (key.email !== undefined) where.push(`email = $${params.push(key.email)}`);
  if (key.ip !== undefined) where.push(`ip = $${params.push(key.ip)}`);
  if (key.email === undefined && key.ip === undefined) throw new Error('countAttempts needs an email or an ip');
  if (outcomes) where.push(`outcome = any($${params.push([...outcomes])}::text[])`);
  const [row] = (await tx.query(`select count(*)::int as n from portal_auth.login_attempt where ${where.join(' and ')}`, params)) as { n: number }[];
  return row.n;
}

export async function recordAttempt(tx: Tx, tenant: string, stage: AttemptStage, outcome: AttemptOutcome, key: AttemptKey): Promise<void> {
  await tx.query(`insert into portal_auth.login_attempt (email, ip, ts, outcome, stage, tenant_id) values ($1, $2, ${WALL_NOW}, $3, $4, $5)`, [
    key.email ?? null,
    key.ip ?? null,
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
