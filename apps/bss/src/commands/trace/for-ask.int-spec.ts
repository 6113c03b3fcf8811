import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textWidth } from '@bss/web';
import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import Ask from '#bss/commands/ask';
import CustomerCreate from '#bss/commands/customer/create';
import TraceForAsk from './for-ask';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}${done.stdout}`);
  return done;
}

describe('bss trace for-ask', () => {
  const saved = { provider: process.env.BSS_LLM_PROVIDER, fixture: process.env.BSS_LLM_FIXTURE_PATH };
  let turnId: string;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    const customerId = ((await ok(runCli(CustomerCreate, ['--name', 'Ada Lovelace', '--email', 'ada@example.com', '--json']))).json?.result as { id: string }).id;
    // A real operator turn with the fixture model: one write, one read, one destructive call the turn is not allowed.
    const fixture = join(mkdtempSync(join(tmpdir(), 'for-ask-')), 'fixture.json');
    writeFileSync(
      fixture,
      JSON.stringify({
        responses: [
          {
            match: 'open a case',
            steps: [
              { tool_calls: [{ name: 'case.open', args: { customerId, subject: 'Roaming does not work' } }] },
              { tool_calls: [{ name: 'customer.list', args: {} }] },
              { tool_calls: [{ name: 'case.close', args: { caseId: 'CASE-00000000', resolutionCode: 'fixed' } }] },
              { content: 'Opened a case.' },
            ],
          },
        ],
      }),
    );
    process.env.BSS_LLM_PROVIDER = 'fixture';
    process.env.BSS_LLM_FIXTURE_PATH = fixture;
    const asked = await ok(runCli(Ask, ['open a case for Ada', '--json']));
    turnId = (asked.json?.result as { turnId: string }).turnId;
  });

  afterAll(() => {
    for (const [key, value] of [['BSS_LLM_PROVIDER', saved.provider], ['BSS_LLM_FIXTURE_PATH', saved.fixture]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('shows the tool calls of the turn beside the audit events they caused, under the turn id', async () => {
    const { json } = await ok(runCli(TraceForAsk, [turnId, '--json']));
    const turn = json?.result as { turnId: string; traceId: string; actor: string; model: string; profile: string; toolCalls: object[]; entries: { kind: string; ref: string }[] };
    expect(turn).toMatchObject({ turnId, traceId: turnId, actor: 'cli-user', model: 'fixture', profile: 'operator_cockpit' });
    expect(turn.toolCalls).toEqual([
      { name: 'case.open', ok: true },
      { name: 'customer.list', ok: true },
      { name: 'case.close', ok: false, error: 'DESTRUCTIVE_OPERATION_BLOCKED' },
    ]);
    expect(turn.entries.map((e) => e.kind)).toEqual(['case.opened', 'agent.turn_completed']);
  });

  it('renders the calls, then the swimlanes of the trace, within --width', async () => {
    const { stdout } = await ok(runCli(TraceForAsk, [turnId, '--width', '72']));
    expect(stdout).toContain(`Agent turn ${turnId.slice(0, 20)}`);
    expect(stdout).toContain('  ✓ case.open');
    expect(stdout).toContain('  ✗ case.close → DESTRUCTIVE_OPERATION_BLOCKED');
    expect(stdout).toContain(`Trace ${turnId}`);
    expect(stdout).toMatch(/case\.opened/);
    for (const line of stdout.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(72);
  });

  it('an id that is no agent turn exits 2 with NOT_FOUND', async () => {
    const missing = await runCli(TraceForAsk, ['00000000-0000-0000-0000-000000000000']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('NOT_FOUND');
  });
});
