#!/usr/bin/env node
// `npm test`: start ONE embedded Postgres for the whole run, hand its URL to every project's
// jest (their globalSetup reuses it), run the Nx targets `test` (pure specs) and `test-int`
// (*.int-spec.ts, browser specs) of every project, stop Postgres whatever happens.
// `--targets=test-int` runs only the integration target (`npm run test:int`); other arguments go to nx.
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
  const targetsArg = process.argv.slice(2).find((a) => a.startsWith('--targets='));
  const targets = targetsArg ? targetsArg.slice('--targets='.length).split(',') : ['test', 'test-int'];
  const args = process.argv.slice(2).filter((a) => a !== targetsArg);
  const nxArgs = ['nx', 'run-many', '-t', ...targets, '--output-style=static', '--parallel=2', '--skip-nx-cache', ...args];
  const env = { ...process.env, BSS_TEST_PG_URL: server.url, NX_TUI: 'false' };
  let code = await run(root, nxArgs, env);
  // The tooling's own specs (lint rules, project configs) belong to no Nx project; the full run includes them.
  if (targets.includes('test')) code = (await run(root, ['jest', '-c', 'tools/jest.config.cjs'], env)) || code;
  // The hero scenarios (`bss scenario run-all`), on the same Postgres in a database of their own.
  if (targets.includes('test-int')) code = (await runScenarios(root, server.url, env)) || code;
  await server.stop();
  rmSync(parent, { recursive: true, force: true });
  process.exit(code);
}

async function runScenarios(root, serverUrl, env) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('create database bss_scenarios');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/bss_scenarios';
  return run(root, ['bss', 'scenario', 'run-all', '--tag', 'hero', '--yes'], { ...env, BSS_DB_URL: url.toString() });
}

function run(root, args, env) {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
