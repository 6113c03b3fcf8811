import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationModule, ConversationStore } from '@bss/conversation';
import { BssCoreModule } from '@bss/core';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { createTestApp, type TestApp } from '@bss/testing';

const BIN = join(__dirname, '..', '..', 'bin', 'run.js');
const home = mkdtempSync(join(tmpdir(), 'repl-home-'));

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** `printf '<lines>' | bss` exactly as an operator's script would run it: a real process, stdin a pipe. */
function bss(lines: string[], env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, BSS_HOME: home, BSS_OPERATOR: 'ops-ada', BSS_LLM_PROVIDER: 'offline', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

const fixtureDir = mkdtempSync(join(tmpdir(), 'repl-fixture-'));
function fixture(responses: object[]): string {
  const path = join(fixtureDir, `f${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ responses }));
  return path;
}

// Each case starts one or two real `bss` processes (a cold CLI start each, on a shared 2-core box).
jest.setTimeout(240_000);

describe('bss (the cockpit REPL) on a pipe', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ imports: [BssCoreModule, ConversationModule] });
    process.env.BSS_DB_URL = app.url;
  });
  afterAll(() => app.close());

  const stateOf = async (id: string) => (await app.get(SubscriptionQueries).get(id)).state;
  const auditOf = (id: string) =>
    app.db.query<{ actor: string; channel: string; service_identity: string }>(
      `select actor, channel, service_identity from audit.domain_event where event_type = 'subscription.terminated' and aggregate_id = $1`,
      [id],
    );

  it('prints the customer table for "list customers" without the model, and persists user + tool rows (behaviour 13)', async () => {
    const line = await createTestLine(app);
    // Behaviour 17: a misspelt autonomy refuses to start, before any session is touched.
    const run = await bss(['list customers', '/exit'], { BSS_AGENT_AUTONOMY: 'batchd' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('BSS_AGENT_AUTONOMY must be granular or batched');
    expect(await app.get(ConversationStore).listFor('ops-ada')).toEqual([]);
    const ok = await bss(['list customers', '/exit'], { BSS_LLM_FIXTURE_PATH: fixture([]) });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('── Customers');
    expect(ok.stdout).toContain(line.customer!.id);
    expect(ok.stdout).not.toContain('bss:');
    const store = app.get(ConversationStore);
    const [session] = await store.listFor('ops-ada');
    const rows = await store.listMessages(session!.id);
    expect(rows.slice(-2).map((r) => [r.role, r.toolName])).toEqual([
      ['user', null],
      ['tool', 'customer.list'],
    ]);
  });

  it.each([
    ['offline', {}],
    [
      'fixture',
      { BSS_LLM_FIXTURE_PATH: fixture([{ match: 'terminate', steps: [{ tool_calls: [{ name: 'subscription.terminate', args: { subscriptionId: '__SUB__' } }] }, { content: 'Proposed.' }] }]) },
    ],
  ])('terminates only after /confirm, as the operator on channel cli-repl (%s model)', async (_model, env) => {
    const { subscription } = await createTestLine(app);
    const withSub = fixtureFor(env as NodeJS.ProcessEnv, subscription.id);
    const run = await bss([`terminate ${subscription.id}`, '/exit'], withSub, ['--new']);
    expect(run.stdout).toContain(`Proposed subscription.terminate(${subscription.id}`);
    expect(run.stdout).toContain('type /confirm');
    expect(await stateOf(subscription.id)).toBe('active');

    const confirmed = await bss([`terminate ${subscription.id}`, '/confirm', '/exit'], withSub, ['--new']);
    expect(confirmed.stdout).toContain(`Executed subscription.terminate(${subscription.id}`);
    expect(await stateOf(subscription.id)).toBe('terminated');
    expect(await auditOf(subscription.id)).toEqual([{ actor: 'ops-ada', channel: 'cli-repl', service_identity: 'operator_cockpit' }]);
  });

  it.each([
    ['offline', {}],
    [
      'fixture',
      { BSS_LLM_FIXTURE_PATH: fixture([{ match: 'terminate', steps: [{ tool_calls: [{ name: 'subscription.terminate', args: { subscriptionId: '__SUB__' } }] }, { content: 'Proposed.' }] }]) },
    ],
  ])('any other line drops the staged action: /confirm after "show plans" runs nothing (%s model)', async (_model, env) => {
    const { subscription } = await createTestLine(app);
    const run = await bss([`terminate ${subscription.id}`, 'show plans', '/confirm', '/exit'], fixtureFor(env as NodeJS.ProcessEnv, subscription.id), ['--new']);
    expect(run.stdout).toContain('dropped the staged subscription.terminate');
    expect(run.stdout).toContain('Nothing is staged to confirm');
    expect(await stateOf(subscription.id)).toBe('active');
    expect(await auditOf(subscription.id)).toEqual([]);
  });

  it('the actor is the OS user when BSS_OPERATOR is unset, never a constant; a how-to question is answered with a citation', async () => {
    const { subscription } = await createTestLine(app);
    const run = await bss([`terminate ${subscription.id}`, '/confirm', 'how do I rotate the cockpit token?', '/exit'], { BSS_OPERATOR: '' }, ['--new']);
    expect(run.stdout).toContain('(see docs/runbooks/api-token-rotation.md#');
    const [row] = await auditOf(subscription.id);
    expect(row).toMatchObject({ actor: require('node:os').userInfo().username, channel: 'cli-repl' });
  });
});

/** The fixture file with the line's id in place of `__SUB__` (fixtures are written before the line exists). */
function fixtureFor(env: NodeJS.ProcessEnv, subscriptionId: string): NodeJS.ProcessEnv {
  const path = env.BSS_LLM_FIXTURE_PATH;
  if (!path) return env;
  const text = require('node:fs').readFileSync(path, 'utf8').replaceAll('__SUB__', subscriptionId);
  const out = join(fixtureDir, `sub-${subscriptionId}-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(out, text);
  return { ...env, BSS_LLM_FIXTURE_PATH: out };
}
