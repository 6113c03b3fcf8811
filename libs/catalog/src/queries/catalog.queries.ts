import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { activeRecurringPrices, amountToCents, selectActivePrice } from '#catalog/domain/active-price';
import { BundleAllowanceEntity } from '#catalog/domain/bundle-allowance.entity';
import {
  ALLOWANCE_TYPES,
  type AllowanceType,
  type AllowanceUnit,
  type LifecycleStatus,
  type PriceType,
  type RecurringPeriodType,
} from '#catalog/domain/catalog.types';
import { ProductOfferingPriceEntity } from '#catalog/domain/product-offering-price.entity';
import { ProductOfferingEntity } from '#catalog/domain/product-offering.entity';
import { ProductToServiceMappingEntity } from '#catalog/domain/product-to-service-mapping.entity';
import { isActiveAt } from '#catalog/domain/validity-window';
import { VasOfferingEntity } from '#catalog/domain/vas-offering.entity';
import { assertActivePrice } from '#catalog/policies/catalog.policies';
import { CatalogEntity } from '#catalog/domain/catalog.entity';
import { CategoryEntity, OfferingCategoryEntity } from '#catalog/domain/category.entity';
import { ProductSpecificationEntity } from '#catalog/domain/product-specification.entity';
import { readCatalogViews, readCategoryViews, toSpecificationView, type CatalogView, type CategoryView, type SpecificationView } from './catalog-structure.views';

// ── Views: what the catalog hands to other contexts (docs/context-contracts.md) ──────────────

export interface PriceView {
  id: string;
  offeringId: string;
  priceType: PriceType;
  /** 2-decimal string, e.g. "25.00". */
  amount: string;
  currency: string;
  recurringPeriodLength: number | null;
  recurringPeriodType: RecurringPeriodType | null;
  validFrom: Date | null;
  /** Exclusive. */
  validTo: Date | null;
}

export interface AllowanceView {
  allowanceType: AllowanceType;
  /** −1 = unlimited. */
  quantity: number;
  unit: AllowanceUnit;
}

export interface OfferingView {
  id: string;
  name: string;
  specId: string;
  isBundle: boolean;
  isSellable: boolean;
  lifecycleStatus: LifecycleStatus;
  validFrom: Date | null;
  validTo: Date | null;
  /**
   * `getOffering`: every price row, oldest window first. `listActiveOfferings(at)`: only the
   * recurring rows active at `at`, the active price first (empty when none is active).
   */
  prices: PriceView[];
  /** In the order data, voice, sms, data_roaming. */
  allowances: AllowanceView[];
}

export interface VasView {
  id: string;
  name: string;
  priceAmount: string;
  currency: string;
  allowanceType: AllowanceType;
  /** −1 = unlimited. */
  allowanceQuantity: number;
  allowanceUnit: AllowanceUnit;
  expiryHours: number | null;
}

export interface ServiceMappingView {
  cfsSpecId: string;
  rfsSpecIds: string[];
}

// ── Entity → view ────────────────────────────────────────────────────────────────────────────

export function toPriceView(p: ProductOfferingPriceEntity): PriceView {
  return {
    id: p.id,
    offeringId: p.offeringId,
    priceType: p.priceType,
    amount: p.amount,
    currency: p.currency,
    recurringPeriodLength: p.recurringPeriodLength,
    recurringPeriodType: p.recurringPeriodType,
    validFrom: p.validFrom,
    validTo: p.validTo,
  };
}

export function toAllowanceViews(allowances: readonly BundleAllowanceEntity[]): AllowanceView[] {
  return [...allowances]
    .sort((a, b) => ALLOWANCE_TYPES.indexOf(a.allowanceType) - ALLOWANCE_TYPES.indexOf(b.allowanceType))
    .map((a) => ({ allowanceType: a.allowanceType, quantity: a.quantity, unit: a.unit }));
}

export function toOfferingView(o: ProductOfferingEntity, prices: readonly ProductOfferingPriceEntity[], allowances: readonly BundleAllowanceEntity[]): OfferingView {
  return {
    id: o.id,
    name: o.name,
    specId: o.specId,
    isBundle: o.isBundle,
    isSellable: o.isSellable,
    lifecycleStatus: o.lifecycleStatus,
    validFrom: o.validFrom,
    validTo: o.validTo,
    prices: prices.map(toPriceView),
    allowances: toAllowanceViews(allowances),
  };
}

export function toVasView(v: VasOfferingEntity): VasView {
  return {
    id: v.id,
    name: v.name,
    priceAmount: v.priceAmount,
    currency: v.currency,
    allowanceType: v.allowanceType,
    allowanceQuantity: v.allowanceQuantity,
    allowanceUnit: v.allowanceUnit,
    expiryHours: v.expiryHours,
  };
}

