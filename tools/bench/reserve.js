#!/usr/bin/env node
// Concurrency benchmark for line reservation (invariant 32): starts a throwaway embedded Postgres,
// migrates + seeds, adds a range so enough numbers are free, then fires N concurrent
// ReserveLineResources commands over a pool of P connections and reports reservations/s and
// duplicates (must be 0). Needs the built libs: `npx nx run-many -t build` first.
// Usage: node tools/bench/reserve.js [--count 1000] [--pool 20]
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { performance } = require('node:perf_hooks');
const { bootBenchApp, intOption, startBenchDatabase } = require('./bench-support');
const { Database } = require('@bss/platform');
const { AddMsisdnRangeCommand, InventoryModule, InventoryQueries, ReserveLineResourcesCommand } = require('@bss/inventory');


async function main() {
  const count = intOption('count', 1000);
  const pool = intOption('pool', 20);
  const database = await startBenchDatabase();
  let app;
  try {
    const url = database.url;
    app = await bootBenchApp(url, { contextModule: InventoryModule, poolSize: pool });
    await app.get(Database).seed();
    const queries = app.get(InventoryQueries);
    // The seed has exactly 1000 eSIMs; numbers get headroom so the run is not also a pool-exhaustion test.
    const free = (await queries.countMsisdns()).available;
    if (free < count + 100) await app.get(AddMsisdnRangeCommand).execute({ prefix: '9100', count: Math.min(10_000, count + 100 - free) });
    const esimsFree = (await queries.listEsims({ state: 'available', limit: 1000 })).length;
    if (esimsFree < Math.min(count, 1000)) throw new Error(`only ${esimsFree} eSIMs available`);

    const reserve = app.get(ReserveLineResourcesCommand);
    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: count }, () => reserve.execute({})));
    const seconds = (performance.now() - started) / 1000;

    const lines = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason?.rule ?? o.reason?.message);
    const duplicates = (values) => values.length - new Set(values).size;
    const [held] = await app.get(Database).query(
      `select (select count(*) from inventory.msisdn where status = 'reserved')::int as msisdns,
              (select count(*) from inventory.esim_profile where profile_state = 'reserved')::int as esims`,
    );
    const report = {
      reservations: lines.length,
      failed: failures.length,
      connectionPool: pool,
      seconds: Number(seconds.toFixed(3)),
      reservationsPerSecond: Math.round(lines.length / seconds),
      duplicateMsisdns: duplicates(lines.map((l) => l.msisdn)),
      duplicateIccids: duplicates(lines.map((l) => l.iccid)),
      heldInDatabase: held,
    };
    console.log(JSON.stringify(report, null, 2));
    if (failures.length) console.log(`failures: ${[...new Set(failures)].join(', ')}`);
    process.exitCode = report.duplicateMsisdns || report.duplicateIccids || held.msisdns !== lines.length || held.esims !== lines.length ? 1 : 0;
  } finally {
    await app?.close();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
