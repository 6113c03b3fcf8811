#!/usr/bin/env node
// `npm test`: start ONE embedded Postgres for the whole run, hand its URL to every project's
// jest (their globalSetup reuses it), run the tests through nx, stop Postgres whatever happens.
const { spawn } = require('node:child_process');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

async function main() {
  const root = join(__dirname, '..', '..');
  const { startEmbeddedPostgres } = require(join(root, 'libs/platform/dist/db/embedded-postgres.js'));
  const parent = mkdtempSync(join(tmpdir(), 'bss-test-pg-'));
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), ephemeral: true, log: (l) => console.log(`[postgres] ${l}`) });
  const args = process.argv.slice(2);
  const nxArgs = ['nx', 'run-many', '-t', 'test', '--output-style=static', '--parallel=2', '--skip-nx-cache', ...args];
  const code = await new Promise((resolve) => {
    const child = spawn('npx', nxArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, BSS_TEST_PG_URL: server.url, NX_TUI: 'false' } });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  await server.stop();
  rmSync(parent, { recursive: true, force: true });
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
