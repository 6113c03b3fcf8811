#!/usr/bin/env node
// Usage rating throughput (issue #4): starts a throwaway embedded Postgres, migrates + seeds,
// activates L lines on PLAN_L (150 GB of data each), then pushes E usage events through
// SimulateUsageCommand — mediation checks, dedupe by event id, rating, `FOR UPDATE` consume, one
// audit row each — with C events in flight (a mediation feed), spread round-robin over the lines;
// concurrent events share transactions through the UsageBatcher. Reports sustained events/s and
// checks every line's final balance is exact (consumed = Σ quantities, one usage row per event).
// Goal: ≥ 5,000 events/s.
// Needs the built libs: `npx nx run-many -t build` first.
// Correct refusals (a line's roaming bucket running out) are counted as `rejected`, apart from
// `failed`, and checked against the number the traffic plan predicts.
// Usage: node tools/bench/rating.js [--events 50000] [--lines 40] [--concurrency 200] [--pool 40] [--seed 18]
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { performance } = require('node:perf_hooks');
const { bootBenchApp, intOption, startBenchDatabase } = require('./bench-support');
const { Database } = require('@bss/platform');
const { CatalogQueries } = require('@bss/catalog');
const { CreateCustomerCommand } = require('@bss/crm');
const { ReserveLineResourcesCommand } = require('@bss/inventory');
const { AddPaymentCardCommand } = require('@bss/payment');
const { ActivateSubscriptionCommand, SimulateUsageCommand, SubscriptionModule, SubscriptionQueries } = require('@bss/subscription');

const ROAMING_EXHAUSTED = 'subscription.usage_rated.roaming_balance_required';

/** mulberry32: a tiny seeded generator, so a run's traffic mix is the same every time. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const events = intOption('events', 50_000);
  const lines = intOption('lines', 40);
  const concurrency = intOption('concurrency', 200);
  const pool = intOption('pool', 40);

  const database = await startBenchDatabase();
  let app;
  try {
    const url = database.url;
    app = await bootBenchApp(url, { contextModule: SubscriptionModule, poolSize: pool });
    await app.get(Database).seed();

    process.stderr.write(`activating ${lines} lines…\n`);
    const price = await app.get(CatalogQueries).activePrice('PLAN_L', new Date());
    const subs = [];
    for (let i = 0; i < lines; i++) {
      const customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Bench', familyName: `Rating ${i}`, email: `rating.${i}@example.com` });
      const card = await app.get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
      const held = await app.get(ReserveLineResourcesCommand).execute({});
      const activation = await app.get(ActivateSubscriptionCommand).execute({
        commercialOrderId: `ORD-BENCH-${i}`,
        customerId: customer.id,
        offeringId: 'PLAN_L',
        msisdn: held.msisdn,
        iccid: held.iccid,
        paymentMethodId: card.id,
        priceSnapshot: { priceAmount: price.amount, priceCurrency: price.currency, priceOfferingPriceId: price.id },
      });
      subs.push(activation.subscription);
    }

    const record = app.get(SimulateUsageCommand);
    // Mixed traffic: mostly data (1–9 mb), some voice and sms on unlimited buckets, a little roaming
    // data. The event kind is drawn from a seeded generator, independently of the line (round-robin):
    // deriving both from i made every roaming event land on the same two lines whenever the line
    // count was a multiple of 10, and those lines ran out of roaming allowance.
    const random = seededRandom(intOption('seed', 18));
    const roamingTotal = (await app.get(SubscriptionQueries).get(subs[0].id)).balances.find((b) => b.allowanceType === 'data_roaming').total;
    const expected = new Map(subs.map((s) => [s.id, { data: 0, roamingEvents: 0 }]));
    const plan = Array.from({ length: events }, (_, i) => {
      const line = subs[i % lines];
      const kind = Math.floor(random() * 10);
      if (kind < 7) {
        const quantity = 1 + Math.floor(random() * 9);
        expected.get(line.id).data += quantity;
        return { msisdn: line.msisdn, eventType: 'data', quantity, eventId: `bench-${i}` };
      }
      if (kind === 7) {
        expected.get(line.id).roamingEvents += 1;
        return { msisdn: line.msisdn, eventType: 'data', quantity: 1, roamingIndicator: true, eventId: `bench-${i}` };
      }
      return { msisdn: line.msisdn, eventType: kind === 8 ? 'voice' : 'sms', quantity: 1, eventId: `bench-${i}` };
    });
    // A roaming bucket that runs out rejects the rest of that line's roaming (1 mb each, so how many is order-independent).
    const expectedRejected = [...expected.values()].reduce((sum, e) => sum + Math.max(0, e.roamingEvents - roamingTotal), 0);

    // Warm-up (JIT, pool, plans) outside the measurement, on separate event ids.
    await Promise.all(subs.map((s, i) => record.execute({ msisdn: s.msisdn, eventType: 'sms', quantity: 1, eventId: `warm-${i}` })));

    process.stderr.write(`rating ${events} events over ${lines} lines, ${concurrency} in flight…\n`);
    let next = 0;
    let failed = 0;
    let rejected = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < events) {
          const input = plan[next++];
          try {
            await record.execute(input);
          } catch (error) {
            // A correct refusal (the roaming bucket is empty) is no failure of the system under test.
            if (error.rule === ROAMING_EXHAUSTED) {
              rejected++;
              continue;
            }
            failed++;
            if (failed <= 3) process.stderr.write(`event failed: ${error.message}\n`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const queries = app.get(SubscriptionQueries);
    let exact = true;
    for (const s of subs) {
      const view = await queries.get(s.id);
      const data = view.balances.find((b) => b.allowanceType === 'data');
      const roaming = view.balances.find((b) => b.allowanceType === 'data_roaming');
      const want = expected.get(s.id);
      const wantRoaming = Math.min(want.roamingEvents, roamingTotal);
      if (data.consumed !== want.data || roaming.consumed !== wantRoaming || view.state !== 'active') {
        exact = false;
        process.stderr.write(`${s.id}: data ${data.consumed} (want ${want.data}), roaming ${roaming.consumed} (want ${wantRoaming}), ${view.state}\n`);
      }
    }
    const [rows] = await app.get(Database).query(`select count(*)::int as n from subscription.usage_event where event_id like 'bench-%'`);
    const report = {
      events,
      lines,
      concurrency,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(events / seconds),
      accepted: events - rejected - failed,
      rejected,
      expectedRejected,
      failed,
      usageRows: rows.n,
      balancesExact: exact && rows.n === events - rejected && rejected === expectedRejected && failed === 0,
      goalEventsPerSecond: 5000,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.balancesExact) process.exitCode = 1;
  } finally {
    await app?.close();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
