#!/usr/bin/env node
// GET /plans under load: 32 connections with autocannon against the real portal (built dist) on a
// throwaway embedded Postgres. Goal: p99 < 20 ms and >= 2,000 req/s.
// Needs the built libs and apps: `npx nx run-many -t build` first.
// Usage: node tools/bench/plans.js [--connections 32] [--duration 10]
const { intOption, runLoad } = require('./bench-support');
const { bootPortal } = require('./signup-plans.boot');

async function main() {
  const connections = intOption('connections', 32);
  const duration = intOption('duration', 10);
  const { base, stop } = await bootPortal({ workers: false });
  try {
    // Warm-up: compile templates, fill pools and JIT.
    await runLoad({ url: `${base}/plans`, connections, duration: 3 });
    const result = await runLoad({ url: `${base}/plans`, connections, duration });
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
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
