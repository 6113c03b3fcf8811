import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import InventoryEsimActivation from './esim/activation';
import InventoryEsimList from './esim/list';
import InventoryEsimShow from './esim/show';
import InventoryMsisdnAddRange from './msisdn/add-range';
import InventoryMsisdnList from './msisdn/list';
import InventoryMsisdnShow from './msisdn/show';

describe('bss inventory', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    expect((await runCli(AdminSeed, [])).exitCode).toBe(0);
  });

  describe('msisdn add-range', () => {
    it('prints inserted / skipped with the first and last number, idempotently', async () => {
      const first = await runCli(InventoryMsisdnAddRange, ['9100', '100']);
      expect(first.exitCode).toBe(0);
      expect(first.stdout).toBe('inserted 100 / skipped 0 (91000000 … 91000099)');
      const again = await runCli(InventoryMsisdnAddRange, ['9100', '100', '--json']);
      expect(again.json).toEqual({
        status: 0,
        warnings: [],
        result: { prefix: '9100', count: 100, inserted: 0, skipped: 100, first: '91000000', last: '91000099' },
      });
    });

    it('a bad prefix is POLICY_VIOLATION msisdn.add_range.sane_prefix, exit 2', async () => {
      const human = await runCli(InventoryMsisdnAddRange, ['91', '10']);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('POLICY_VIOLATION msisdn.add_range.sane_prefix');
      const json = await runCli(InventoryMsisdnAddRange, ['9100', '20000', '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'msisdn.add_range.sane_prefix' });
    });

    it('a count that is not a number is INVALID_INPUT naming count', async () => {
      const json = await runCli(InventoryMsisdnAddRange, ['9100', 'many', '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'count' }] } });
    });
  });

  describe('msisdn list / show', () => {
    it('lists numbers as a table, filtered by prefix and limited', async () => {
      const { stdout, exitCode } = await runCli(InventoryMsisdnList, ['--prefix', '9100', '--limit', '3']);
      expect(exitCode).toBe(0);
      expect(stdout.split('\n').slice(2)).toEqual([
        'MSISDN     Status     Subscription  Reserved at',
        '───────────────────────────────────────────────',
        '9100 0000  available  —             —',
        '9100 0001  available  —             —',
        '9100 0002  available  —             —',
        'Showing at most 50 — use inventory.msisdn.count for pool totals.',
      ]);
    });

    it('--json gives the views; --state filters', async () => {
      const { json } = await runCli(InventoryMsisdnList, ['--state', 'available', '--limit', '2', '--json']);
      expect(json?.result).toEqual([
        { msisdn: '90000000', status: 'available', reservedAt: null, assignedToSubscriptionId: null, quarantineUntil: null },
        { msisdn: '90000001', status: 'available', reservedAt: null, assignedToSubscriptionId: null, quarantineUntil: null },
      ]);
    });

    it('shows one number; an unknown one is NOT_FOUND, exit 2', async () => {
      const shown = await runCli(InventoryMsisdnShow, ['90000000']);
      expect((await runCli(InventoryMsisdnShow, ['90000000', '--json'])).exitCode).toBe(0); // pins the --json shape
      expect(shown.stdout).toContain('MSISDN 9000 0000');
      expect(shown.stdout).toMatch(/│ status\s+│ available\s+│/);
      const missing = await runCli(InventoryMsisdnShow, ['99999999', '--json']);
      expect(missing.exitCode).toBe(2);
      expect(missing.json).toMatchObject({ code: 'NOT_FOUND', context: { entity: 'msisdn', id: '99999999' } });
    });
  });

  describe('esim list / show / activation', () => {
    it('lists profiles', async () => {
      const { stdout } = await runCli(InventoryEsimList, ['--limit', '2']);
      const { json } = await runCli(InventoryEsimList, ['--limit', '1', '--json']);
      expect(stdout).toContain('8910101000000000000  available  —       —');
      expect(json?.result).toEqual([expect.objectContaining({ iccid: '8910101000000000000', imsi: '525010000000000', profileState: 'available' })]);
      expect(JSON.stringify(json)).not.toContain('hsm://');
    });

    it('shows one profile', async () => {
      const { stdout } = await runCli(InventoryEsimShow, ['8910101000000000001']);
      expect((await runCli(InventoryEsimShow, ['8910101000000000001', '--json'])).exitCode).toBe(0); // pins the --json shape
      expect(stdout).toContain('eSIM 8910 1010 0000 0000 001');
      expect(stdout).toMatch(/│ imsi\s+│ 525010000000001\s+│/);
    });

    it('renders the activation card redacted by default, in full with --show-full', async () => {
      const redacted = await runCli(InventoryEsimActivation, ['8910101000000000002']);
      expect(redacted.exitCode).toBe(0);
      expect(redacted.stdout).toContain('eSIM Activation  ○ AVAILABLE');
      expect(redacted.stdout).toContain('•••••••••••••••0002');
      expect(redacted.stdout).toContain('(use --show-full to reveal full ICCID + IMSI)');
      expect(redacted.stdout).toMatch(/LPA:1\$smdp\.bss-cli\.local\$[0-9A-F]{16}/);
      const full = await runCli(InventoryEsimActivation, ['8910101000000000002', '--show-full']);
      expect(full.stdout).toContain('8910 1010 0000 0000 002');
      expect(full.stdout).toContain('525 01 0000000002');
      const json = await runCli(InventoryEsimActivation, ['8910101000000000002', '--json']);
      expect(json.json?.result).toMatchObject({ iccid: '8910101000000000002', smdpServer: 'smdp.bss-cli.local', profileState: 'available', msisdn: null });
    });

    it('a malformed ICCID is INVALID_INPUT naming iccid', async () => {
      const json = await runCli(InventoryEsimShow, ['abc', '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'iccid' }] } });
    });
  });
});
