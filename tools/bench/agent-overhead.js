#!/usr/bin/env node
// The agent's own overhead per turn: a fixture-model turn (spec §7) that calls one real read tool
// (customer.list) and answers, against a throwaway embedded Postgres. Per turn it times the whole
// turn (bind tools, gate, validate, run under the auth context, serialise + compact, bails,
// the agent.turn_completed audit row) and, right after, the same query called directly; the
// difference is what the agent adds beyond the tool's own time. Goal: p50 < 20 ms.
// Needs the built libs: `npx nx run-many -t build` first.
// Usage: node tools/bench/agent-overhead.js [--turns 300] [--warmup 30]
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { mkdtempSync, writeFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { bootBenchApp, intOption, startBenchDatabase } = require('./bench-support');
const { Database } = require('@bss/platform');
const { BssCoreModule } = require('@bss/core');
const { CreateCustomerCommand, CustomerQueries } = require('@bss/crm');
const { AgentRunner, createChatModel } = require('@bss/agent');

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
};
const ms = (n) => `${n.toFixed(2)} ms`;

async function main() {
  const turns = intOption('turns', 300);
  const warmup = intOption('warmup', 30);
  const database = await startBenchDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'bss-bench-agent-'));
  let app;
  try {
    app = await bootBenchApp(database.url, { contextModule: BssCoreModule, poolSize: 4 });
    await app.get(Database).seed();
    for (let i = 0; i < 20; i += 1) {
      await app.get(CreateCustomerCommand).execute({ givenName: `Bench${i}`, familyName: 'Customer', email: `bench${i}@example.com` });
    }
    const fixture = join(dir, 'fixture.json');
    writeFileSync(
      fixture,
      JSON.stringify({ responses: [{ match: 'list customers', steps: [{ tool_calls: [{ name: 'customer.list', args: { limit: 20 } }] }, { content: 'Here they are.' }] }] }),
    );
    const runner = AgentRunner.boot(app);
    const queries = app.get(CustomerQueries);
    const caller = { actor: 'bench-operator', channel: 'cli', serviceIdentity: 'operator_cockpit' };

    const totals = [];
    const spans = [];
    const direct = [];
    const overhead = [];
    for (let i = 0; i < warmup + turns; i += 1) {
      const model = createChatModel({ BSS_LLM_PROVIDER: 'fixture', BSS_LLM_FIXTURE_PATH: fixture });
      const started = performance.now();
      let last;
      let spanStart = 0;
      let span = 0;
      for await (const event of runner.runTurn({ prompt: 'list customers', profile: 'operator_cockpit', caller, allowDestructive: false, autonomy: 'granular', model })) {
        if (event.type === 'tool_call_started') spanStart = performance.now();
        if (event.type === 'tool_call_completed') span = performance.now() - spanStart;
        last = event;
      }
      const total = performance.now() - started;
      if (last.type !== 'final_message') throw new Error(`turn ended with ${JSON.stringify(last)}`);
      const queryStarted = performance.now();
      await queries.list({ limit: 20 });
      const tool = performance.now() - queryStarted;
      if (i >= warmup) {
        totals.push(total);
        spans.push(span);
        direct.push(tool);
        overhead.push(total - tool);
      }
    }
    const t = stats(totals);
    const s = stats(spans);
    const d = stats(direct);
    const o = stats(overhead);
    console.log(`agent turns: ${turns} (after ${warmup} warm-up), fixture model, one customer.list call per turn`);
    console.log(`  whole turn          p50 ${ms(t.p50)}  p90 ${ms(t.p90)}  p99 ${ms(t.p99)}`);
    console.log(`  executor span       p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p99 ${ms(s.p99)}  (validate + run under auth + serialise + compact)`);
    console.log(`  tool's own time     p50 ${ms(d.p50)}  p90 ${ms(d.p90)}  p99 ${ms(d.p99)}  (CustomerQueries.list called directly)`);
    console.log(`  agent overhead      p50 ${ms(o.p50)}  p90 ${ms(o.p90)}  p99 ${ms(o.p99)}  (goal p50 < 20 ms)`);
  } finally {
    if (app) await app.close();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
