import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AuditList from '#bss/commands/audit/list';
import CatalogList from '#bss/commands/catalog/list';
import ClockFreeze from '#bss/commands/clock/freeze';
import AdminSeed from '#bss/commands/admin/seed';
import AdminCatalogAddOffering from './add-offering';
import AdminCatalogSetPrice from './set-price';
import AdminCatalogShow from './show';
import AdminCatalogWindowOffering from './window-offering';

interface PriceResult {
  price: { id: string; amount: string; validFrom: string | null; validTo: string | null };
  retiredPriceIds: string[];
}

describe('bss admin catalog', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    expect((await runCli(AdminSeed, [])).exitCode).toBe(0);
    expect((await runCli(ClockFreeze, ['--at', '2026-01-10T00:00:00Z'])).exitCode).toBe(0);
  });

  afterEach(() => {
    delete process.env.BSS_CLI_ACTOR;
  });

  describe('add-offering', () => {
    it('adds a plan with its price and allowances, -1 meaning unlimited', async () => {
      const human = await runCli(AdminCatalogAddOffering, [
        '--id', 'PLAN_XL', '--name', 'Extra Large', '--price', '60',
        '--data-mb', '204800', '--voice-min', '-1', '--sms-count=-1', '--data-roaming-mb', '4096',
      ]);
      expect(human.exitCode).toBe(0);
      expect(human.stdout).toBe('✓ Added offering PLAN_XL "Extra Large" at SGD 60.00/month (PRICE_PLAN_XL)');
      const list = await runCli(CatalogList, []);
      expect(list.stdout).toContain('PLAN_XL  Extra Large');
      expect(list.stdout).toContain('SGD 60.00 /mo');
      expect(list.stdout).toContain('Data    200 GB');
      const audit = await runCli(AuditList, ['--aggregate', 'PLAN_XL', '--json']);
      expect(audit.json?.result).toEqual([expect.objectContaining({ eventType: 'catalog.offering_added', actor: 'cli-user', channel: 'cli' })]);
    });

    it('--json gives the new offering view', async () => {
      const { json } = await runCli(AdminCatalogAddOffering, [
        '--id', 'PLAN_SUMMER', '--name', 'Summer', '--price', '12.50', '--currency', 'SGD', '--price-id', 'PRICE_SUMMER_2026',
        '--data-mb', '10240', '--valid-from', '2026-06-01T00:00:00Z', '--valid-to', '2026-09-01T00:00:00Z', '--json',
      ]);
      expect(json).toMatchObject({
        status: 0,
        result: {
          id: 'PLAN_SUMMER',
          validFrom: '2026-06-01T00:00:00.000Z',
          validTo: '2026-09-01T00:00:00.000Z',
          prices: [{ id: 'PRICE_SUMMER_2026', amount: '12.50', currency: 'SGD' }],
          allowances: [{ allowanceType: 'data', quantity: 10240 }, { quantity: 0 }, { quantity: 0 }, { quantity: 0 }],
        },
      });
    });

    it('a duplicate id is POLICY_VIOLATION catalog.offering.already_exists, exit 2', async () => {
      const human = await runCli(AdminCatalogAddOffering, ['--id', 'PLAN_M', '--name', 'Again', '--price', '1', '--price-id', 'PRICE_AGAIN']);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('POLICY_VIOLATION catalog.offering.already_exists');
      const json = await runCli(AdminCatalogAddOffering, ['--id', 'PLAN_M', '--name', 'Again', '--price', '1', '--price-id', 'PRICE_AGAIN', '--json']);
      expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'catalog.offering.already_exists', context: { offeringId: 'PLAN_M' } });
    });

    it('an anonymous actor is POLICY_VIOLATION catalog.admin_only', async () => {
      process.env.BSS_CLI_ACTOR = 'anonymous';
      const human = await runCli(AdminCatalogAddOffering, ['--id', 'PLAN_ANON', '--name', 'Anon', '--price', '1']);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('POLICY_VIOLATION catalog.admin_only');
    });

    it('a malformed price is INVALID_INPUT naming amount, exit 2', async () => {
      const json = await runCli(AdminCatalogAddOffering, ['--id', 'PLAN_BAD', '--name', 'Bad', '--price', 'ten', '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'amount' }] } });
    });
  });

  describe('set-price', () => {
    it('adds a windowed promo with the default id PRICE_<offering>_<unix seconds of --valid-from>', async () => {
      const human = await runCli(AdminCatalogSetPrice, [
        '--offering', 'PLAN_M', '--amount', '20.00', '--valid-from', '2026-03-01T00:00:00Z', '--valid-to', '2026-04-01T00:00:00Z',
      ]);
      expect(human.exitCode).toBe(0);
      expect(human.stdout).toBe('✓ Added price PRICE_PLAN_M_1772323200 SGD 20.00/month on PLAN_M from 2026-03-01T00:00:00.000Z, until 2026-04-01T00:00:00.000Z');
      const inside = await runCli(AdminCatalogShow, ['--at', '2026-03-15T00:00:00Z', '--json']);
      const planM = (inside.json?.result as { offerings: { id: string; prices: { id: string; amount: string }[] }[] }).offerings.find((o) => o.id === 'PLAN_M');
      expect(planM?.prices[0]).toMatchObject({ id: 'PRICE_PLAN_M_1772323200', amount: '20.00' });
      const atEnd = await runCli(AdminCatalogShow, ['--at', '2026-04-01T00:00:00Z', '--json']);
      const planMAtEnd = (atEnd.json?.result as { offerings: { id: string; prices: { id: string }[] }[] }).offerings.find((o) => o.id === 'PLAN_M');
      expect(planMAtEnd?.prices.map((p) => p.id)).toEqual(['PRICE_PLAN_M']);
    });

    it('--retire-current ends the open rows at --valid-from', async () => {
      const { json } = await runCli(AdminCatalogSetPrice, [
        '--offering', 'PLAN_L', '--amount', '49.00', '--valid-from', '2026-05-01T00:00:00Z', '--price-id', 'PRICE_PLAN_L_2026', '--retire-current', '--json',
      ]);
      const result = json?.result as PriceResult;
      expect(result).toEqual({
        price: expect.objectContaining({ id: 'PRICE_PLAN_L_2026', amount: '49.00', validFrom: '2026-05-01T00:00:00.000Z', validTo: null }),
        retiredPriceIds: ['PRICE_PLAN_L'],
      });
      const human = await runCli(AdminCatalogSetPrice, ['--offering', 'PLAN_S', '--amount', '11', '--valid-from', '2026-05-01T00:00:00Z', '--retire-current']);
      expect(human.stdout).toBe('✓ Added price PRICE_PLAN_S_1777593600 SGD 11.00/month on PLAN_S from 2026-05-01T00:00:00.000Z, open-ended; retired PRICE_PLAN_S');
    });

    it('an unknown offering is POLICY_VIOLATION catalog.offering.not_found, exit 2', async () => {
      const human = await runCli(AdminCatalogSetPrice, ['--offering', 'PLAN_NOPE', '--amount', '1', '--valid-from', '2026-05-01T00:00:00Z']);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('POLICY_VIOLATION catalog.offering.not_found');
    });

    it('a duplicate price id is POLICY_VIOLATION catalog.price.already_exists', async () => {
      const json = await runCli(AdminCatalogSetPrice, ['--offering', 'PLAN_M', '--amount', '1', '--valid-from', '2026-05-01T00:00:00Z', '--price-id', 'PRICE_PLAN_M', '--json']);
      expect(json.json).toMatchObject({ status: 2, rule: 'catalog.price.already_exists' });
    });

    it('a malformed --valid-from is INVALID_INPUT naming validFrom', async () => {
      const json = await runCli(AdminCatalogSetPrice, ['--offering', 'PLAN_M', '--amount', '1', '--valid-from', 'soon', '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'validFrom' }] } });
    });
  });

  describe('window-offering', () => {
    it('sets the sales window', async () => {
      const human = await runCli(AdminCatalogWindowOffering, ['--id', 'PLAN_XL', '--valid-from', '2026-02-01T00:00:00Z', '--valid-to', '2026-03-01T00:00:00Z']);
      expect(human.exitCode).toBe(0);
      expect(human.stdout).toBe('✓ PLAN_XL on sale from 2026-02-01T00:00:00.000Z until 2026-03-01T00:00:00.000Z');
      const now = await runCli(CatalogList, ['--json']);
      expect((now.json?.result as { id: string }[]).map((o) => o.id)).not.toContain('PLAN_XL');
      const json = await runCli(AdminCatalogWindowOffering, ['--id', 'PLAN_XL', '--valid-from', '2026-02-01T00:00:00Z', '--valid-to', '2026-03-01T00:00:00Z', '--json']);
      expect(json.json).toMatchObject({ status: 0, result: { id: 'PLAN_XL' } });
    });

    it('an unknown offering is POLICY_VIOLATION catalog.offering.not_found', async () => {
      const json = await runCli(AdminCatalogWindowOffering, ['--id', 'PLAN_NOPE', '--valid-from', '2026-02-01T00:00:00Z', '--valid-to', '2026-03-01T00:00:00Z', '--json']);
      expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'catalog.offering.not_found' });
    });

    it('an inverted window is INVALID_INPUT naming validTo', async () => {
      const json = await runCli(AdminCatalogWindowOffering, ['--id', 'PLAN_XL', '--valid-from', '2026-03-01T00:00:00Z', '--valid-to', '2026-02-01T00:00:00Z', '--json']);
      expect(json.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'validTo' }] } });
    });
  });

  describe('show', () => {
    it('prints the active catalog at --at', async () => {
      const { stdout, exitCode } = await runCli(AdminCatalogShow, ['--at', '2026-03-15T00:00:00Z']);
      expect(exitCode).toBe(0);
      expect(stdout).toMatchSnapshot();
    });

    it('defaults to the simulated now', async () => {
      const { json } = await runCli(AdminCatalogShow, ['--json']);
      expect(json?.result).toMatchObject({ at: '2026-01-10T00:00:00.000Z' });
      expect((json?.result as { offerings: { id: string }[] }).offerings.map((o) => o.id)).toEqual(['PLAN_S', 'PLAN_M', 'PLAN_L']);
    });

    it('a malformed --at is INVALID_INPUT naming at', async () => {
      const json = await runCli(AdminCatalogShow, ['--at', 'noon', '--json']);
      expect(json.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'at' }] } });
    });
  });
});
