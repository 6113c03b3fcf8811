import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockFreeze from '#bss/commands/clock/freeze';
import CatalogList from './list';
import CatalogShow from './show';
import CatalogVas from './vas';

describe('bss catalog', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    expect((await runCli(AdminSeed, [])).exitCode).toBe(0);
    // A frozen clock keeps the active catalog, and so the snapshots, stable.
    expect((await runCli(ClockFreeze, ['--at', '2026-01-10T00:00:00Z'])).exitCode).toBe(0);
  });

  describe('list', () => {
    it('pins the plan comparison table', async () => {
      const { stdout, exitCode } = await runCli(CatalogList, []);
      expect(exitCode).toBe(0);
      expect(stdout).toMatchSnapshot();
    });

    it('pins the --json envelope of the active offerings', async () => {
      const { stdout, json, exitCode } = await runCli(CatalogList, ['--json']);
      expect(exitCode).toBe(0);
      expect(json).toMatchObject({ status: 0, warnings: [] });
      // The raw text, so key order and formatting of the wire shape are pinned too.
      expect(stdout).toMatchSnapshot();
    });
  });

  describe('vas', () => {
    it('prints the VAS table', async () => {
      const { stdout } = await runCli(CatalogVas, []);
      expect(stdout).toContain(' VAS Offerings ');
      expect(stdout).toMatch(/VAS_UNLIMITED_DAY\s+Unlimited Data Day Pass\s+SGD 5.00\s+data Unlimited\s+24h/);
      expect(stdout).toMatch(/VAS_ROAMING_1GB\s+Roaming Data 1GB\s+SGD 8.00\s+data_roaming 1 GB\s+—/);
    });

    it('--json lists the four seeded VAS offerings', async () => {
      const { json } = await runCli(CatalogVas, ['--json']);
      expect(json).toMatchObject({ status: 0, warnings: [] });
      expect((json?.result as { id: string }[]).map((v) => v.id)).toEqual(['VAS_DATA_1GB', 'VAS_DATA_5GB', 'VAS_ROAMING_1GB', 'VAS_UNLIMITED_DAY']);
    });
  });

  describe('show', () => {
    it('renders one plan card with the price in force now', async () => {
      const { stdout, exitCode } = await runCli(CatalogShow, ['PLAN_M']);
      expect(exitCode).toBe(0);
      expect(stdout.split('\n')[0]).toContain('PLAN_M  Standard  ★ MOST POPULAR');
      expect(stdout).toContain('Price       SGD 25.00 / month  (GST inclusive)');
      expect(stdout).toContain('  Data        30 GB');
      expect(stdout).toContain('  Roaming     500 MB');
    });

    it('--json gives the offering view', async () => {
      const { json } = await runCli(CatalogShow, ['PLAN_S', '--json']);
      expect(json).toEqual({
        status: 0,
        warnings: [],
        result: {
          id: 'PLAN_S',
          name: 'Lite',
          specId: 'SPEC_MOBILE_PREPAID',
          isBundle: true,
          isSellable: true,
          lifecycleStatus: 'active',
          validFrom: null,
          validTo: null,
          prices: [
            {
              id: 'PRICE_PLAN_S',
              offeringId: 'PLAN_S',
              priceType: 'recurring',
              amount: '10.00',
              currency: 'SGD',
              recurringPeriodLength: 1,
              recurringPeriodType: 'month',
              validFrom: null,
              validTo: null,
            },
          ],
          allowances: [
            { allowanceType: 'data', quantity: 5120, unit: 'mb' },
            { allowanceType: 'voice', quantity: 100, unit: 'minutes' },
            { allowanceType: 'sms', quantity: 100, unit: 'count' },
            { allowanceType: 'data_roaming', quantity: 0, unit: 'mb' },
          ],
        },
      });
    });

    it('shows a VAS offering as its table row', async () => {
      const human = await runCli(CatalogShow, ['VAS_DATA_1GB']);
      expect(human.stdout).toMatch(/VAS_DATA_1GB\s+Data Top-Up 1GB\s+SGD 3.00\s+data 1 GB\s+—/);
      const json = await runCli(CatalogShow, ['VAS_DATA_1GB', '--json']);
      expect(json.json?.result).toEqual({
        id: 'VAS_DATA_1GB',
        name: 'Data Top-Up 1GB',
        priceAmount: '3.00',
        currency: 'SGD',
        allowanceType: 'data',
        allowanceQuantity: 1024,
        allowanceUnit: 'mb',
        expiryHours: null,
      });
    });

    it('an unknown id is NOT_FOUND naming it, exit 2', async () => {
      const human = await runCli(CatalogShow, ['PLAN_NOPE']);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('NOT_FOUND');
      expect(human.stderr).toContain('PLAN_NOPE');
      const json = await runCli(CatalogShow, ['PLAN_NOPE', '--json']);
      expect(json.json).toMatchObject({ status: 2, code: 'NOT_FOUND', context: { id: 'PLAN_NOPE' } });
    });
  });
});
