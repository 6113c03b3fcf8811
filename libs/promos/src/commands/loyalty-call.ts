import type { WriteScope } from '@bss/audit';
import type { LoyaltyCall } from '../ports/loyalty.port';

/** A loyalty call inside a write: the embedded engine joins `w.tx`; the key makes retries safe. */
export function writeCall(w: WriteScope, idempotencyKey: string, aggregateId: string): LoyaltyCall {
  return { actor: w.auth.actor, tenant: w.auth.tenant, idempotencyKey, tx: w.tx, now: w.now, aggregateId };
}

/** Postgres unique_violation, however TypeORM wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
