import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a partner's `GET productOffering` is built from: the catalog tables and the simulated clock. */
const WATCHED = [
  'catalog.product_offering',
  'catalog.product_offering_price',
  'catalog.bundle_allowance',
  'catalog.product_specification',
  'platform.clock',
];

/**
 * tmf-api answers `GET productOffering` from memory; every change to what it is built from NOTIFYs
 * `bss_catalog_changed` when its transaction commits, in any process (cockpit, CLI, another
 * replica), so the cached catalog is rebuilt before the next answer instead of a refresh period later.
 */
export class AddTmfCatalogNotify1765000002000 implements MigrationInterface {
  name = 'AddTmfCatalogNotify1765000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function tmf.notify_catalog_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('bss_catalog_changed', tg_table_schema || '.' || tg_table_name);
        return null;
      end $$`);
    for (const table of WATCHED) {
      const name = `${table.replace('.', '_')}_notify_tmf`;
      await q.query(`create trigger ${name} after insert or update or delete or truncate on ${table} for each statement execute function tmf.notify_catalog_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WATCHED) await q.query(`drop trigger if exists ${table.replace('.', '_')}_notify_tmf on ${table}`);
    await q.query(`drop function if exists tmf.notify_catalog_changed()`);
  }
}
