import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TMF620 import/export jobs: a durable job (platform job queue) moves the catalog as TMF JSON; this row is its state. */
export class CreateCatalogJob1764200002000 implements MigrationInterface {
  name = 'CreateCatalogJob1764200002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table catalog.catalog_job (
        id text primary key,
        kind text not null check (kind in ('import', 'export')),
        status text not null check (status in ('notStarted', 'running', 'succeeded', 'failed')),
        url text,
        path text,
        content_type text not null default 'application/json',
        query text,
        payload jsonb,
        result jsonb,
        error_log text,
        created_by text not null,
        creation_date timestamptz not null,
        completion_date timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists catalog.catalog_job`);
  }
}
