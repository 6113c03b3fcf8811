#!/usr/bin/env node
// GET /plans under load: 32 connections with autocannon against the real portal (built dist) on a
// throwaway embedded Postgres. Goal: p99 < 20 ms and >= 2,000 req/s.
// Needs the built libs and apps: `npx nx run-many -t build` first.
// Usage: node tools/bench/plans.js [--connections 32] [--duration 10]
const autocannon = require('autocannon');
const { bootPortal } = require('./signup-plans.boot');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function run(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (error, result) => (error ? reject(error) : resolve(result))));
}

async function main() {
  const connections = option('connections', 32);
  const duration = option('duration', 10);
  const { base, stop } = await bootPortal({ workers: false });
  try {
    // Warm-up: compile templates, fill pools and JIT.
    await run({ url: `${base}/plans`, connections, duration: 3 });
    // The load generator runs in a worker thread so it does not share the server's event loop.
    const result = await run({ url: `${base}/plans`, connections, duration, workers: 1 });
    const report = {
      route: 'GET /plans',
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      reqPerSec: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      goals: { p99Under20ms: result.latency.p99 < 20, atLeast2000ReqPerSec: result.requests.average >= 2000 },
    };
    console.log(JSON.stringify(report, null, 2));
    if (result.non2xx || result.errors) process.exitCode = 1;
  } finally {
    // Let the load generator's last in-flight requests finish before the pool closes.
    await new Promise((r) => setTimeout(r, 1000));
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
