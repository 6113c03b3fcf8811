/** Every rule id the catalog raises as a PolicyViolation (domain spec §8). */
export const CATALOG_RULES = {
  adminOnly: 'catalog.admin_only',
  offeringAlreadyExists: 'catalog.offering.already_exists',
  offeringNotFound: 'catalog.offering.not_found',
  priceAlreadyExists: 'catalog.price.already_exists',
  priceNoActiveRow: 'catalog.price.no_active_row',
  priceLastCurrent: 'catalog.price.last_current',
  catalogAlreadyExists: 'catalog.catalog.already_exists',
  categoryAlreadyExists: 'catalog.category.already_exists',
  categoryInUse: 'catalog.category.in_use',
  specificationAlreadyExists: 'catalog.specification.already_exists',
  specificationInUse: 'catalog.specification.in_use',
} as const;
export type CatalogRule = (typeof CATALOG_RULES)[keyof typeof CATALOG_RULES];
