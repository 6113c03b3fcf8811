#!/usr/bin/env node
// Renewal sweep (issue #4): starts a throwaway embedded Postgres, migrates + seeds, creates C
// customers with a card each, inserts N due subscriptions directly with SQL (setup speed: lines
// on PLAN_S/M/L spread over the customers, balances half used, renewal due a minute ago), then
// times ONE sweep — `RenewalSweep.tick()` in each of P worker processes at once over the same
// database (claim with SKIP LOCKED, charge each line once under a per-boundary payment idempotency
// key, reset balances, advance the period). Checks every line renewed exactly once with one
// approved charge, and that a further tick does nothing. Goal: 10,000 in < 20 s.
// Needs the built libs: `npx nx run-many -t build` first.
// Usage: node tools/bench/renewal.js [--subscriptions 10000] [--customers 100] [--processes 1] [--pool 20]
process.env.BSS_LOG_LEVEL ??= 'warn';
process.env.BSS_RENEWAL_REMINDER_LOOKAHEAD_SECONDS ??= '0';
require('reflect-metadata');
const { fork } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { bootBenchApp, intOption, startBenchDatabase } = require('./bench-support');
const { Clock, Database } = require('@bss/platform');
const { CreateCustomerCommand } = require('@bss/crm');
const { AddPaymentCardCommand } = require('@bss/payment');
const { RenewalSweep, SubscriptionModule } = require('@bss/subscription');


const PLANS = [
  { offeringId: 'PLAN_S', priceId: 'PRICE_PLAN_S', amount: '10.00', allowances: [['data', 5120, 'mb'], ['voice', 100, 'minutes'], ['sms', 100, 'count'], ['data_roaming', 0, 'mb']] },
  { offeringId: 'PLAN_M', priceId: 'PRICE_PLAN_M', amount: '25.00', allowances: [['data', 30720, 'mb'], ['voice', -1, 'minutes'], ['sms', -1, 'count'], ['data_roaming', 500, 'mb']] },
  { offeringId: 'PLAN_L', priceId: 'PRICE_PLAN_L', amount: '45.00', allowances: [['data', 153600, 'mb'], ['voice', -1, 'minutes'], ['sms', -1, 'count'], ['data_roaming', 2048, 'mb']] },
];

function bootApp(url, pool) {
  return bootBenchApp(url, { contextModule: SubscriptionModule, poolSize: pool });
}

/** A second (third…) worker process: boots over the same database and sweeps when told to. */
async function sweepWorker(url, pool) {
  const app = await bootApp(url, pool);
  process.on('message', async (message) => {
    if (message !== 'go') return;
    const result = await app.get(RenewalSweep).tick();
    process.send({ renewed: result.renewed.length, declined: result.declined.length, failed: result.failed.length });
    await app.close();
    process.exit(0);
  });
  process.send('ready');
}

