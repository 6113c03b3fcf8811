#!/usr/bin/env node
// The operator cockpit's customer 360 under load, against the real cockpit app (built dist) on a
// throwaway embedded Postgres, as a signed-in operator: p99 of GET /customers/<id> at 16
// connections with autocannon (goal < 50 ms). The customer has a line with usage, an order, cases
// with tickets, interactions, a card and contacts, so every panel's read runs.
// Latency depends on what else the machine runs (print `uptime` beside it); the CPU milliseconds per
// request do much less: the server's own (process.cpuUsage, with the load generator in a child
// process so it is not counted) and Postgres's (its processes' /proc times).
// Needs the built libs and apps: `npx nx run-many -t build` first.
// It also counts the SQL statements one page view sends (traced at the pg driver, so the session
// lookup and any BEGIN/COMMIT count too); --show-sql lists them (--full-sql untruncated), --explain
// prints Postgres's planning and execution time of each (--plans the whole plans).
// `--runs N` repeats the measured run N times on the same server and prints each run's p99 (how reliably the goal holds).
// Usage: node tools/bench/cockpit-360.js [--connections 16] [--duration 10] [--runs 1] [--show-sql] [--full-sql] [--explain] [--plans] [--cpu-profile FILE] [--heap-profile FILE]
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join } = require('node:path');
const { bootHttpBenchApp, intOption, makeOrderable, runLoad, stringOption } = require('./bench-support');

const root = join(__dirname, '..', '..');

/**
 * Every statement the server sends to Postgres while `recording` is set, from the pg driver's
 * client (so the session lookup, BEGIN/COMMIT and set_config count as much as the panels' reads).
 */
const statements = { recording: false, calls: [] };
function traceStatements() {
  const { Client } = require('pg');
  const query = Client.prototype.query;
  Client.prototype.query = function tracedQuery(config, ...rest) {
    if (statements.recording) {
      statements.calls.push(typeof config === 'string' ? { text: config, values: Array.isArray(rest[0]) ? rest[0] : [] } : { name: config?.name, text: config?.text ?? String(config), values: config?.values ?? [] });
    }
    return query.call(this, config, ...rest);
  };
}

async function bootCockpit() {
  process.env.BSS_API_TOKEN ??= randomBytes(32).toString('hex');
  process.env.BSS_PORTAL_TOKEN_PEPPER ??= randomBytes(32).toString('hex');
  process.env.BSS_PROVISIONING_DELAY_SCALE ??= '0';
  const { CockpitAppModule } = require(join(root, 'apps/cockpit/dist/app.module.js'));
  return bootHttpBenchApp((options) => CockpitAppModule.forRoot(options));
}

/** A customer with something in every panel, made through the same commands as everywhere. */
async function prepareCustomer(app) {
  const { CreateCustomerCommand, LogInteractionCommand, OpenCaseCommand, OpenTicketCommand } = require('@bss/crm');
  const { CreateOrderCommand } = require('@bss/orders');
  const { runWithAuth } = require('@bss/policies');
  const { JobQueue } = require('@bss/platform');
  const { SimulateUsageCommand, SubscriptionQueries } = require('@bss/subscription');
  return runWithAuth({ actor: 'bench-setup', channel: 'cli' }, async () => {
    const tag = randomBytes(4).toString('hex');
    const customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Bench', familyName: 'Threesixty', email: `bench.${tag}@example.com`, phone: '+6591230000' });
    await makeOrderable(app, customer.id, tag);
    await app.get(CreateOrderCommand).execute({ customerId: customer.id, offeringId: 'PLAN_M' });
    await app.get(JobQueue).drain();
    const [line] = await app.get(SubscriptionQueries).listForCustomer(customer.id);
    if (!line) throw new Error('the bench order did not activate a line');
    for (let i = 0; i < 10; i += 1) {
      await app.get(SimulateUsageCommand).execute({ msisdn: line.msisdn, eventType: 'data', quantity: 50, unit: 'mb' });
    }
    for (let i = 0; i < 5; i += 1) {
      const kase = await app.get(OpenCaseCommand).execute({ customerId: customer.id, subject: `Bench case ${i}` });
      await app.get(OpenTicketCommand).execute({ caseId: kase.id, ticketType: 'service_outage', subject: `Bench ticket ${i}` });
      await app.get(LogInteractionCommand).execute({ customerId: customer.id, summary: `Called about case ${kase.id}` });
    }
    return customer.id;
  });
}

