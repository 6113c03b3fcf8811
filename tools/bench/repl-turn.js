#!/usr/bin/env node
// A model-free REPL turn in a warm process: what an operator waits for after typing a listing
// ("list customers", "show plans", "show orders", "port requests") or a slash command (/360,
// /sessions) in `bss`. Each turn goes through CockpitRepl.handle exactly as typed: the
// direct-intent route, the tool executor, the ASCII card, and the user + tool rows written to the
// conversation store. Against a throwaway embedded Postgres with 20 customers.
// Goal (issue #14): every such turn < 200 ms. Needs the built libs: `npx nx run-many -t build` first.
// Usage: node tools/bench/repl-turn.js [--turns 200] [--warmup 20]
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { join } = require('node:path');
const { PassThrough, Readable } = require('node:stream');
const { performance } = require('node:perf_hooks');
const { Module } = require('@nestjs/common');
const { bootBenchApp, intOption, startBenchDatabase } = require('./bench-support');
const { Database } = require('@bss/platform');
const { BssCoreModule } = require('@bss/core');
const { ConversationModule, ConversationStore, SessionTurnService } = require('@bss/conversation');
const { CreateCustomerCommand } = require('@bss/crm');
const { createChatModel } = require('@bss/agent');
const { CockpitRepl } = require(join(__dirname, '../../apps/bss/dist/repl/cockpit-repl.js'));

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n) => `${n.toFixed(1)} ms`;

async function main() {
  const turns = intOption('turns', 200);
  const warmup = intOption('warmup', 20);
  const database = await startBenchDatabase();
  let app;
  try {
    class CockpitBenchModule {}
    Module({ imports: [BssCoreModule, ConversationModule] })(CockpitBenchModule);
    app = await bootBenchApp(database.url, { contextModule: CockpitBenchModule, poolSize: 4 });
    await app.get(Database).seed();
    let customerId;
    for (let i = 0; i < 20; i += 1) {
      const c = await app.get(CreateCustomerCommand).execute({ givenName: `Bench${i}`, familyName: 'Operator', email: `repl${i}@example.com` });
      customerId ??= c.id;
    }
    const output = new PassThrough();
    output.resume(); // discard what the REPL prints
    const repl = new CockpitRepl(app.get(ConversationStore), app.get(SessionTurnService), { input: Readable.from([]), output, interactive: false }, {
      caller: { actor: 'bench-operator', channel: 'cli-repl', serviceIdentity: 'operator_cockpit' },
      autonomy: 'granular',
      allowDestructive: false,
      // Never called: every line below is answered without a model.
      model: createChatModel({ BSS_LLM_PROVIDER: 'offline' }),
    });
    await repl.start({ fresh: true, label: 'bench' });
    const lines = ['list customers', 'show plans', 'show orders', 'port requests', 'show vas', `/360 ${customerId}`, '/sessions'];
    const byLine = new Map(lines.map((l) => [l, []]));
    for (let i = 0; i < warmup + turns; i += 1) {
      const line = lines[i % lines.length];
      const started = performance.now();
      await repl.handle(line);
      if (i >= warmup) byLine.get(line).push(performance.now() - started);
    }
    const all = [...byLine.values()].flat().sort((a, b) => a - b);
    console.log(`model-free REPL turns: ${turns} (after ${warmup} warm-up), warm process, ${lines.length} kinds of line, rows persisted`);
    for (const [line, values] of byLine) {
      const sorted = values.sort((a, b) => a - b);
      console.log(`  ${line.replace(customerId, 'CUST-…').padEnd(18)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  max ${ms(sorted.at(-1))}`);
    }
    const p95 = percentile(all, 95);
    console.log(`  all                p50 ${ms(percentile(all, 50))}  p95 ${ms(p95)}  max ${ms(all.at(-1))}  (goal < 200 ms: ${p95 < 200 ? 'met' : 'MISSED'} at p95)`);
  } finally {
    if (app) await app.close();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
