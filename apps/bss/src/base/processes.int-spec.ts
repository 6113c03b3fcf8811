import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import CustomerCreate from '#bss/commands/customer/create';

// Real processes, as an operator runs them: `node apps/bss/bin/run.js …` and `node tools/start/start.js`.
const root = join(__dirname, '..', '..', '..', '..');
const bin = join(root, 'apps', 'bss', 'bin', 'run.js');

function bss(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bss verbs as processes', () => {
  let env: NodeJS.ProcessEnv;
  let customerId: string;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    env = { ...process.env };
    await runCli(AdminSeed, []);
    customerId = ((await runCli(CustomerCreate, ['--name', 'Quiet Quinn', '--email', 'quinn@example.com', '--json'])).json?.result as { id: string }).id;
  });

  it('ticket open and case close print their result and nothing on stderr as they exit', () => {
    const ticket = bss(['ticket', 'open', '--type', 'service_outage', '--subject', 'No data', '--customer', customerId], env);
    expect(ticket).toMatchObject({ status: 0, stderr: '' });
    expect(ticket.stdout).toMatch(/^Opened TKT-[0-9a-f]{8} service_outage \[open\]/);
    const opened = bss(['case', 'open', '--customer', customerId, '--subject', 'Slow data', '--json'], env);
    expect(opened).toMatchObject({ status: 0, stderr: '' });
    const caseId = (JSON.parse(opened.stdout) as { result: { id: string } }).result.id;
    const closed = bss(['case', 'close', caseId, '--resolution', 'fixed', '--yes'], env);
    expect(closed).toMatchObject({ status: 0, stderr: '' });
    expect(closed.stdout).toContain(`Closed ${caseId}`);
  });

  it('--version and --help answer without booting the domain', () => {
    const version = bss(['--version'], { ...env, BSS_DB_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(version).toMatchObject({ status: 0, stderr: '' });
    expect(version.stdout).toMatch(/^@bss\/cli\/\d+\.\d+\.\d+ /);
    const help = bss(['trace', '--help'], { ...env, BSS_DB_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(help.stdout).toContain('trace for-subscription');
    expect(help.stdout).toContain('trace services');
  });
});

/**
 * This process' environment without what a newcomer's shell would not have: a database URL, API
 * tokens, or Jest's worker id (which silences the apps' logs — the very output checked here).
 */
function freshEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name === 'BSS_DB_URL' || name === 'JEST_WORKER_ID' || name.startsWith('BSS_API_TOKEN')) delete env[name];
  return env;
}

describe('npm start (tools/start/start.js) on a fresh checkout state', () => {
  const home = mkdtempSync(join(tmpdir(), 'bss-start-spec-'));
  chmodSync(home, 0o755);

  afterAll(() => {
    // Whatever happened above, leave no Postgres behind.
    spawnSync(process.execPath, [bin, 'admin', 'db', 'stop'], { cwd: root, env: { ...freshEnv(), BSS_HOME: home } });
    rmSync(home, { recursive: true, force: true });
  });

  it('says what it is doing, prints how to sign in and where the docs are, and stops quietly on a terminal Ctrl-C', async () => {
    // Every port distinct, the embedded Postgres' too: one picked after the others were let go may be one of them.
    const [portal, cockpit, chatAgent, tmfApi, postgres] = await freePorts(5);
    const ports = { BSS_PORTAL_PORT: portal, BSS_COCKPIT_PORT: cockpit, BSS_CHAT_AGENT_PORT: chatAgent, BSS_TMF_API_PORT: tmfApi, BSS_PG_PORT: postgres };
    // Its own process group, like a shell job: the Ctrl-C below goes to every process in it.
    const child = spawn(process.execPath, [join(root, 'tools', 'start', 'start.js')], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...freshEnv(), BSS_HOME: home, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) },
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => pattern.test(output) && resolve();
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          check();
        });
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          check();
        });
        void exited.then((code) => reject(new Error(`start exited ${code} before ${pattern}:\n${output}`)));
      });

    await seen(/\[bss\] Ctrl-C stops everything/);
    const ready = output;
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exited).toBe(0);
    expect(ready).toContain('[bss] migrating the database, then starting the apps…');
    expect(output).toMatch(/\[bss\] +portal-self-serve ready \(1\/4\)/);
    expect(ready).toContain(`http://127.0.0.1:${ports.BSS_PORTAL_PORT}/`);
    expect(ready).toContain('npx bss admin email list');
    expect(ready).toContain('README.md');
    expect(ready).toContain(`CLI warm executor ready (${join(home, 'cli-executor.sock')})`);
    expect(output).toMatch(/\[bss\] stopping…\n\[bss\] stopped\n$/);
    expect(output).not.toMatch(/job queue error|"level":50/);
    expect(existsSync(join(home, 'pg', 'server.json'))).toBe(false);
    expect(existsSync(join(home, 'cli-executor.sock'))).toBe(false);
    expect(existsSync(join(home, 'pg', 'data', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});