async function main() {
  if (process.env.BENCH_RENEWAL_WORKER_URL) return sweepWorker(process.env.BENCH_RENEWAL_WORKER_URL, intOption('pool', 20));
  const count = intOption('subscriptions', 10_000);
  const processes = intOption('processes', 1);
  const customerCount = intOption('customers', 100);
  const pool = intOption('pool', 20);

  const database = await startBenchDatabase();
  let app;
  try {
    const url = database.url;
    app = await bootApp(url, pool);
    const db = app.get(Database);
    await db.seed();
    const clock = app.get(Clock);
    await clock.freeze('2026-03-01T00:00:00Z');

    process.stderr.write(`creating ${customerCount} customers with a card…\n`);
    const customers = [];
    for (let i = 0; i < customerCount; i++) {
      const customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Bench', familyName: `Renewal ${i}`, email: `renewal.${i}@example.com` });
      await app.get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
      customers.push(customer.id);
    }

    process.stderr.write(`inserting ${count} due subscriptions…\n`);
    const due = new Date('2026-02-28T23:59:00Z');
    const started = new Date(due.getTime() - 30 * 86_400_000);
    const subs = Array.from({ length: count }, (_, i) => {
      const plan = PLANS[i % PLANS.length];
      return { id: `SUB-${String(i + 1).padStart(5, '0')}`, customerId: customers[i % customerCount], plan, msisdn: String(80_000_000 + i), iccid: `89999${String(i).padStart(14, '0')}` };
    });
    await db.query(`select setval('subscription.subscription_seq', $1)`, [count]);
    for (let from = 0; from < subs.length; from += 1000) {
      const chunk = subs.slice(from, from + 1000);
      await db.query(
        `insert into subscription.subscription
           (id, customer_id, offering_id, msisdn, iccid, commercial_order_id, state, activated_at, current_period_start, current_period_end,
            next_renewal_at, price_amount, price_currency, price_offering_price_id, discount_periods_remaining, created_at, updated_at)
         select id, customer_id, offering_id, msisdn, iccid, 'ORD-B' || id, 'active', $6, $6, $7, $7, amount::numeric, 'SGD', price_id, 0, $6, $6
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $8::text[], $9::text[]) as s(id, customer_id, offering_id, msisdn, iccid, amount, price_id)`,
        [chunk.map((s) => s.id), chunk.map((s) => s.customerId), chunk.map((s) => s.plan.offeringId), chunk.map((s) => s.msisdn), chunk.map((s) => s.iccid), started, due,
          chunk.map((s) => s.plan.amount), chunk.map((s) => s.plan.priceId)],
      );
      const balances = chunk.flatMap((s) => s.plan.allowances.map(([type, total, unit]) => ({ id: `${s.id}-${type.toUpperCase()}`, subId: s.id, type, total, unit })));
      await db.query(
        `insert into subscription.bundle_balance (id, subscription_id, allowance_type, total, consumed, unit, period_start, period_end, updated_at)
         select id, sub_id, type, total, case when total > 0 then total / 2 else 0 end, unit, $6, $7, $6
           from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) as b(id, sub_id, type, total, unit)`,
        [balances.map((b) => b.id), balances.map((b) => b.subId), balances.map((b) => b.type), balances.map((b) => b.total), balances.map((b) => b.unit), started, due],
      );
    }

    const others = await Promise.all(
      Array.from({ length: processes - 1 }, () => {
        const child = fork(__filename, process.argv.slice(2), { env: { ...process.env, BENCH_RENEWAL_WORKER_URL: url } });
        return new Promise((resolve, reject) => {
          child.once('message', (m) => (m === 'ready' ? resolve(child) : reject(new Error(String(m)))));
          child.once('error', reject);
        });
      }),
    );
    process.stderr.write(`sweeping in ${processes} process(es)…\n`);
    const sweep = app.get(RenewalSweep);
    const t0 = performance.now();
    const [own, ...theirs] = await Promise.all([
      sweep.tick(),
      ...others.map((child) => new Promise((resolve) => {
        child.once('message', resolve);
        child.send('go');
      })),
    ]);
    const seconds = (performance.now() - t0) / 1000;
    const first = {
      renewed: own.renewed.length + theirs.reduce((n, r) => n + r.renewed, 0),
      declined: own.declined.length + theirs.reduce((n, r) => n + r.declined, 0),
      failed: own.failed.length + theirs.reduce((n, r) => n + r.failed, 0),
    };
    const second = await sweep.tick();

    const [check] = await db.query(
      `select (select count(*) from subscription.subscription where state = 'active' and next_renewal_at = '2026-03-31T00:00:00Z')::int as renewed,
              (select count(*) from payment.payment_attempt where purpose = 'renewal' and status = 'approved')::int as charges,
              (select count(distinct idempotency_key) from payment.payment_attempt where purpose = 'renewal')::int as keys,
              (select count(*) from subscription.bundle_balance where consumed <> 0)::int as unreset,
              (select count(*) from audit.domain_event where event_type = 'subscription.renewed' and actor = 'system:renewal_worker')::int as events`,
    );
    const report = {
      subscriptions: count,
      processes,
      seconds: Number(seconds.toFixed(2)),
      renewalsPerSecond: Math.round(first.renewed / seconds),
      renewed: first.renewed,
      declined: first.declined,
      failed: first.failed,
      secondTickRenewed: second.renewed.length,
      linesOnNewPeriod: check.renewed,
      approvedCharges: check.charges,
      exactlyOnce: check.renewed === count && check.charges === count && check.keys === count && check.unreset === 0 && check.events === count && second.renewed.length === 0,
      goalSeconds: 20,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (own.failed.length) process.stderr.write(`first failure: ${JSON.stringify(own.failed[0])}\n`);
    if (!report.exactlyOnce) process.exitCode = 1;
  } finally {
    await app?.close();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
