import type { AddOfferingInput, OfferingView, PriceView, SetPriceInput, WindowOfferingInput } from '@bss/catalog';
import { InvalidInput } from '@bss/platform';
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

/** A category an offering is listed in, as the offering names it. */
export interface OfferingCategory {
  id: string;
  name: string;
}

export function toProductOffering(o: OfferingView, categories: readonly OfferingCategory[] = []): TmfResource {
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
    category: categories.map((c) => ({ id: c.id, href: `${BASE}/category/${c.id}`, name: c.name, '@referredType': 'Category' })),
    // Not in the official schema (additions are allowed): what the bundle includes.
    bundleAllowance: o.allowances,
  };
}

// --- TMF620 writes (catalog admins only) → the catalog admin commands; each command validates its input.

type Body = Record<string, unknown>;
type TimePeriod = { startDateTime?: unknown; endDateTime?: unknown } | null | undefined;

/** `Plan XL` → `PLAN_XL`: catalog ids are UPPER_SNAKE. */
export function upperSnake(name: unknown): unknown {
  return typeof name === 'string' ? name.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') : name;
}

/** TMF Money.value (a number) → our exact amount string; anything else goes to the command's validation as sent. */
function amountOf(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : value;
}

function windowOf(validFor: TimePeriod): { validFrom?: unknown; validTo?: unknown } {
  return compact({ validFrom: validFor?.startDateTime, validTo: validFor?.endDateTime });
}

/** `[{id: 'A'}, {id: 'B'}]` → ['A', 'B']; absent stays absent; anything else is a 400 naming `field`. */
export function refIds(refs: unknown, field: string): string[] | undefined {
  if (refs === undefined) return undefined;
  if (!Array.isArray(refs) || refs.some((r) => typeof (r as { id?: unknown } | null)?.id !== 'string')) {
    throw new InvalidInput([{ field, messages: [`${field} must be an array of references with a string id`] }]);
  }
  return refs.map((r) => (r as { id: string }).id);
}

const ALLOWANCE_FIELDS: Record<string, 'dataMb' | 'voiceMinutes' | 'smsCount' | 'dataRoamingMb'> = { data: 'dataMb', voice: 'voiceMinutes', sms: 'smsCount', data_roaming: 'dataRoamingMb' };

/**
 * ProductOffering_Create → admin.catalog.add_offering: `name` (the id is `id` or the name in
 * UPPER_SNAKE), the first `productOfferingPrice`'s `price` (monthly), `validFor`, and the allowances
 * in `bundleAllowance` (our addition, as the offering is read back: `[{allowanceType, quantity}]`).
 */
export function toAddOfferingInput(body: Body): AddOfferingInput {
  const prices = Array.isArray(body.productOfferingPrice) ? (body.productOfferingPrice as Body[]) : [];
  const price = (prices[0]?.price ?? {}) as { value?: unknown; unit?: unknown };
  const allowances = Array.isArray(body.bundleAllowance) ? (body.bundleAllowance as { allowanceType?: unknown; quantity?: unknown }[]) : [];
  const quantities: Body = {};
  for (const a of allowances) {
    const field = typeof a?.allowanceType === 'string' ? ALLOWANCE_FIELDS[a.allowanceType] : undefined;
    if (!field) throw new InvalidInput([{ field: 'bundleAllowance', messages: [`allowanceType must be one of ${Object.keys(ALLOWANCE_FIELDS).join(', ')}`] }]);
    quantities[field] = a.quantity;
  }
  return compact({
    offeringId: typeof body.id === 'string' ? body.id : upperSnake(body.name),
    name: body.name,
    specId: (body.productSpecification as { id?: unknown } | undefined)?.id,
    categoryIds: refIds(body.category, 'category'),
    amount: amountOf(price.value),
    currency: price.unit,
    priceId: prices[0]?.id,
    ...windowOf(body.validFor as TimePeriod),
    ...quantities,
  }) as unknown as AddOfferingInput;
}

/** A merge-patch of `validFor` → admin.catalog.window_offering; an attribute left out keeps its value, `null` opens that end. */
export function toWindowOfferingInput(current: OfferingView, patch: Body): WindowOfferingInput {
  const refused = Object.keys(patch).filter((k) => k !== 'validFor');
  if (refused.length > 0) throw new InvalidInput(refused.map((field) => ({ field, messages: [`${field} cannot be patched here; patchable: validFor (the sales window)`] })));
  const validFor = patch.validFor as TimePeriod;
  const edge = (key: 'startDateTime' | 'endDateTime', was: Date | null) => (validFor === null ? null : validFor && key in validFor ? validFor[key] : (was?.toISOString() ?? null));
  return { offeringId: current.id, validFrom: edge('startDateTime', current.validFrom) as string | null, validTo: edge('endDateTime', current.validTo) as string | null };
}

/**
 * ProductOfferingPrice_Create → admin.catalog.set_price: a monthly recurring `price` for the offering
 * named in `productOffering.id` (our addition: TMF620 v2 prices name no offering), id `id` or
 * `PRICE_<name>`; `retireCurrent: true` (an addition) replaces the current price from `validFor.startDateTime` (or now).
 */
export function toSetPriceInput(body: Body): SetPriceInput {
  if (body.priceType !== undefined && body.priceType !== 'recurring') throw new InvalidInput([{ field: 'priceType', messages: ['only recurring (monthly) prices can be added'] }]);
  if (body.recurringChargePeriodType !== undefined && body.recurringChargePeriodType !== 'month') throw new InvalidInput([{ field: 'recurringChargePeriodType', messages: ['prices recur monthly'] }]);
  const price = (body.price ?? {}) as { value?: unknown; unit?: unknown };
  return compact({
    offeringId: (body.productOffering as { id?: unknown } | undefined)?.id,
    priceId: typeof body.id === 'string' ? body.id : typeof body.name === 'string' ? `PRICE_${upperSnake(body.name) as string}` : undefined,
    amount: amountOf(price.value),
    currency: price.unit,
    ...windowOf(body.validFor as TimePeriod),
    retireCurrent: body.retireCurrent,
  }) as unknown as SetPriceInput;
}
