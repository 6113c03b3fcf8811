// One embedded Postgres per test run. `npm test` starts it once (tools/test/run-tests.js) and
// passes BSS_TEST_PG_URL to every project; a project run on its own starts (and stops) its own.
import { createRequire } from 'node:module';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export default async function globalSetup() {
  if (process.env.BSS_TEST_PG_URL) return;
  const require = createRequire(import.meta.url);
  const { startEmbeddedPostgres } = require(join(here, '../../platform/dist/db/embedded-postgres.js'));
  const parent = mkdtempSync(join(tmpdir(), 'bss-test-pg-'));
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), ephemeral: true });
  globalThis.__BSS_TEST_PG__ = { server, parent };
  process.env.BSS_TEST_PG_URL = server.url;
}
