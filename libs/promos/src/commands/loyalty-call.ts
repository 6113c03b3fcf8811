import type { WriteScope } from '@bss/audit';
import { BssError, type Logger, PolicyViolation } from '@bss/platform';
import type { LoyaltyCall } from '#promos/ports/loyalty.port';

/** A loyalty call inside a write: the embedded engine joins `w.tx`; the key makes retries safe. */
export function writeCall(w: WriteScope, idempotencyKey: string, aggregateId: string): LoyaltyCall {
  return { actor: w.auth.actor, tenant: w.auth.tenant, idempotencyKey, tx: w.tx, now: w.now, aggregateId };
}

/** Postgres unique_violation, however TypeORM wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/** Why a best-effort loyalty step did not happen: reported to the caller, never thrown. */
export interface LoyaltyStepFailure {
  outcome: 'failed';
  rule: string | null;
  message: string;
}

/**
 * A best-effort loyalty step of order activation (redeem, revoke): skipped when promotions are
 * off; an engine refusal or outage (a BssError) is logged as `warning` and returned as a failure;
 * anything else is a bug and is rethrown. Null when the call went through.
 */
export async function tryLoyaltyStep(
  step: { enabled: boolean; logger: Logger; logContext: Record<string, unknown>; warning: string },
  call: () => Promise<unknown>,
): Promise<LoyaltyStepFailure | null> {
  if (!step.enabled) return { outcome: 'failed', rule: null, message: 'promotions are off' };
  try {
    await call();
    return null;
  } catch (error) {
    if (!(error instanceof BssError)) throw error;
    step.logger.warn({ err: error, ...step.logContext }, step.warning);
    return { outcome: 'failed', rule: error instanceof PolicyViolation ? error.rule : null, message: error.message };
  }
}