// ── View → TMF620 wire shape (also what the libs/web catalog renderers read) ─────────────────

const TMF620_BASE = '/tmf-api/productCatalogManagement/v4';

export interface TmfValidFor {
  startDateTime: string | null;
  endDateTime: string | null;
}

export interface TmfProductOfferingPrice {
  id: string;
  href: string;
  '@type': 'ProductOfferingPrice';
  priceType: PriceType;
  recurringChargePeriodType: RecurringPeriodType | null;
  recurringChargePeriodLength: number | null;
  price: { taxIncludedAmount: { value: string; unit: string } };
  validFor: TmfValidFor;
}

export interface TmfProductOffering {
  id: string;
  href: string;
  '@type': 'ProductOffering';
  name: string;
  isBundle: boolean;
  isSellable: boolean;
  lifecycleStatus: LifecycleStatus;
  productSpecification: { id: string; href: string; '@type': 'ProductSpecificationRef' };
  validFor: TmfValidFor;
  productOfferingPrice: TmfProductOfferingPrice[];
  bundleAllowance: AllowanceView[];
}

function toValidFor(window: { validFrom: Date | null; validTo: Date | null }): TmfValidFor {
  return { startDateTime: window.validFrom?.toISOString() ?? null, endDateTime: window.validTo?.toISOString() ?? null };
}

export function toTmfProductOfferingPrice(p: PriceView): TmfProductOfferingPrice {
  return {
    id: p.id,
    href: `${TMF620_BASE}/productOfferingPrice/${p.id}`,
    '@type': 'ProductOfferingPrice',
    priceType: p.priceType,
    recurringChargePeriodType: p.recurringPeriodType,
    recurringChargePeriodLength: p.recurringPeriodLength,
    price: { taxIncludedAmount: { value: p.amount, unit: p.currency } },
    validFor: toValidFor(p),
  };
}

