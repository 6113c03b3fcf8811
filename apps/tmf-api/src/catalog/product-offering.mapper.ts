import type { OfferingView, PriceView } from '@bss/catalog';
import { compact, isoOrAbsent, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.productCatalog;

function validFor(window: { validFrom: Date | null; validTo: Date | null }): { startDateTime?: string; endDateTime?: string } {
  return compact({ startDateTime: isoOrAbsent(window.validFrom), endDateTime: isoOrAbsent(window.validTo) });
}

/** TMF620 v2 ProductOfferingPrice; Money.value is a number on the wire, our amounts are exact strings. */
export function toProductOfferingPrice(p: PriceView): TmfResource {
  return compact({
    id: p.id,
    href: `${BASE}/productOfferingPrice/${p.id}`,
    '@type': 'ProductOfferingPrice',
    '@baseType': 'ProductOfferingPrice',
    priceType: p.priceType,
    recurringChargePeriodType: p.recurringPeriodType ?? undefined,
    recurringChargePeriodLength: p.recurringPeriodLength ?? undefined,
    price: { unit: p.currency, value: Number(p.amount) },
    validFor: validFor(p),
  });
}

export function toProductOffering(o: OfferingView): TmfResource {
  return {
    id: o.id,
    href: `${BASE}/productOffering/${o.id}`,
    '@type': 'ProductOffering',
    '@baseType': 'ProductOffering',
    name: o.name,
    isBundle: o.isBundle,
    isSellable: o.isSellable,
    lifecycleStatus: o.lifecycleStatus,
    validFor: validFor(o),
    productSpecification: { id: o.specId, href: `${BASE}/productSpecification/${o.specId}`, '@referredType': 'ProductSpecification' },
    productOfferingPrice: o.prices.map(toProductOfferingPrice),
    // Not in the official schema (additions are allowed): what the bundle includes.
    bundleAllowance: o.allowances,
  };
}

/** We sell from one catalog with one category: the partner-sellable plans. */
export const MOBILE_CATALOG_ID = 'CAT_MOBILE';
export const PLANS_CATEGORY_ID = 'CATEGORY_PLANS';

export function toCategory(offerings: readonly TmfResource[]): TmfResource {
  return {
    id: PLANS_CATEGORY_ID,
    href: `${BASE}/category/${PLANS_CATEGORY_ID}`,
    '@type': 'Category',
    name: 'Mobile plans',
    isRoot: true,
    lifecycleStatus: 'active',
    productOffering: offerings.map((o) => ({ id: o.id, href: o.href, name: o.name as string, '@referredType': 'ProductOffering' })),
  };
}

export function toCatalog(): TmfResource {
  return {
    id: MOBILE_CATALOG_ID,
    href: `${BASE}/catalog/${MOBILE_CATALOG_ID}`,
    '@type': 'Catalog',
    name: 'Prepaid eSIM plans',
    lifecycleStatus: 'active',
    // Not in the official Catalog schema (additions are allowed): its one category.
    category: [{ id: PLANS_CATEGORY_ID, href: `${BASE}/category/${PLANS_CATEGORY_ID}`, name: 'Mobile plans', '@referredType': 'Category' }],
  };
}

/** The product specifications the sellable offerings point at (a spec has no table of its own here). */
export function toProductSpecifications(offerings: readonly TmfResource[]): TmfResource[] {
  const ids = [...new Set(offerings.map((o) => (o.productSpecification as { id: string }).id))].sort();
  return ids.map((id) => ({
    id,
    href: `${BASE}/productSpecification/${id}`,
    '@type': 'ProductSpecification',
    name: id,
    lifecycleStatus: 'active',
    isBundle: true,
  }));
}
