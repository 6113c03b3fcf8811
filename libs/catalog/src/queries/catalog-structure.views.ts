import { In, type EntityManager } from 'typeorm';
import { CatalogCategoryEntity, CatalogEntity } from '#catalog/domain/catalog.entity';
import type { LifecycleStatus } from '#catalog/domain/catalog.types';
import { CategoryEntity, OfferingCategoryEntity } from '#catalog/domain/category.entity';
import type { ProductSpecificationEntity } from '#catalog/domain/product-specification.entity';

// Views of how the catalog is organised: catalogs, categories, product specifications.

export interface CatalogView {
  id: string;
  name: string;
  description: string | null;
  lifecycleStatus: LifecycleStatus;
  /** The channel or partner it is made for; null = every channel. */
  channel: string | null;
  /** Sorted. */
  categoryIds: string[];
  lastUpdate: Date;
}

export interface CategoryView {
  id: string;
  name: string;
  description: string | null;
  lifecycleStatus: LifecycleStatus;
  parentId: string | null;
  /** The offerings it classifies, sorted. */
  offeringIds: string[];
  /** Its direct children, sorted. */
  subCategoryIds: string[];
  lastUpdate: Date;
}

export interface SpecificationView {
  id: string;
  name: string;
  description: string | null;
  brand: string | null;
  lifecycleStatus: LifecycleStatus;
}

export function toSpecificationView(s: ProductSpecificationEntity): SpecificationView {
  return { id: s.id, name: s.name, description: s.description, brand: s.brand, lifecycleStatus: s.lifecycleStatus };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Catalog rows with their categories; sequential reads, as `em` may be a transaction. */
export async function readCatalogViews(em: EntityManager, catalogs: readonly CatalogEntity[]): Promise<CatalogView[]> {
  if (catalogs.length === 0) return [];
  const links = await em.findBy(CatalogCategoryEntity, { catalogId: In(catalogs.map((c) => c.id)) });
  return [...catalogs].sort(byId).map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    lifecycleStatus: c.lifecycleStatus,
    channel: c.channel,
    categoryIds: links.filter((l) => l.catalogId === c.id).map((l) => l.categoryId).sort(),
    lastUpdate: c.lastUpdate,
  }));
}

export async function readCategoryViews(em: EntityManager, categories: readonly CategoryEntity[]): Promise<CategoryView[]> {
  if (categories.length === 0) return [];
  const ids = categories.map((c) => c.id);
  const members = await em.findBy(OfferingCategoryEntity, { categoryId: In(ids) });
  const children = await em.findBy(CategoryEntity, { parentId: In(ids) });
  return [...categories].sort(byId).map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    lifecycleStatus: c.lifecycleStatus,
    parentId: c.parentId,
    offeringIds: members.filter((m) => m.categoryId === c.id).map((m) => m.offeringId).sort(),
    subCategoryIds: children.filter((k) => k.parentId === c.id).map((k) => k.id).sort(),
    lastUpdate: c.lastUpdate,
  }));
}
