// Shared by the benchmarks (plain JS over the built libs/*/dist): a throwaway embedded Postgres
// in a 0755 temp folder (so it also runs as root from a 0700 checkout), and flag parsing.
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { databaseUrl, ensureDatabaseExists, startEmbeddedPostgres } = require('@bss/platform');

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

/** `--name N` as a positive integer, or `fallback`. */
function intOption(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

module.exports = { startBenchDatabase, intOption };
