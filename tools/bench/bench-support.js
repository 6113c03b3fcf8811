// Shared by the benchmarks (plain JS over the built libs/*/dist): a throwaway embedded Postgres
// in a 0755 temp folder (so it also runs as root from a 0700 checkout), a Nest context or a built
// HTTP app over it, the load generator, and flag parsing.
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

/**
 * A built HTTP app (its dist `*.forRoot({databaseUrl, workers})` module) over a fresh throwaway
 * cluster, migrated, seeded and listening on a free port. `stop()` first waits for the requests
 * still in flight (a load generator stops mid-request), then closes the app and the cluster, so a
 * run ends without "Connection terminated" noise from handlers that outlived the pool.
 */
async function bootHttpBenchApp(forRoot, { workers = false, beforeInit } = {}) {
  const { Database } = require('@bss/platform');
  const { createHttpApp } = require('@bss/web');
  const database = await startBenchDatabase();
  let app;
  let inFlight = 0;
  let drained = () => {};
  const stop = async () => {
    // Bounded: a request whose client vanished may never report its response.
    if (inFlight > 0) await Promise.race([new Promise((resolve) => (drained = resolve)), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    if (app) await app.close();
    await database.stop();
  };
  try {
    app = await createHttpApp(forRoot({ databaseUrl: database.url, workers }), { logRequests: false });
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', (_request, _reply, done) => {
      inFlight += 1;
      done();
    });
    fastify.addHook('onResponse', (_request, _reply, done) => {
      inFlight -= 1;
      if (inFlight === 0) drained();
      done();
    });
    if (beforeInit) beforeInit(app);
    await app.init();
    await app.get(Database).seed();
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, base: `http://127.0.0.1:${app.getHttpServer().address().port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** autocannon with its load generator in a worker thread, so it does not share the server's event loop. */
function runLoad(opts) {
  const autocannon = require('autocannon');
  return new Promise((resolve, reject) => autocannon({ workers: 1, ...opts }, (error, result) => (error ? reject(error) : resolve(result))));
}

/** A customer that can order: KYC attested (prebaked provider) and a card on file, through the same commands as everywhere. */
async function makeOrderable(app, customerId, tag) {
  const { AttestKycCommand } = require('@bss/crm');
  const { AddPaymentCardCommand } = require('@bss/payment');
  await app.get(AttestKycCommand).execute({
    customerId,
    provider: 'prebaked',
    providerReference: `PB-${tag}`,
    documentType: 'passport',
    documentNumber: `E${parseInt(tag, 16).toString().padStart(10, '0')}`,
    attestationPayload: { signature: `sig-${tag}` },
  });
  await app.get(AddPaymentCardCommand).execute({ customerId, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
}

/** `--name N` as a positive integer, or `fallback`. */
function intOption(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** `--name value`, or undefined when the flag is absent. */
function stringOption(name) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

module.exports = { bootBenchApp, bootHttpBenchApp, makeOrderable, runLoad, startBenchDatabase, intOption, stringOption };
