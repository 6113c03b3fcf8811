import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockAdvance from '#bss/commands/clock/advance';
import ClockFreeze from '#bss/commands/clock/freeze';
import CustomerAttestKyc from '#bss/commands/customer/attest-kyc';
import CustomerCreate from '#bss/commands/customer/create';
import OrderCreate from '#bss/commands/order/create';
import PaymentAddCard from '#bss/commands/payment/add-card';
import ExternalCalls from './external-calls';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}${done.stdout}`);
  return done;
}

interface Call {
  provider: string;
  operation: string;
  status: string;
  succeeded: boolean;
  latencyMs: number;
  aggregateId: string | null;
  request: Record<string, unknown> | null;
}

async function calls(argv: string[]): Promise<Call[]> {
  return (await ok(runCli(ExternalCalls, [...argv, '--json']))).json?.result as Call[];
}

describe('bss external-calls', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    await ok(runCli(ClockFreeze, ['--at', '2026-01-15T09:30:00Z']));
    const created = await ok(runCli(CustomerCreate, ['--name', 'Dee Cline', '--email', 'dee@example.com', '--json']));
    const customerId = (created.json?.result as { id: string }).id;
    await ok(runCli(CustomerAttestKyc, [customerId, '--document-type', 'passport', '--document-number', 'E7654321']));
    // A card the mock gateway tokenises (a call that succeeds) and then declines (one that fails).
    await ok(runCli(PaymentAddCard, ['--customer', customerId, '--card', '4000000000000002']));
    await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_S', '--wait']));
  });

  it('lists every adapter call newest first, with status, latency and the redacted payload', async () => {
    const all = await calls([]);
    expect(all.map((c) => `${c.provider} ${c.operation} ${c.status}`)).toEqual(['mock charge declined', 'mock tokenize ok']);
    expect(all.every((c) => Number.isInteger(c.latencyMs) && c.latencyMs >= 0)).toBe(true);
    expect(JSON.stringify(all)).not.toContain('4000000000000002');
    const human = await ok(runCli(ExternalCalls, ['--payload']));
    expect(human.stdout).toMatch(/Occurred\s+Provider\s+Operation\s+Status\s+Latency/);
    expect(human.stdout).toMatch(/mock\s+charge\s+✗ declined/);
    expect(human.stdout).toContain('request:');
  });

  it('--failed keeps the calls that did not succeed, --provider one provider', async () => {
    expect((await calls(['--failed'])).map((c) => c.operation)).toEqual(['charge']);
    expect(await calls(['--provider', 'loyalty'])).toEqual([]);
    expect(await calls(['-p', 'mock'])).toHaveLength(2);
  });

  it('--since counts back from the simulated clock', async () => {
    expect(await calls(['--since', '1h'])).toHaveLength(2);
    await ok(runCli(ClockAdvance, ['2h']));
    expect(await calls(['--since', '1h'])).toEqual([]);
    expect(await calls(['--since', '3h'])).toHaveLength(2);
  });

  it('a --since that is not a duration exits 2 naming the flag', async () => {
    const bad = await runCli(ExternalCalls, ['--since', 'yesterday', '--json']);
    expect(bad.exitCode).toBe(2);
    expect(bad.json).toMatchObject({ code: 'INVALID_INPUT' });
    expect(JSON.stringify(bad.json)).toContain('since');
  });
});
