import type {
  CatalogView,
  CategoryView,
  CreateCatalogInput,
  CreateCategoryInput,
  CreateSpecificationInput,
  RevisePriceInput,
  SpecificationView,
  UpdateCatalogInput,
  UpdateCategoryInput,
  UpdateSpecificationInput,
} from '@bss/catalog';
import { InvalidInput } from '@bss/platform';
import { compact, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { refIds, upperSnake } from './product-offering.mapper';

const BASE = TMF_BASE.productCatalog;
type Body = Record<string, unknown>;

/** TMF620 Catalog; `category` (the categories it groups) and `channel` are additions the official schema allows. */
export function toCatalog(c: CatalogView, categoryNames: ReadonlyMap<string, string>): TmfResource {
  return compact({
    id: c.id,
    href: `${BASE}/catalog/${c.id}`,
    '@type': 'Catalog',
    '@baseType': 'Catalog',
    name: c.name,
    description: c.description ?? undefined,
    lifecycleStatus: c.lifecycleStatus,
    lastUpdate: c.lastUpdate.toISOString(),
    channel: c.channel ?? undefined,
    category: c.categoryIds.map((id) => ({ id, href: `${BASE}/category/${id}`, name: categoryNames.get(id) ?? id, '@referredType': 'Category' })),
  });
}

export function toCategory(c: CategoryView, offeringNames: ReadonlyMap<string, string>): TmfResource {
  return compact({
    id: c.id,
    href: `${BASE}/category/${c.id}`,
    '@type': 'Category',
    '@baseType': 'Category',
    name: c.name,
    description: c.description ?? undefined,
    lifecycleStatus: c.lifecycleStatus,
    lastUpdate: c.lastUpdate.toISOString(),
    parentId: c.parentId ?? undefined,
    isRoot: c.parentId === null,
    subCategory: c.subCategoryIds.map((id) => ({ id, href: `${BASE}/category/${id}`, '@referredType': 'Category' })),
    productOffering: c.offeringIds.map((id) => compact({ id, href: `${BASE}/productOffering/${id}`, name: offeringNames.get(id), '@referredType': 'ProductOffering' })),
  });
}

export function toProductSpecification(s: SpecificationView): TmfResource {
  return compact({
    id: s.id,
    href: `${BASE}/productSpecification/${s.id}`,
    '@type': 'ProductSpecification',
    '@baseType': 'ProductSpecification',
    name: s.name,
    description: s.description ?? undefined,
    brand: s.brand ?? undefined,
    lifecycleStatus: s.lifecycleStatus,
    isBundle: true,
  });
}

/** The id of a created resource: `id` if sent, else the name in UPPER_SNAKE under `prefix` (`Reseller` → `CAT_RESELLER`). */
function newId(body: Body, prefix: string): unknown {
  if (typeof body.id === 'string') return body.id;
  const snake = upperSnake(body.name);
  return typeof snake === 'string' && snake !== '' ? (snake.startsWith(prefix) ? snake : `${prefix}${snake}`) : undefined;
}

/** Attributes a merge-patch may change (`null` clears an optional one, absent keeps it); anything else is a 400 naming it (never silently ignored). */
function assertPatchable(patch: Body, patchable: readonly string[]): void {
  const refused = Object.keys(patch).filter((k) => !patchable.includes(k) && !k.startsWith('@'));
  if (refused.length > 0) throw new InvalidInput(refused.map((field) => ({ field, messages: [`${field} cannot be patched here; patchable: ${patchable.join(', ')}`] })));
}

/** A catalog's own attributes in a create body or a merge-patch (one mapping for both; `compact` drops the absent). */
function catalogFields(b: Body) {
  return { name: b.name, description: b.description, lifecycleStatus: b.lifecycleStatus, channel: b.channel, categoryIds: refIds(b.category, 'category') };
}

function categoryFields(b: Body) {
  return { name: b.name, description: b.description, lifecycleStatus: b.lifecycleStatus, parentId: b.parentId, offeringIds: refIds(b.productOffering, 'productOffering') };
}

function specificationFields(b: Body) {
  return { name: b.name, description: b.description, brand: b.brand, lifecycleStatus: b.lifecycleStatus };
}

export function toCreateCatalogInput(body: Body): CreateCatalogInput {
  return compact({ catalogId: newId(body, 'CAT_'), ...catalogFields(body) }) as unknown as CreateCatalogInput;
}

export function toUpdateCatalogInput(id: string, patch: Body): UpdateCatalogInput {
  assertPatchable(patch, ['name', 'description', 'lifecycleStatus', 'channel', 'category']);
  return compact({ catalogId: id, ...catalogFields(patch) }) as unknown as UpdateCatalogInput;
}

export function toCreateCategoryInput(body: Body): CreateCategoryInput {
  return compact({ categoryId: newId(body, 'CATEGORY_'), ...categoryFields(body) }) as unknown as CreateCategoryInput;
}

export function toUpdateCategoryInput(id: string, patch: Body): UpdateCategoryInput {
  assertPatchable(patch, ['name', 'description', 'lifecycleStatus', 'parentId', 'productOffering']);
  return compact({ categoryId: id, ...categoryFields(patch) }) as unknown as UpdateCategoryInput;
}

export function toCreateSpecificationInput(body: Body): CreateSpecificationInput {
  return compact({ specId: newId(body, 'SPEC_'), ...specificationFields(body) }) as unknown as CreateSpecificationInput;
}

export function toUpdateSpecificationInput(id: string, patch: Body): UpdateSpecificationInput {
  assertPatchable(patch, ['name', 'description', 'brand', 'lifecycleStatus']);
  return compact({ specId: id, ...specificationFields(patch) }) as unknown as UpdateSpecificationInput;
}

/** TMF Money.value (a number) → our exact amount string. */
function amountOf(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : value;
}

/**
 * ProductOfferingPrice_Update → admin.catalog.revise_price: a new version with the patched `price`
 * from `validFor.startDateTime` (or now), until `validFor.endDateTime` (or the old end); the old row ends where it starts.
 */
export function toRevisePriceInput(id: string, patch: Body): RevisePriceInput {
  assertPatchable(patch, ['price', 'validFor']);
  const price = (patch.price ?? {}) as { value?: unknown; unit?: unknown };
  const validFor = (patch.validFor ?? {}) as { startDateTime?: unknown; endDateTime?: unknown };
  return compact({
    priceId: id,
    amount: amountOf(price.value),
    currency: price.unit,
    validFrom: validFor.startDateTime,
    validTo: validFor.endDateTime,
  }) as unknown as RevisePriceInput;
}
