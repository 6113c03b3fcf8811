import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * catalog: what can be sold (TMF620). Validity windows are half-open `[valid_from, valid_to)`,
 * null meaning unbounded, so rows can be placed back to back without overlapping.
 */
export class CreateCatalog1764200000000 implements MigrationInterface {
  name = 'CreateCatalog1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists catalog`);
    await q.query(`
      create table catalog.product_specification (
        id text primary key,
        name text not null,
        description text,
        brand text,
        lifecycle_status text not null default 'active' check (lifecycle_status in ('in_design', 'active', 'retired')),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table catalog.product_offering (
        id text primary key,
        name text not null,
        spec_id text not null references catalog.product_specification (id),
        is_bundle boolean not null default true,
        is_sellable boolean not null default true,
        lifecycle_status text not null default 'active' check (lifecycle_status in ('in_design', 'active', 'retired')),
        valid_from timestamptz,
        valid_to timestamptz,
        tenant_id text not null default 'DEFAULT',
        constraint product_offering_window_ordered check (valid_from is null or valid_to is null or valid_from < valid_to)
      )`);
    await q.query(`
      create table catalog.product_offering_price (
        id text primary key,
        offering_id text not null references catalog.product_offering (id),
        price_type text not null check (price_type in ('recurring', 'one_time')),
        recurring_period_length int,
        recurring_period_type text check (recurring_period_type in ('month')),
        amount numeric(12, 2) not null check (amount >= 0),
        currency text not null default 'SGD',
        valid_from timestamptz,
        valid_to timestamptz,
        tenant_id text not null default 'DEFAULT',
        constraint product_offering_price_window_ordered check (valid_from is null or valid_to is null or valid_from < valid_to)
      )`);
    await q.query(`create index product_offering_price_offering_idx on catalog.product_offering_price (offering_id)`);
    await q.query(`
      create table catalog.bundle_allowance (
        id text primary key,
        offering_id text not null references catalog.product_offering (id),
        allowance_type text not null check (allowance_type in ('data', 'voice', 'sms', 'data_roaming')),
        quantity int not null check (quantity >= -1),
        unit text not null check (unit in ('mb', 'minutes', 'count')),
        tenant_id text not null default 'DEFAULT',
        unique (offering_id, allowance_type)
      )`);
    await q.query(`
      create table catalog.vas_offering (
        id text primary key,
        name text not null,
        price_amount numeric(12, 2) not null check (price_amount > 0),
        currency text not null default 'SGD',
        allowance_type text not null check (allowance_type in ('data', 'voice', 'sms', 'data_roaming')),
        allowance_quantity int not null check (allowance_quantity >= -1),
        allowance_unit text not null check (allowance_unit in ('mb', 'minutes', 'count')),
        expiry_hours int check (expiry_hours > 0),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table catalog.service_specification (
        id text primary key,
        name text not null,
        type text not null check (type in ('CFS', 'RFS')),
        parameters jsonb not null default '{}'::jsonb,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table catalog.product_to_service_mapping (
        offering_id text primary key references catalog.product_offering (id),
        cfs_spec_id text not null references catalog.service_specification (id),
        rfs_spec_ids text[] not null default '{}',
        tenant_id text not null default 'DEFAULT'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists catalog cascade`);
  }
}