/** An operator signed in through the same commands the sign-in routes call; returns the session cookie. */
async function operatorCookie(app) {
  const { AddOperatorCommand, StartLoginCommand, VerifyLoginCommand } = require('@bss/identity');
  const { EmailQueries } = require('@bss/notifications');
  const { runWithAuth } = require('@bss/policies');
  const email = 'bench-operator@ops.test';
  return runWithAuth({ actor: 'bench-setup', channel: 'portal-csr' }, async () => {
    await app.get(AddOperatorCommand).execute({ email, name: 'Bench Operator', role: 'admin' });
    await app.get(StartLoginCommand).execute({ email, audience: 'cockpit' });
    const [mail] = await app.get(EmailQueries).list({ to: email, kind: 'cockpit.login', limit: 1 });
    const code = /(\d{6})/.exec(mail.subject)[1];
    const result = await app.get(VerifyLoginCommand).execute({ email, code, audience: 'cockpit' });
    if (result.status !== 'ok') throw new Error(`bench sign-in failed: ${result.status}`);
    return `__Host-bss_cockpit_session=${result.sessionToken}`;
  });
}

/**
 * autocannon in a child process: a worker thread would share this process's CPU counters, and the
 * point of the CPU figure is what the server alone spends per request.
 */
function runLoadApart(opts) {
  if (process.argv[2] === '--load-child') throw new Error('nested load child');
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => (message.error ? reject(new Error(message.error)) : resolve(message.result)));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
    child.send(opts);
  });
}

const CLOCK_TICKS_PER_MS = 100 / 1000; // USER_HZ is 100 on Linux

/** CPU milliseconds (user + system) of every postgres process under this one, from /proc. */
function postgresCpuMs() {
  let ms = 0;
  const children = new Map();
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
      stats.set(Number(entry), { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended between readdir and read
    }
  }
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length) {
    const pid = queue.shift();
    const stat = stats.get(pid);
    if (stat && stat.name.startsWith('postgres')) ms += stat.ticks / CLOCK_TICKS_PER_MS;
    queue.push(...(children.get(pid) ?? []));
  }
  return ms;
}

/** `--explain`: each recorded statement's planning and execution time, as Postgres reports them. */
async function explainStatements(app) {
  const { Database } = require('@bss/platform');
  const db = app.get(Database);
  for (const { text, values } of statements.calls) {
    if (!/^\s*select/i.test(text)) continue;
    const rows = await db.query(`explain (analyze, summary) ${text}`, values);
    const summary = rows.map((r) => r['QUERY PLAN']).filter((line) => process.argv.includes('--plans') || /Planning Time|Execution Time/.test(line));
    console.log(`    ${summary.join(' · ')} — ${text.replace(/\s+/g, ' ').slice(0, 90)}`);
  }
}

/**
 * `--cpu-profile <file>` / `--heap-profile <file>`: a V8 CPU profile / sampled allocation profile of
 * the server during the measured run only (boot, seeding and warm-up left out), for Chrome DevTools
 * or speedscope.
 */
async function startProfiler(cpuFile, heapFile) {
  if (!cpuFile && !heapFile) return { stop: async () => undefined };
  const { Session } = require('node:inspector/promises');
  const session = new Session();
  session.connect();
  if (cpuFile) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  if (heapFile) {
    await session.post('HeapProfiler.enable');
    // Every allocation sampled, also what the next scavenge frees: that garbage is what the GC pays for.
    await session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  return {
    stop: async () => {
      if (cpuFile) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(cpuFile, JSON.stringify(profile));
        console.log(`  CPU profile of the measured run: ${cpuFile}`);
      }
      if (heapFile) {
        const { profile } = await session.post('HeapProfiler.stopSampling');
        writeFileSync(heapFile, JSON.stringify(profile));
        console.log(`  allocation profile of the measured run: ${heapFile}`);
      }
      session.disconnect();
    },
  };
}

