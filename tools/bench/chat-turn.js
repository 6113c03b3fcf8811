#!/usr/bin/env node
// The customer chat end to end, as the portal uses it: POST /v1/chat/turns to the chat-agent
// service over HTTP (named portal token), then its SSE stream, for "how much data do I have left"
// with the offline model, against a throwaway embedded Postgres. Per turn: time to the first SSE
// frame and to the final reply (the `message` frame). Goal: p50 < 150 ms to the final reply.
// Needs the built libs and apps: `npx nx run-many -t build` first.
// Usage: node tools/bench/chat-turn.js [--turns 100] [--warmup 10]
process.env.BSS_LOG_LEVEL ??= 'warn';
process.env.BSS_API_TOKEN ??= 'b'.repeat(48);
process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN ??= 'p'.repeat(48);
process.env.BSS_CHAT_RATE_PER_CUSTOMER_PER_HOUR = '1000000';
process.env.BSS_LLM_PROVIDER = 'offline';
require('reflect-metadata');
const http = require('node:http');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { intOption, startBenchDatabase } = require('./bench-support');
const { Database } = require('@bss/platform');
const { createHttpApp } = require('@bss/web');
const { CatalogQueries } = require('@bss/catalog');
const { CreateCustomerCommand } = require('@bss/crm');
const { ReserveLineResourcesCommand } = require('@bss/inventory');
const { AddPaymentCardCommand } = require('@bss/payment');
const { ActivateSubscriptionCommand } = require('@bss/subscription');
const { Clock } = require('@bss/platform');
const { APP_DEFINITION } = require(join(__dirname, '..', '..', 'apps', 'chat-agent', 'dist', 'app.definition.js'));

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
};
const ms = (n) => `${n.toFixed(1)} ms`;

function post(port, path, body) {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bss-api-token': process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, json: await res.json() }));
}

/** Reads the SSE stream; resolves with the times of the first frame and of the `message` frame. */
function stream(port, turnId, ownerKey, started) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/v1/chat/turns/${turnId}/events?ownerKey=${ownerKey}`, headers: { 'x-bss-api-token': process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN } }, (res) => {
      let first;
      let final;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        first ??= performance.now() - started;
        buffer += chunk;
        if (final === undefined && buffer.includes('event: message')) final = performance.now() - started;
      });
      res.on('end', () => (final === undefined ? reject(new Error(`no reply in: ${buffer}`)) : resolve({ first, final })));
    });
    req.on('error', reject);
  });
}

async function main() {
  const turns = intOption('turns', 100);
  const warmup = intOption('warmup', 10);
  const database = await startBenchDatabase();
  let app;
  try {
    app = await createHttpApp(APP_DEFINITION.module({ databaseUrl: database.url, workers: false }), { logRequests: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = app.getHttpServer().address().port;
    await app.get(Database).seed();
    const get = (type) => app.get(type, { strict: false });
    const customer = await get(CreateCustomerCommand).execute({ givenName: 'Bench', familyName: 'Chat', email: 'bench.chat@example.com' });
    const card = await get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
    const held = await get(ReserveLineResourcesCommand).execute({});
    const price = await get(CatalogQueries).activePrice('PLAN_M', await get(Clock).now());
    const { subscription } = await get(ActivateSubscriptionCommand).execute({
      commercialOrderId: 'ORD-BENCH-CHAT',
      customerId: customer.id,
      offeringId: 'PLAN_M',
      msisdn: held.msisdn,
      iccid: held.iccid,
      paymentMethodId: card.id,
      priceSnapshot: { priceAmount: price.amount, priceCurrency: price.currency, priceOfferingPriceId: price.id },
    });
    const ownerKey = subscription.customerId;
    const firsts = [];
    const finals = [];
    for (let i = 0; i < warmup + turns; i += 1) {
      // Each turn starts a fresh conversation, so every turn does the same work (no growing history).
      await post(port, '/v1/chat/reset', { ownerKey });
      const started = performance.now();
      const res = await post(port, '/v1/chat/turns', { ownerKey, message: 'how much data do I have left' });
      if (res.status !== 202) throw new Error(`turn refused: ${res.status} ${JSON.stringify(res.json)}`);
      const t = await stream(port, res.json.turnId, ownerKey, started);
      if (i >= warmup) {
        firsts.push(t.first);
        finals.push(t.final);
      }
    }
    const first = stats(firsts);
    const final = stats(finals);
    process.stdout.write(
      [
        `chat turn over HTTP + SSE, offline model, "how much data do I have left" (${turns} turns after ${warmup} warm-up)`,
        `  first SSE frame   p50 ${ms(first.p50)}  p90 ${ms(first.p90)}  p99 ${ms(first.p99)}`,
        `  final reply       p50 ${ms(final.p50)}  p90 ${ms(final.p90)}  p99 ${ms(final.p99)}   (goal p50 < 150 ms)`,
        '',
      ].join('\n'),
    );
    process.exitCode = final.p50 < 150 ? 0 : 1;
  } finally {
    await app?.close();
    await database.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
