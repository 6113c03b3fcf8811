#!/usr/bin/env node
// Partner TMF APIs under load, against the real tmf-api app (built dist) on a throwaway embedded
// Postgres: p99 of GET productOffering at 32 connections with autocannon (goal < 20 ms), and the
// server time (Fastify's reply.elapsedTime) of POST productOrder, one order per prepared customer.
// Also the server's CPU per request (process.cpuUsage of the server process over the run, the load
// generator in a child process): unlike latency it does not depend on what else shares the cores.
// Needs the built libs and apps: `npx nx run-many -t build` first.
// Usage: node tools/bench/tmf-api.js [--connections 32] [--duration 10] [--orders 100]
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { fork } = require('node:child_process');
const { bootHttpBenchApp, intOption, makeOrderable, runLoad } = require('./bench-support');

const root = join(__dirname, '..', '..');
const CATALOG = '/tmf-api/productCatalogManagement/v2';
const ORDERING = '/tmf-api/productOrdering/v4';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function bootTmfApi() {
  process.env.BSS_API_TOKEN ??= randomBytes(32).toString('hex');
  process.env.BSS_PARTNER_ACME_API_TOKEN ??= randomBytes(32).toString('hex');
  process.env.BSS_PROVISIONING_DELAY_SCALE ??= '0';
  const { TmfApiAppModule } = require(join(root, 'apps/tmf-api/dist/app.module.js'));
  const orderServerMs = [];
  const booted = await bootHttpBenchApp((options) => TmfApiAppModule.forRoot(options), {
    beforeInit: (app) =>
      app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
        if (request.method === 'POST' && request.url === `${ORDERING}/productOrder` && reply.statusCode === 201) orderServerMs.push(reply.elapsedTime);
        done();
      }),
  });
  return { ...booted, orderServerMs };
}

/** autocannon in a child process: the server process's CPU usage over the run is then the server's alone. */
function runLoadInChild(opts) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => (message.error ? reject(new Error(message.error)) : resolve(message.result)));
    child.once('error', reject);
    child.send(opts);
  });
}

/** Load at `url` while measuring the server process's CPU; adds `cpuMsPerRequest`. */
async function measuredLoad(opts) {
  const before = process.cpuUsage();
  const result = await runLoadInChild(opts);
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  return { ...result, cpuMs, cpuMsPerRequest: cpuMs / Math.max(1, result.requests.total) };
}

/** Customers that can order (KYC attested, card on file), created by the partner (TMF632's command), so it may order for them. */
async function prepareCustomers(app, count) {
  const { runWithAuth } = require('@bss/policies');
  const { CreatePartnerCustomerCommand } = require('@bss/tmf');
  const ids = [];
  await runWithAuth({ actor: 'bench-setup', channel: 'system', serviceIdentity: 'partner_acme' }, async () => {
    for (let i = 0; i < count; i += 1) {
      const tag = randomBytes(4).toString('hex');
      const customer = await app.get(CreatePartnerCustomerCommand).execute({ givenName: 'Bench', familyName: `Partner ${i}`, email: `bench.${tag}@example.com` });
      await makeOrderable(app, customer.id, tag);
      ids.push(customer.id);
    }
  });
  return ids;
}

async function main() {
  const connections = intOption('connections', 32);
  const duration = intOption('duration', 10);
  const orders = intOption('orders', 100);
  const { app, base, orderServerMs, stop } = await bootTmfApi();
  const headers = { 'x-bss-api-token': process.env.BSS_PARTNER_ACME_API_TOKEN };
  try {
    const url = `${base}${CATALOG}/productOffering`;
    await measuredLoad({ url, headers, connections, duration: 3 });
    const list = await measuredLoad({ url, headers, connections, duration });

    const customers = await prepareCustomers(app, orders);
    const clientMs = [];
    for (const customerId of customers) {
      const started = performance.now();
      const res = await fetch(`${base}${ORDERING}/productOrder`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ relatedParty: [{ id: customerId, role: 'customer' }], orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_M' } }] }),
      });
      await res.text();
      if (res.status !== 201) throw new Error(`POST productOrder answered ${res.status}`);
      clientMs.push(performance.now() - started);
    }
    const server = [...orderServerMs].sort((a, b) => a - b);
    const client = [...clientMs].sort((a, b) => a - b);
    const round = (n) => Math.round(n * 10) / 10;
    const report = {
      getProductOffering: {
        connections,
        durationSeconds: duration,
        requests: list.requests.total,
        non2xx: list.non2xx,
        errors: list.errors,
        reqPerSec: Math.round(list.requests.average),
        latencyMs: { p50: list.latency.p50, p90: list.latency.p90, p99: list.latency.p99, max: list.latency.max },
        serverCpuMsPerRequest: Math.round(list.cpuMsPerRequest * 1000) / 1000,
        goalP99Under20ms: list.latency.p99 < 20,
      },
      postProductOrder: {
        orders: server.length,
        sequential: true,
        serverMs: { p50: round(percentile(server, 50)), p90: round(percentile(server, 90)), p99: round(percentile(server, 99)), max: round(server.at(-1)) },
        clientMs: { p50: round(percentile(client, 50)), p99: round(percentile(client, 99)) },
      },
    };
    console.log(JSON.stringify(report, null, 2));
    if (list.non2xx || list.errors) process.exitCode = 1;
  } finally {
    await stop();
  }
}

if (process.argv.includes('--load-child')) {
  process.once('message', (opts) =>
    runLoad({ ...opts, workers: 0 })
      .then((result) => process.send({ result: { requests: result.requests, latency: result.latency, non2xx: result.non2xx, errors: result.errors } }, () => process.exit(0)))
      .catch((error) => process.send({ error: String(error) }, () => process.exit(1))),
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