export function toTmfProductOffering(o: OfferingView): TmfProductOffering {
  return {
    id: o.id,
    href: `${TMF620_BASE}/productOffering/${o.id}`,
    '@type': 'ProductOffering',
    name: o.name,
    isBundle: o.isBundle,
    isSellable: o.isSellable,
    lifecycleStatus: o.lifecycleStatus,
    productSpecification: { id: o.specId, href: `${TMF620_BASE}/productSpecification/${o.specId}`, '@type': 'ProductSpecificationRef' },
    validFor: toValidFor(o),
    productOfferingPrice: o.prices.map(toTmfProductOfferingPrice),
    bundleAllowance: o.allowances,
  };
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────

function byWindowThenId(a: ProductOfferingPriceEntity, b: ProductOfferingPriceEntity): number {
  const from = (p: ProductOfferingPriceEntity) => p.validFrom?.getTime() ?? Number.NEGATIVE_INFINITY;
  return from(a) - from(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The full view of one loaded offering; commands use it inside their own transaction. */
export async function readOfferingView(em: EntityManager, offering: ProductOfferingEntity): Promise<OfferingView> {
  // Sequential: `em` may be a transaction, which has a single connection.
  const prices = await em.findBy(ProductOfferingPriceEntity, { offeringId: offering.id });
  const allowances = await em.findBy(BundleAllowanceEntity, { offeringId: offering.id });
  return toOfferingView(offering, prices.sort(byWindowThenId), allowances);
}

/** Reads are scoped to the caller's tenant. */
function tenant(): string {
  return currentAuth().tenant;
}

@Injectable()
export class CatalogQueries {
  constructor(private readonly db: Database) {}

  private get em(): EntityManager {
    return this.db.manager;
  }

  async getOffering(id: string): Promise<OfferingView> {
    return readOfferingView(this.em, await this.loadOffering(id));
  }

  /** Sellable, `active`, inside their window at `at`; cheapest active price first, unpriced last. */
  async listActiveOfferings(at: Date): Promise<OfferingView[]> {
    const sellable = await this.em.findBy(ProductOfferingEntity, { tenantId: tenant(), isSellable: true, lifecycleStatus: 'active' });
    const offerings = sellable.filter((o) => isActiveAt(o, at));
    if (offerings.length === 0) return [];
    const ids = offerings.map((o) => o.id);
    // Pool reads: separate connections, so they may run side by side.
    const [prices, allowances] = await Promise.all([
      this.em.findBy(ProductOfferingPriceEntity, { offeringId: In(ids) }),
      this.em.findBy(BundleAllowanceEntity, { offeringId: In(ids) }),
    ]);
    const rows = offerings.map((o) => {
      const active = activeRecurringPrices(prices.filter((p) => p.offeringId === o.id), at);
      const view = toOfferingView(o, active, allowances.filter((a) => a.offeringId === o.id));
      return { view, cents: active[0] ? amountToCents(active[0].amount) : Number.POSITIVE_INFINITY };
    });
    return rows.sort((a, b) => a.cents - b.cents || (a.view.id < b.view.id ? -1 : 1)).map((r) => r.view);
  }

  /** The lowest active recurring row at `at` (ties: lowest id); PV `catalog.price.no_active_row`. */
  async activePrice(offeringId: string, at: Date): Promise<PriceView> {
    const offering = await this.loadOffering(offeringId);
    const price = selectActivePrice(await this.em.findBy(ProductOfferingPriceEntity, { offeringId: offering.id }), at);
    assertActivePrice(price, offeringId, at);
    return toPriceView(price);
  }

  /** Ignores windows: renewals read the row they pinned even after it was retired. */
  async priceById(priceId: string): Promise<PriceView> {
    const price = await this.em.findOneBy(ProductOfferingPriceEntity, { id: priceId, tenantId: tenant() });
    if (!price) throw new NotFound('product_offering_price', priceId);
    return toPriceView(price);
  }

  async allowances(offeringId: string): Promise<AllowanceView[]> {
    const offering = await this.loadOffering(offeringId);
    return toAllowanceViews(await this.em.findBy(BundleAllowanceEntity, { offeringId: offering.id }));
  }

  async getVas(id: string): Promise<VasView> {
    const vas = await this.em.findOneBy(VasOfferingEntity, { id, tenantId: tenant() });
    if (!vas) throw new NotFound('vas_offering', id);
    return toVasView(vas);
  }

  async listVas(): Promise<VasView[]> {
    return (await this.em.find(VasOfferingEntity, { where: { tenantId: tenant() }, order: { id: 'ASC' } })).map(toVasView);
  }

  async serviceMapping(offeringId: string): Promise<ServiceMappingView> {
    const mapping = await this.em.findOneBy(ProductToServiceMappingEntity, { offeringId, tenantId: tenant() });
    if (!mapping) throw new NotFound('product_to_service_mapping', offeringId);
    return { cfsSpecId: mapping.cfsSpecId, rfsSpecIds: [...mapping.rfsSpecIds] };
  }

  async listCatalogs(): Promise<CatalogView[]> {
    return readCatalogViews(this.em, await this.em.findBy(CatalogEntity, { tenantId: tenant() }));
  }

  async getCatalog(id: string): Promise<CatalogView> {
    const catalog = await this.em.findOneBy(CatalogEntity, { id, tenantId: tenant() });
    if (!catalog) throw new NotFound('catalog', id);
    return (await readCatalogViews(this.em, [catalog]))[0];
  }

  async listCategories(): Promise<CategoryView[]> {
    return readCategoryViews(this.em, await this.em.findBy(CategoryEntity, { tenantId: tenant() }));
  }

  async getCategory(id: string): Promise<CategoryView> {
    const category = await this.em.findOneBy(CategoryEntity, { id, tenantId: tenant() });
    if (!category) throw new NotFound('category', id);
    return (await readCategoryViews(this.em, [category]))[0];
  }

  /** The categories each offering is listed in (offering id → categories, by id); offerings in none are absent. */
  async categoriesOfOfferings(): Promise<Map<string, { id: string; name: string }[]>> {
    const [links, categories] = [await this.em.findBy(OfferingCategoryEntity, { tenantId: tenant() }), await this.em.findBy(CategoryEntity, { tenantId: tenant() })];
    const names = new Map(categories.map((c) => [c.id, c.name]));
    const byOffering = new Map<string, { id: string; name: string }[]>();
    for (const link of [...links].sort((a, b) => (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0))) {
      byOffering.set(link.offeringId, [...(byOffering.get(link.offeringId) ?? []), { id: link.categoryId, name: names.get(link.categoryId) ?? link.categoryId }]);
    }
    return byOffering;
  }

  async listSpecifications(): Promise<SpecificationView[]> {
    return (await this.em.find(ProductSpecificationEntity, { where: { tenantId: tenant() }, order: { id: 'ASC' } })).map(toSpecificationView);
  }

  async getSpecification(id: string): Promise<SpecificationView> {
    const spec = await this.em.findOneBy(ProductSpecificationEntity, { id, tenantId: tenant() });
    if (!spec) throw new NotFound('product_specification', id);
    return toSpecificationView(spec);
  }

  private async loadOffering(id: string): Promise<ProductOfferingEntity> {
    const offering = await this.em.findOneBy(ProductOfferingEntity, { id, tenantId: tenant() });
    if (!offering) throw new NotFound('product_offering', id);
    return offering;
  }
}
