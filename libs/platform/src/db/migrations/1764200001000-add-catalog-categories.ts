import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogs and categories become rows (TMF620 `catalog`, `category`): a category classifies
 * offerings, a catalog groups categories (and through them offerings) for a channel or partner.
 * The one catalog and category tmf-api used to derive are seeded as rows (catalog.seed); the
 * tmf-api offering cache hears changes to them through AddTmfCategoryNotify (the tmf schema comes later).
 */
export class AddCatalogCategories1764200001000 implements MigrationInterface {
  name = 'AddCatalogCategories1764200001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table catalog.category (
        id text primary key,
        name text not null,
        description text,
        lifecycle_status text not null default 'active' check (lifecycle_status in ('in_design', 'active', 'retired')),
        parent_id text references catalog.category (id),
        last_update timestamptz not null default now(),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table catalog.catalog (
        id text primary key,
        name text not null,
        description text,
        lifecycle_status text not null default 'active' check (lifecycle_status in ('in_design', 'active', 'retired')),
        channel text,
        last_update timestamptz not null default now(),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table catalog.catalog_category (
        catalog_id text not null references catalog.catalog (id) on delete cascade,
        category_id text not null references catalog.category (id),
        tenant_id text not null default 'DEFAULT',
        primary key (catalog_id, category_id)
      )`);
    await q.query(`
      create table catalog.offering_category (
        offering_id text not null references catalog.product_offering (id),
        category_id text not null references catalog.category (id),
        tenant_id text not null default 'DEFAULT',
        primary key (offering_id, category_id)
      )`);
    await q.query(`create index offering_category_category_idx on catalog.offering_category (category_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['catalog.offering_category', 'catalog.catalog_category', 'catalog.catalog', 'catalog.category']) await q.query(`drop table if exists ${table}`);
  }
}
