import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import CaseClose from '#bss/commands/case/close';
import CaseOpen from '#bss/commands/case/open';
import ClockFreeze from '#bss/commands/clock/freeze';
import TicketOpen from '#bss/commands/ticket/open';
import CustomerAttestKyc from './attest-kyc';
import CustomerCreate from './create';
import CustomerList from './list';
import CustomerShow from './show';

/**
 * Ids are random; each distinct id becomes `<PREFIX>-` + its order of appearance, padded to the
 * same width, so the snapshot pins layout and relations (which ticket sits under which case).
 * The CLI's KYC provider reference is a random UUID too.
 */
function normaliseIds(text: string): string {
  const seen = new Map<string, string>();
  const counters = new Map<string, number>();
  return text
    .replace(/\b(CUST|PTY|CM|INT|CASE|NOTE|TKT)-[0-9a-f]{8}\b/g, (id, prefix: string) => {
      if (!seen.has(id)) {
        const n = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, n);
        seen.set(id, `${prefix}-${String(n).padStart(8, '0')}`);
      }
      return seen.get(id)!;
    })
    .replace(/\bcli-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, 'cli-00000000-0000-0000-0000-000000000000');
}

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}`);
  return done;
}

describe('bss customer', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    await ok(runCli(ClockFreeze, ['--at', '2026-01-15T09:30:00Z']));
  });

  describe('create', () => {
    it('prints Created <id> <name> and gives the customer in --json', async () => {
      const human = await ok(runCli(CustomerCreate, ['--name', 'Grace Hopper', '--email', 'grace@example.com']));
      expect(human.stdout).toMatch(/^Created CUST-[0-9a-f]{8} Grace Hopper$/);
      const json = await ok(runCli(CustomerCreate, ['--name', 'Alan Mathison Turing', '--phone', '+6591110000', '--json']));
      expect(json.json).toMatchObject({
        status: 0,
        warnings: [],
        result: { givenName: 'Alan', familyName: 'Mathison Turing', status: 'active', phone: '+6591110000', email: null },
      });
    });

    it('exits 2 with POLICY_VIOLATION customer.create.email_unique for an email in use (any case)', async () => {
      const result = await runCli(CustomerCreate, ['--name', 'Grace Two', '--email', 'GRACE@example.com']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('POLICY_VIOLATION customer.create.email_unique');
      const json = await runCli(CustomerCreate, ['--name', 'Grace Two', '--email', 'grace@example.com', '--json']);
      expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'customer.create.email_unique' });
    });

    it('exits 2 on malformed input naming the field', async () => {
      const phone = await runCli(CustomerCreate, ['--name', 'Bad Phone', '--phone', '9123 4567', '--json']);
      expect(phone.exitCode).toBe(2);
      expect(phone.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'phone' }] } });
      const name = await runCli(CustomerCreate, ['--name', 'Cher', '--email', 'cher@example.com']);
      expect(name.exitCode).toBe(2);
      expect(name.stderr).toContain('INVALID_INPUT');
      expect(name.stderr).toContain('name');
    });
  });

  describe('list', () => {
    it('lists customers and filters by name and state', async () => {
      const human = await ok(runCli(CustomerList, ['--name', 'hopper']));
      expect(human.stdout).toContain('── Customers');
      expect(human.stdout).toMatch(/CUST-[0-9a-f]{8}\s+Grace Hopper\s+active\s+grace@example.com/);
      expect(human.stdout).not.toContain('Turing');
      const json = await ok(runCli(CustomerList, ['--state', 'closed', '--json']));
      expect(json.json?.result).toEqual([]);
    });
  });

  describe('attest-kyc', () => {
    it('signs a prebaked attestation and marks the customer verified, never printing the number', async () => {
      const created = await ok(runCli(CustomerCreate, ['--name', 'Kyc Person', '--email', 'kyc@example.com', '--json']));
      const id = (created.json?.result as { id: string }).id;
      const human = await ok(runCli(CustomerAttestKyc, [id, '--document-type', 'nric', '--document-number', 'S7654321Z']));
      expect(human.stdout).toBe(`KYC verified ${id} Kyc Person via prebaked`);
      const json = await ok(runCli(CustomerAttestKyc, [id, '--document-type', 'nric', '--document-number', 'S7654321Z', '--json']));
      expect(json.json?.result).toMatchObject({ kycStatus: 'verified', kycVerificationMethod: 'prebaked' });
      expect(json.stdout + json.stderr + human.stderr).not.toContain('7654321');
    });

    it('exits 2 when prebaked attestations are off', async () => {
      const created = await ok(runCli(CustomerCreate, ['--name', 'Prod Person', '--email', 'prod@example.com', '--json']));
      process.env.BSS_KYC_ALLOW_PREBAKED = 'false';
      try {
        const result = await runCli(CustomerAttestKyc, [(created.json?.result as { id: string }).id, '--document-type', 'passport', '--document-number', 'E1234567']);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain('POLICY_VIOLATION customer.attest_kyc.attestation_signature_valid');
      } finally {
        delete process.env.BSS_KYC_ALLOW_PREBAKED;
      }
    });
  });

  describe('show (Customer 360)', () => {
    let customerId: string;

    beforeAll(async () => {
      const created = await ok(runCli(CustomerCreate, ['--name', 'Ada Lovelace', '--email', 'ada@example.com', '--phone', '+6591234567', '--json']));
      customerId = (created.json?.result as { id: string }).id;
      await ok(runCli(CustomerAttestKyc, [customerId, '--document-type', 'nric', '--document-number', 'S1234567D']));
      const open = await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'No data after top-up', '--category', 'technical', '--priority', 'high', '--json']));
      const caseId = (open.json?.result as { id: string }).id;
      await ok(runCli(TicketOpen, ['--type', 'service_outage', '--subject', 'Data bearer down', '--case', caseId, '--priority', 'high']));
      await ok(runCli(TicketOpen, ['--type', 'billing_dispute', '--subject', 'Charged for a day without data', '--case', caseId]));
      const old = await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'How do I roam?', '--json']));
      await ok(runCli(CaseClose, [(old.json?.result as { id: string }).id, '--resolution', 'answered', '--yes']));
    });

    it('pins the human 360 card', async () => {
      const { stdout } = await ok(runCli(CustomerShow, [customerId]));
      expect(new Set(stdout.split('\n').map((line) => Array.from(line).length))).toEqual(new Set([70]));
      expect(normaliseIds(stdout)).toMatchSnapshot();
    });

    it('pins the --json 360', async () => {
      const { stdout, json } = await ok(runCli(CustomerShow, [customerId, '--json']));
      expect(json).toMatchObject({ status: 0, result: { customer: { id: customerId }, closedCaseCount: 1, subscriptions: [] } });
      expect(normaliseIds(stdout)).toMatchSnapshot();
    });

    it('exits 2 naming an unknown customer', async () => {
      const result = await runCli(CustomerShow, ['CUST-00000000']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('NOT_FOUND  customer CUST-00000000 not found');
    });
  });
});
