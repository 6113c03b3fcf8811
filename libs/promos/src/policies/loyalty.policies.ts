import { PolicyViolation } from '@bss/platform';
import { LOYALTY_RULES } from '#promos/domain/loyalty.types';
import type { CodeKind } from '#promos/domain/promotion.types';

/**
 * The rules of the loyalty engine itself. The embedded adapter enforces them on Postgres and the
 * contract-test double in memory, so both modes refuse the same things with the same rule ids.
 */

/** A key answers one tool: reusing it for another is a caller bug, not a retry. */
export function assertLedgerTool(key: string, recordedTool: string, tool: string): void {
  if (recordedTool !== tool) {
    throw new PolicyViolation(LOYALTY_RULES.keyReused, `Idempotency-Key ${key} was used for ${recordedTool}, not ${tool}`, { key, recordedTool, tool });
  }
}

/** Registering a code again for the same offer definition is a no-op; another one is refused. */
export function assertCodeRegistrable(code: string, existingOfferDefinitionId: string | null, offerDefinitionId: string): void {
  if (existingOfferDefinitionId !== null && existingOfferDefinitionId !== offerDefinitionId) {
    throw new PolicyViolation(LOYALTY_RULES.codeTaken, `Code ${code} is registered to ${existingOfferDefinitionId}`, { code, offerDefinitionId: existingOfferDefinitionId });
  }
}

/** A single-use shared code whose one claim is taken is no longer on offer to anybody. */
export function assertCodeAvailable(code: string, kind: CodeKind, holders: readonly string[]): void {
  if (kind === 'single_use_shared' && holders.length > 0) {
    throw new PolicyViolation(LOYALTY_RULES.codeExhausted, `Code ${code} has already been used`, { code, kind });
  }
}

/** shared: one claim in total, first wins; unique per customer: one per customer; multi: any. */
export function assertCanClaim(code: string, kind: CodeKind, customerId: string, holders: readonly string[]): void {
  if (kind === 'single_use_shared' && holders.length > 0) {
    throw new PolicyViolation(LOYALTY_RULES.claimCodeExhausted, `Code ${code} has already been claimed`, { code, kind });
  }
  if (kind === 'single_use_unique_per_customer' && holders.includes(customerId)) {
    throw new PolicyViolation(LOYALTY_RULES.claimAlreadyClaimed, `Customer ${customerId} has already used code ${code}`, { code, kind, customerId });
  }
}

/** Issuing an offer id twice for the same customer and definition returns it; anything else is a clash. */
export function assertOfferIssuable(
  offerId: string,
  existing: { customerId: string; offerDefinitionId: string } | null,
  request: { customerId: string; offerDefinitionId: string },
): void {
  if (existing && (existing.customerId !== request.customerId || existing.offerDefinitionId !== request.offerDefinitionId)) {
    throw new PolicyViolation(LOYALTY_RULES.offerConflict, `Offer ${offerId} already exists for another customer or definition`, { offerId });
  }
}
