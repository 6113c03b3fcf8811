// Shared by the benchmarks (plain JS over the built libs/*/dist): a throwaway embedded Postgres
// in a 0755 temp folder (so it also runs as root from a 0700 checkout), the Nest context over it,
// and flag parsing.
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { databaseUrl, ensureDatabaseExists, PlatformModule, startEmbeddedPostgres } = require('@bss/platform');
const { AuditModule } = require('@bss/audit');

/** A fresh, non-durable cluster with an empty `bss_bench` database; `stop()` removes it all. */
async function startBenchDatabase() {
  const parent = mkdtempSync(join(tmpdir(), 'bss-bench-pg-'));
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), ephemeral: true });
  await ensureDatabaseExists(server.url, 'bss_bench');
  return {
    url: databaseUrl(server.url, 'bss_bench'),
    stop: async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** A Nest application context with the platform, audit and the given context modules, initialised. */
async function bootBenchApp(url, { contextModule, poolSize, workers = false }) {
  class BenchModule {}
  Module({ imports: [PlatformModule.forRoot({ databaseUrl: url, applicationName: 'bss-bench', workers, poolSize }), AuditModule, contextModule] })(BenchModule);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  await app.init();
  return app;
}

/** `--name N` as a positive integer, or `fallback`. */
function intOption(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

module.exports = { bootBenchApp, startBenchDatabase, intOption };
