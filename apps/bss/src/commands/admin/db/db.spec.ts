import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '#bss/testing/run-cli';
import AdminDbStatus from './status';
import AdminDbStop from './stop';

describe('bss admin db status / stop', () => {
  const saved = { home: process.env.BSS_HOME, url: process.env.BSS_DB_URL };
  const home = mkdtempSync(join(tmpdir(), 'bss-db-spec-'));
  chmodSync(home, 0o755);

  beforeEach(() => {
    process.env.BSS_HOME = home;
    delete process.env.BSS_DB_URL;
  });

  afterAll(() => {
    process.env.BSS_HOME = saved.home;
    process.env.BSS_DB_URL = saved.url;
    if (saved.home === undefined) delete process.env.BSS_HOME;
    if (saved.url === undefined) delete process.env.BSS_DB_URL;
    rmSync(home, { recursive: true, force: true });
  });

  it('status names BSS_DB_URL by host and database only, never its password', async () => {
    process.env.BSS_DB_URL = 'postgres://ops:s3cret@db.example:5432/bss';
    const { json, stdout } = await runCli(AdminDbStatus, ['--json']);
    expect(json?.result).toEqual({ source: 'external', running: true, pid: null, address: 'db.example:5432/bss' });
    expect(stdout).not.toContain('s3cret');
  });

  it('without a running embedded server: status says the next call starts it, stop has nothing to stop', async () => {
    expect((await runCli(AdminDbStatus, ['--json'])).json?.result).toEqual({ source: 'embedded', running: false, pid: null, address: null });
    expect((await runCli(AdminDbStatus, [])).stdout).toContain('the next bss call starts it in the background');
    expect((await runCli(AdminDbStop, ['--json'])).json?.result).toEqual({ stopped: false });
    expect((await runCli(AdminDbStop, [])).stdout).toBe('The embedded Postgres was not running');
  });
});
