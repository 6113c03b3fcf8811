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

/** Catalogs, categories and specifications are created once under their id; a second create is refused, not merged. */
export function assertCatalogIdIsNew(kind: 'catalog' | 'category' | 'specification', id: string, exists: boolean): void {
  if (exists) {
    const rule = { catalog: CATALOG_RULES.catalogAlreadyExists, category: CATALOG_RULES.categoryAlreadyExists, specification: CATALOG_RULES.specificationAlreadyExists }[kind];
    throw new PolicyViolation(rule, `${kind[0].toUpperCase()}${kind.slice(1)} ${id} already exists`, { [`${kind}Id`]: id });
  }
}

/** A category that still classifies offerings, sits in a catalog or has subcategories stays: deleting it would silently drop them. */
export function assertCategoryUnused(categoryId: string, use: { offeringIds: readonly string[]; catalogIds: readonly string[]; subCategoryIds: readonly string[] }): void {
  if (use.offeringIds.length > 0 || use.catalogIds.length > 0 || use.subCategoryIds.length > 0) {
    throw new PolicyViolation(CATALOG_RULES.categoryInUse, `Category ${categoryId} is still in use; move its offerings, catalogs and subcategories first`, { categoryId, ...use });
  }
}

/** Offerings (and lines through them) point at their specification: it stays while one does. */
export function assertSpecificationUnused(specId: string, offeringIds: readonly string[]): void {
  if (offeringIds.length > 0) {
    throw new PolicyViolation(CATALOG_RULES.specificationInUse, `Specification ${specId} is used by ${offeringIds.join(', ')}`, { specId, offeringIds });
  }
}

/**
 * Ending a price must not leave an offering that is on sale without a current price: it could no
 * longer be ordered nor renewed. `otherCurrentPriceIds` are its other rows current at `at`.
 */
export function assertPriceMayEnd(priceId: string, offering: { id: string; onSale: boolean }, isCurrent: boolean, otherCurrentPriceIds: readonly string[]): void {
  if (offering.onSale && isCurrent && otherCurrentPriceIds.length === 0) {
    throw new PolicyViolation(CATALOG_RULES.priceLastCurrent, `Price ${priceId} is the only current price of ${offering.id}, which is on sale; set a new price or retire the offering first`, {
      priceId,
      offeringId: offering.id,
    });
  }
}
