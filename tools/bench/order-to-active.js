#!/usr/bin/env node
// Order → active line latency (issue #4): starts a throwaway embedded Postgres, migrates + seeds,
// prepares N ordering customers (KYC attested, card on file), then places N orders and times each
// from PlaceOrder until the order is `completed` (line active, first charge taken), with zero
// simulated provisioning delay. Reports p50/p90/p99 and checks one line and one charge per order.
//   --mode workers (default): the durable jobs run on the queue's own workers (NOTIFY wake-up),
//                             as in the running system;
//   --mode drain:             the placing process drains the chain itself (`bss order create --wait`).
// Needs the built libs: `npx nx run-many -t build` first.
// Usage: node tools/bench/order-to-active.js [--count 200] [--concurrency 1] [--mode workers|drain]
process.env.BSS_LOG_LEVEL ??= 'warn';
process.env.BSS_PROVISIONING_DELAY_SCALE = '0';
require('reflect-metadata');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { bootBenchApp, intOption, startBenchDatabase } = require('./bench-support');
const { setTimeout: sleep } = require('node:timers/promises');
const { Database, JobQueue } = require('@bss/platform');
const { runWithAuth } = require('@bss/policies');
const { AttestKycCommand, CreateCustomerCommand } = require('@bss/crm');
const { AddPaymentCardCommand } = require('@bss/payment');
const { ORDER_CHAIN_QUEUES, OrdersModule, CreateOrderCommand } = require('@bss/orders');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

function positive(name, fallback) {
  const value = Number(option(name, fallback));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const count = positive('count', 200);
  const concurrency = positive('concurrency', 1);
  const mode = option('mode', 'workers');
  if (!['workers', 'drain'].includes(mode)) throw new Error('--mode must be workers or drain');
  if (count > 900) throw new Error('--count at most 900 (the seeded eSIM pool holds 1000 profiles)');

  const database = await startBenchDatabase();
  let app;
  try {
    const url = database.url;
    app = await bootBenchApp(url, { contextModule: OrdersModule, poolSize: 30, workers: mode === 'workers' });
    const db = app.get(Database);
    await db.seed();

    process.stderr.write(`preparing ${count} customers…\n`);
    const customers = [];
    for (let i = 0; i < count; i++) {
      const customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Bench', familyName: `Customer ${i}`, email: `bench.${i}@example.com` });
      await app.get(AttestKycCommand).execute({
        customerId: customer.id,
        provider: 'prebaked',
        providerReference: `bench-${i}`,
        documentType: 'passport',
        documentNumber: `B${String(i).padStart(8, '0')}`,
        attestationPayload: { signature: `bench-${i}` },
      });
      await app.get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
      customers.push(customer.id);
    }

    const place = app.get(CreateOrderCommand);
    const jobs = app.get(JobQueue);
    const offerings = ['PLAN_S', 'PLAN_M', 'PLAN_L'];
    const latencies = [];
    const settled = { completed: 0, other: 0 };

    async function oneOrder(i) {
      const started = performance.now();
      const order = await runWithAuth({ actor: 'bench', channel: 'cli' }, () => place.execute({ customerId: customers[i], offeringId: offerings[i % 3] }));
      for (;;) {
        if (mode === 'drain') await jobs.drain([...ORDER_CHAIN_QUEUES]);
        const [row] = await db.query(`select state from orders.product_order where id = $1`, [order.id]);
        if (row.state !== 'in_progress') {
          latencies.push(performance.now() - started);
          settled[row.state === 'completed' ? 'completed' : 'other']++;
          return;
        }
        if (mode === 'workers') await sleep(1);
      }
    }

    process.stderr.write(`placing ${count} orders (${mode}, concurrency ${concurrency})…\n`);
    let next = 0;
    const wallStart = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await oneOrder(next++);
      }),
    );
    const wallSeconds = (performance.now() - wallStart) / 1000;

    const [check] = await db.query(
      `select (select count(*) from subscription.subscription)::int as lines,
              (select count(*) from payment.payment_attempt where purpose = 'activation')::int as charges,
              (select count(*) from payment.payment_attempt where purpose = 'activation' and status = 'approved')::int as approved`,
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const ms = (v) => Number(v.toFixed(1));
    const report = {
      orders: count,
      mode,
      concurrency,
      completed: settled.completed,
      notCompleted: settled.other,
      p50Ms: ms(percentile(sorted, 50)),
      p90Ms: ms(percentile(sorted, 90)),
      p99Ms: ms(percentile(sorted, 99)),
      maxMs: ms(sorted[sorted.length - 1]),
      meanMs: ms(sorted.reduce((a, b) => a + b, 0) / sorted.length),
      ordersPerSecond: Number((count / wallSeconds).toFixed(1)),
      lines: check.lines,
      activationCharges: check.charges,
      approvedCharges: check.approved,
      goalP50Under300Ms: percentile(sorted, 50) < 300,
    };
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = settled.completed === count && check.lines === count && check.charges === count ? 0 : 1;
  } finally {
    await app?.close();
    // pg-boss closes its pool shortly after stop() resolves; stopping Postgres under it only makes noise.
    await sleep(1500);
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
