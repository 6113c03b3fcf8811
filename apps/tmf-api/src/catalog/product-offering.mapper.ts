import type { OfferingView, PriceView } from '@bss/catalog';
import { compact, isoOrAbsent, type TmfResource } from '../tmf/tmf-list';
import { TMF_BASE } from '../tmf/tmf-paths';

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
