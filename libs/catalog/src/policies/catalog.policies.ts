import { PolicyViolation } from '@bss/platform';
import { CATALOG_RULES } from '#catalog/catalog.errors';

/** Admin writes need a named actor: an empty or `anonymous` actor cannot change what is sold. */
export function assertCatalogAdmin(actor: string): void {
  if (actor.trim() === '' || actor.trim().toLowerCase() === 'anonymous') {
    throw new PolicyViolation(CATALOG_RULES.adminOnly, 'Catalog changes need a named actor', { actor });
  }
}

/** The offering id is free, and so are the `BA_<id>_*` allowance ids it would create. */
export function assertOfferingIsNew(offeringId: string, offeringExists: boolean, takenAllowanceIds: readonly string[]): void {
  if (offeringExists || takenAllowanceIds.length > 0) {
    throw new PolicyViolation(CATALOG_RULES.offeringAlreadyExists, `Offering ${offeringId} already exists`, {
      offeringId,
      ...(takenAllowanceIds.length > 0 ? { takenAllowanceIds } : {}),
    });
  }
}

export function assertOfferingExists<T>(offering: T | null | undefined, offeringId: string): asserts offering is T {
  if (offering === null || offering === undefined) {
    throw new PolicyViolation(CATALOG_RULES.offeringNotFound, `Offering ${offeringId} not found`, { offeringId });
  }
}

export function assertPriceIsNew(priceId: string, priceExists: boolean): void {
  if (priceExists) {
    throw new PolicyViolation(CATALOG_RULES.priceAlreadyExists, `Price ${priceId} already exists`, { priceId });
  }
}

/** No active recurring row means not sellable now: never fall back to another row. */
export function assertActivePrice<T>(price: T | undefined, offeringId: string, at: Date): asserts price is T {
  if (price === undefined) {
    throw new PolicyViolation(CATALOG_RULES.priceNoActiveRow, `Offering ${offeringId} has no active recurring price at ${at.toISOString()}`, {
      offeringId,
      at: at.toISOString(),
    });
  }
}
