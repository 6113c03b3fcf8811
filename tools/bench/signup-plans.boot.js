// Shared by tools/bench/signup.js and tools/bench/plans.js: a throwaway embedded Postgres and the
// real portal app (built dist) listening on a free port, migrated and seeded.
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { randomBytes } = require('node:crypto');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

async function bootPortal({ workers = true } = {}) {
  process.env.BSS_API_TOKEN ??= randomBytes(32).toString('hex');
  process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN ??= randomBytes(32).toString('hex');
  process.env.BSS_PORTAL_TOKEN_PEPPER ??= randomBytes(32).toString('hex');
  process.env.BSS_PORTAL_DEV_INSECURE_COOKIE = '1';
  process.env.BSS_PROVISIONING_DELAY_SCALE ??= '0';
  const { Database, databaseUrl, ensureDatabaseExists, startEmbeddedPostgres } = require('@bss/platform');
  const { createHttpApp } = require('@bss/web');
  const { PortalAppModule } = require(join(root, 'apps/portal-self-serve/dist/app.module.js'));
  const parent = mkdtempSync(join(tmpdir(), 'bss-bench-pg-'));
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), ephemeral: true });
  let app;
  const stop = async () => {
    if (app) await app.close();
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  };
  try {
    await ensureDatabaseExists(server.url, 'bss_bench');
    const url = databaseUrl(server.url, 'bss_bench');
    const module = PortalAppModule.forRoot({ databaseUrl: url, workers });
    app = await createHttpApp(module, { logRequests: false });
    await app.init();
    await app.get(Database).seed();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    return { app, base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { bootPortal, root };
