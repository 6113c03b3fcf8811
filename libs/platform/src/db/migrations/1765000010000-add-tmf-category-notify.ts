import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Offerings now list their categories: the tmf-api offering cache must hear category changes too (as AddTmfCatalogNotify). */
const WATCHED = ['catalog.category', 'catalog.offering_category'];

export class AddTmfCategoryNotify1765000010000 implements MigrationInterface {
  name = 'AddTmfCategoryNotify1765000010000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of WATCHED) {
      await q.query(`create trigger ${table.replace('.', '_')}_notify_tmf after insert or update or delete or truncate on ${table} for each statement execute function tmf.notify_catalog_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WATCHED) await q.query(`drop trigger if exists ${table.replace('.', '_')}_notify_tmf on ${table}`);
  }
}