async function main() {
  traceStatements();
  const connections = intOption('connections', 16);
  const duration = intOption('duration', 10);
  const runs = intOption('runs', 1);
  const { app, base, stop } = await bootCockpit();
  try {
    const customerId = await prepareCustomer(app);
    const cookie = await operatorCookie(app);
    const url = `${base}/customers/${customerId}`;
    await fetch(url, { headers: { cookie }, redirect: 'manual' }).then((response) => response.text());
    statements.recording = true;
    const probe = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const body = await probe.text();
    statements.recording = false;
    if (probe.status !== 200 || !body.includes('panel-lines')) throw new Error(`the 360 did not render for the bench operator: ${probe.status}`);
    await runLoadApart({ url, connections, duration: 2, headers: { cookie } }); // warm-up
    console.log(`GET /customers/<id> (customer 360, signed-in operator), ${connections} connections, ${duration} s${runs > 1 ? `, ${runs} runs` : ''}`);
    const clockReads = statements.calls.filter(({ text }) => /from platform\.clock/.test(text)).length;
    // The Clock re-reads its row at most every 250 ms, so whether this one request paid for it is luck.
    console.log(`  page: ${Buffer.byteLength(body)} bytes of HTML; SQL statements per request: ${statements.calls.length - clockReads}, plus the clock row at most every 250 ms`);
    if (process.argv.includes('--explain')) await explainStatements(app);
    if (process.argv.includes('--show-sql') || process.argv.includes('--full-sql')) {
      for (const { name, text } of statements.calls) console.log(`    ${name ? `[prepared ${name}] ` : ''}${text.replace(/\s+/g, ' ').slice(0, process.argv.includes('--full-sql') ? undefined : 300)}`);
    }
    const p99s = [];
    let non2xx = 0;
    for (let run = 1; run <= runs; run++) {
      const load = loadavg();
      const profiler = await startProfiler(run === 1 && stringOption('cpu-profile'), run === 1 && stringOption('heap-profile'));
      const serverBefore = process.cpuUsage();
      const postgresBefore = postgresCpuMs();
      const result = await runLoadApart({ url, connections, duration, headers: { cookie } });
      const server = process.cpuUsage(serverBefore);
      const postgresMs = postgresCpuMs() - postgresBefore;
      await profiler.stop();
      non2xx += result.non2xx + result.errors;
      const total = result.requests.total;
      p99s.push(result.latency.p99);
      if (runs > 1) console.log(`  run ${run}:`);
      console.log(`  machine load average before the run (1/5/15 min): ${load.map((l) => l.toFixed(2)).join(' ')}, on a ${require('node:os').availableParallelism()}-CPU machine`);
      console.log(`  requests: ${total} (${result.requests.average.toFixed(0)}/s), non-2xx or errors: ${result.non2xx + result.errors}`);
      console.log(`  latency p50 ${result.latency.p50} ms · p90 ${result.latency.p90} ms · p99 ${result.latency.p99} ms · max ${result.latency.max} ms`);
      console.log(`  CPU per request: server ${((server.user + server.system) / 1000 / total).toFixed(2)} ms (user ${(server.user / 1000 / total).toFixed(2)}, system ${(server.system / 1000 / total).toFixed(2)}) · postgres ${(postgresMs / total).toFixed(2)} ms`);
    }
    const met = p99s.filter((p99) => p99 < 50).length;
    const median = [...p99s].sort((a, b) => a - b)[Math.floor((p99s.length - 1) / 2)];
    if (runs > 1) console.log(`  p99 of each run: ${p99s.join(', ')} ms (median ${median} ms)`);
    console.log(`  goal p99 < 50 ms: ${runs > 1 ? `met in ${met} of ${runs} runs` : met ? 'met' : 'NOT met'}`);
    if (non2xx > 0) process.exitCode = 1;
  } finally {
    await stop();
  }
}

if (process.argv[2] === '--load-child') {
  process.once('message', (opts) =>
    runLoad(opts).then(
      (result) => process.send({ result }, () => process.exit(0)),
      (error) => process.send({ error: String(error) }, () => process.exit(1)),
    ),
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
