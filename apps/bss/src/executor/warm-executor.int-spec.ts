import { fork, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import CustomerCreate from '#bss/commands/customer/create';

// Real processes: the executor as npm start forks it, and `node apps/bss/bin/run.js …` as an operator runs it.
const root = join(__dirname, '..', '..', '..', '..');
const bin = join(root, 'apps', 'bss', 'bin', 'run.js');
const executorMain = join(root, 'apps', 'bss', 'dist', 'executor', 'main.js');

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Not spawnSync: the executor's IPC messages must keep arriving while a call runs. */
function bss(args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the warm executor behind npm start', () => {
  const home = mkdtempSync(join(tmpdir(), 'bss-executor-spec-'));
  chmodSync(home, 0o755);
  let env: NodeJS.ProcessEnv;
  let executor: ChildProcess;
  let databaseUrl: string;
  let customerId: string;
  const served: string[][] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    process.env.BSS_DB_URL = databaseUrl;
    await runCli(AdminSeed, []);
    const created = await runCli(CustomerCreate, ['--name', 'Warm Wendy', '--email', 'wendy@example.com', '--json']);
    if (!created.json?.result) throw new Error(`customer create: ${created.stderr}${created.stdout}`);
    customerId = (created.json.result as { id: string }).id;
    env = { ...process.env, BSS_HOME: home, BSS_DB_URL: databaseUrl, BSS_LOG_LEVEL: 'warn' };
    delete env.JEST_WORKER_ID;
    executor = fork(executorMain, [], {
      cwd: root,
      env: { ...env, BSS_EXECUTOR_DB_URL: databaseUrl, BSS_EXECUTOR_DB_SOURCE: 'external' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      executor.on('message', (message: { ready?: string; served?: { argv: string[] } }) => {
        if (message.ready) resolve();
        if (message.served) served.push(message.served.argv);
      });
      executor.once('exit', (code) => reject(new Error(`the executor exited ${code} before it was ready`)));
    });
  }, 120_000);

  afterAll(() => {
    if (executor && executor.exitCode === null && executor.signalCode === null) executor.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('listens on a socket only its own user may open', () => {
    const socket = statSync(join(home, 'cli-executor.sock'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a read as --json', () => ['customer', 'show', customerId, '--json']],
    ['a rendered read', () => ['catalog', 'list']],
    ['a PolicyViolation (exit 2, the rule on stderr)', () => ['case', 'close', 'CASE-00000000', '--resolution', 'fixed']],
    ['a PolicyViolation as --json', () => ['case', 'close', 'CASE-00000000', '--resolution', 'fixed', '--json']],
    ['an unknown command (oclif’s own error)', () => ['catalog', 'lst']],
    ['a missing required flag', () => ['customer', 'create', '--email', 'nobody@example.com']],
  ])('%s: the same stdout, stderr and exit code as in-process', async (_what, argsOf) => {
    const args = argsOf();
    const before = served.length;
    const warm = await bss(args, env);
    expect(served.slice(before)).toEqual([args]);
    const inProcess = await bss(args, { ...env, BSS_CLI_IN_PROCESS: '1' });
    expect(served).toHaveLength(before + 1);
    expect(warm).toEqual(inProcess);
  }, 60_000);

  it('writes the same actor, channel and service identity on the audit log as in-process', async () => {
    const created = async (email: string, extra: NodeJS.ProcessEnv) => {
      const outcome = await bss(['customer', 'create', '--name', 'Audit Ann', '--email', email, '--json'], { ...env, BSS_CLI_ACTOR: 'ops-ann', ...extra });
      expect(outcome).toMatchObject({ status: 0, stderr: '' });
      return (JSON.parse(outcome.stdout) as { result: { id: string } }).result.id;
    };
    const before = served.length;
    const warmId = await created('ann.warm@example.com', {});
    expect(served).toHaveLength(before + 1);
    const inProcessId = await created('ann.cold@example.com', { BSS_CLI_IN_PROCESS: '1' });
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ aggregate_id: string; actor: string; channel: string; service_identity: string }>(
        `select aggregate_id, actor, channel, service_identity from audit.domain_event where aggregate_id = any($1) and event_type = 'customer.created'`,
        [[warmId, inProcessId]],
      );
      const stamp = (id: string) => rows.filter((row) => row.aggregate_id === id).map(({ actor, channel, service_identity }) => ({ actor, channel, service_identity }));
      expect(stamp(warmId)).toEqual([{ actor: 'ops-ann', channel: 'cli', service_identity: 'default' }]);
      expect(stamp(warmId)).toEqual(stamp(inProcessId));
    } finally {
      await client.end();
    }
  }, 60_000);

  it('leaves a call on another database to the launcher', async () => {
    const before = served.length;
    const other = await createTestDatabase();
    const outcome = await bss(['clock', 'now', '--json'], { ...env, BSS_DB_URL: other });
    expect(outcome).toMatchObject({ status: 0 });
    expect(served).toHaveLength(before);
  }, 60_000);

  it('leaves the call to the launcher after a rebuild (the executor would run the old code)', async () => {
    const manifest = join(root, 'apps', 'bss', 'oclif.manifest.json');
    const { atimeMs, mtimeMs } = statSync(manifest);
    const before = served.length;
    utimesSync(manifest, atimeMs / 1000, mtimeMs / 1000 + 60);
    try {
      expect(await bss(['clock', 'now', '--json'], env)).toMatchObject({ status: 0 });
    } finally {
      utimesSync(manifest, atimeMs / 1000, mtimeMs / 1000);
    }
    expect(served).toHaveLength(before);
    await bss(['clock', 'now', '--json'], env);
    expect(served).toHaveLength(before + 1);
  }, 60_000);

  it('falls back to in-process when the executor is gone and its socket left behind', async () => {
    const args = ['customer', 'show', customerId, '--json'];
    const warm = await bss(args, env);
    const exited = new Promise((resolve) => executor.once('exit', resolve));
    executor.kill('SIGKILL');
    await exited;
    expect(existsSync(join(home, 'cli-executor.sock'))).toBe(true);
    const before = served.length;
    const fallback = await bss(args, env);
    expect(served).toHaveLength(before);
    expect(fallback).toEqual(warm);
  }, 60_000);
});
