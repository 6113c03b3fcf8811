import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockFreeze from '#bss/commands/clock/freeze';
import AdminCatalogCreateCatalog from './create-catalog';
import AdminCatalogCreateCategory from './create-category';
import AdminCatalogCreateSpecification from './create-specification';
import AdminCatalogDeleteCatalog from './delete-catalog';
import AdminCatalogDeleteCategory from './delete-category';
import AdminCatalogDeleteJob from './delete-job';
import AdminCatalogDeleteSpecification from './delete-specification';
import AdminCatalogEndPrice from './end-price';
import AdminCatalogExport from './export';
import AdminCatalogImport from './import';
import AdminCatalogRevisePrice from './revise-price';
import AdminCatalogSetPrice from './set-price';
import AdminCatalogUpdateCatalog from './update-catalog';
import AdminCatalogUpdateCategory from './update-category';
import AdminCatalogUpdateSpecification from './update-specification';

describe('bss admin catalog: catalogs, categories, specifications, price versions and transfer jobs', () => {
  beforeAll(async () => {
    process.env.BSS_HOME = mkdtempSync(join(tmpdir(), 'bss-cli-catalog-'));
    process.env.BSS_DB_URL = await createTestDatabase();
    expect((await runCli(AdminSeed, [])).exitCode).toBe(0);
    expect((await runCli(ClockFreeze, ['--at', '2026-01-10T00:00:00Z'])).exitCode).toBe(0);
  });

  it('creates, changes and deletes a category and a catalog; a used category is refused', async () => {
    const category = await runCli(AdminCatalogCreateCategory, ['--id', 'CATEGORY_BIG', '--name', 'Big plans', '--offerings', 'PLAN_L', '--json']);
    expect(category.json?.result).toMatchObject({ id: 'CATEGORY_BIG', offeringIds: ['PLAN_L'] });
    expect((await runCli(AdminCatalogUpdateCategory, ['--id', 'CATEGORY_BIG', '--offerings', 'PLAN_M,PLAN_L', '--json'])).json?.result).toMatchObject({ offeringIds: ['PLAN_L', 'PLAN_M'] });
    const catalog = await runCli(AdminCatalogCreateCatalog, ['--id', 'CAT_RESELLER', '--name', 'Reseller', '--channel', 'partner_acme', '--categories', 'CATEGORY_BIG', '--json']);
    expect(catalog.json?.result).toMatchObject({ id: 'CAT_RESELLER', categoryIds: ['CATEGORY_BIG'] });
    expect((await runCli(AdminCatalogUpdateCatalog, ['--id', 'CAT_RESELLER', '--lifecycle', 'retired', '--json'])).json?.result).toMatchObject({ lifecycleStatus: 'retired' });
    const refused = await runCli(AdminCatalogDeleteCategory, ['--id', 'CATEGORY_BIG', '--yes', '--json']);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.json).toMatchObject({ rule: 'catalog.category.in_use' });
    expect((await runCli(AdminCatalogDeleteCatalog, ['--id', 'CAT_RESELLER'])).exitCode).not.toBe(0);
    expect((await runCli(AdminCatalogDeleteCatalog, ['--id', 'CAT_RESELLER', '--yes', '--json'])).exitCode).toBe(0);
    expect((await runCli(AdminCatalogUpdateCategory, ['--id', 'CATEGORY_BIG', '--offerings', ''])).exitCode).toBe(0);
    expect((await runCli(AdminCatalogDeleteCategory, ['--id', 'CATEGORY_BIG', '--yes', '--json'])).exitCode).toBe(0);
  });

  it('creates, changes and deletes a product specification', async () => {
    expect((await runCli(AdminCatalogCreateSpecification, ['--id', 'SPEC_DATA_ONLY', '--name', 'Data only', '--json'])).json?.result).toMatchObject({ lifecycleStatus: 'in_design' });
    expect((await runCli(AdminCatalogUpdateSpecification, ['--id', 'SPEC_DATA_ONLY', '--lifecycle', 'active', '--json'])).json?.result).toMatchObject({ lifecycleStatus: 'active' });
    expect((await runCli(AdminCatalogDeleteSpecification, ['--id', 'SPEC_MOBILE_PREPAID', '--yes', '--json'])).json).toMatchObject({ rule: 'catalog.specification.in_use' });
    expect((await runCli(AdminCatalogDeleteSpecification, ['--id', 'SPEC_DATA_ONLY', '--yes', '--json'])).exitCode).toBe(0);
  });

  it('revises a price into a new row and ends a promo row; the only current price cannot end', async () => {
    const revised = await runCli(AdminCatalogRevisePrice, ['--price', 'PRICE_PLAN_S', '--amount', '11.00', '--valid-from', '2026-02-01T00:00:00Z', '--json']);
    expect(revised.json?.result).toMatchObject({ price: { id: 'PRICE_PLAN_S_1769904000', amount: '11.00' }, previous: { id: 'PRICE_PLAN_S', validTo: '2026-02-01T00:00:00.000Z' } });
    expect((await runCli(AdminCatalogEndPrice, ['--price', 'PRICE_PLAN_M', '--yes', '--json'])).json).toMatchObject({ rule: 'catalog.price.last_current' });
    expect((await runCli(AdminCatalogSetPrice, ['--offering', 'PLAN_M', '--amount', '20', '--valid-from', '2026-01-01T00:00:00Z', '--price-id', 'PRICE_PLAN_M_PROMO'])).exitCode).toBe(0);
    expect((await runCli(AdminCatalogEndPrice, ['--price', 'PRICE_PLAN_M_PROMO', '--yes', '--json'])).json?.result).toMatchObject({ outcome: 'ended' });
  });

  it('starts export and import jobs and deletes a job record', async () => {
    const exported = await runCli(AdminCatalogExport, ['--url', 'file:', '--json']);
    expect(exported.json?.result).toMatchObject({ kind: 'export', status: 'notStarted' });
    const imported = await runCli(AdminCatalogImport, ['--url', 'https://partner.example/catalog.json', '--json']);
    expect(imported.json?.result).toMatchObject({ kind: 'import', status: 'notStarted' });
    const id = (exported.json?.result as { id: string }).id;
    expect((await runCli(AdminCatalogDeleteJob, ['--id', id, '--kind', 'export', '--yes', '--json'])).json?.result).toEqual({ jobId: id });
  });
});
