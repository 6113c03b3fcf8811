#!/usr/bin/env node
// `npm start`: embedded Postgres (or BSS_DB_URL) → migrations + reference seed → the three apps
// (workers in the cockpit process by default) → URLs. Ctrl-C stops every child and Postgres.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const http = require('node:http');

const root = join(__dirname, '..', '..');
const { acquireDatabase, envInt } = require(join(root, 'libs/platform/dist/index.js'));
const { loadOrCreateDevTokens } = require(join(root, 'libs/policies/dist/index.js'));

const APPS = [
  { name: 'portal-self-serve', port: envInt('BSS_PORTAL_PORT', 9001), workers: false, what: 'Self-serve portal' },
  { name: 'cockpit', port: envInt('BSS_COCKPIT_PORT', 9002), workers: true, what: 'Operator cockpit' },
  { name: 'chat-agent', port: envInt('BSS_CHAT_AGENT_PORT', 9003), workers: false, what: 'Chat agent service' },
];

const say = (line) => process.stdout.write(`[bss] ${line}\n`);
const children = new Set();
let stopping = false;
let database;

function run(cmd, args, env, label) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping && label) {
      say(`${label} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  return child;
}

function waitForHealth(port, deadlineMs) {
  return new Promise((resolve, reject) => {
    const tick = () => {
      const req = http.get({ host: '127.0.0.1', port, path: '/health', timeout: 1000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) return resolve();
        retry();
      });
      req.on('error', retry);
      req.on('timeout', () => req.destroy());
    };
    const retry = () => (Date.now() > deadlineMs ? reject(new Error(`no /health on :${port}`)) : setTimeout(tick, 100));
    tick();
  });
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  const exits = [...children].map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))));
  for (const c of children) c.kill('SIGTERM');
  const timer = setTimeout(() => [...children].forEach((c) => c.kill('SIGKILL')), 10_000);
  await Promise.all(exits);
  clearTimeout(timer);
  if (database) await database.release();
  say('stopped');
  process.exit(code);
}

async function main() {
  const started = Date.now();
  if (!process.env.BSS_API_TOKEN) say(`API tokens: ${loadOrCreateDevTokens()} (generated once, gitignored)`);
  database = await acquireDatabase({ log: (l) => say(l) });
  say(database.source === 'external' ? 'using BSS_DB_URL' : 'embedded Postgres is up');
  const env = { ...process.env, BSS_DB_URL: database.url };
  say('migrating and seeding reference data…');
  const seed = run('node', [join(root, 'apps/bss/bin/run.js'), 'admin', 'seed'], env);
  const seedCode = await new Promise((r) => seed.once('exit', r));
  if (seedCode !== 0) throw new Error('migration/seed failed');
  for (const app of APPS) {
    run('node', [join(root, 'apps', app.name, 'dist/main.js')], { ...env, PORT: String(app.port), BSS_WORKERS: process.env.BSS_WORKERS ?? String(app.workers) }, app.name);
  }
  const deadline = Date.now() + 60_000;
  await Promise.all(APPS.map((a) => waitForHealth(a.port, deadline)));
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const app of APPS) say(`  ${app.what.padEnd(20)} http://127.0.0.1:${app.port}${app.name === 'chat-agent' ? '/health' : '/'}`);
  say('  CLI                  npx bss --help');
  say('Ctrl-C stops everything (apps and Postgres).');
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error) => {
  say(`start failed: ${error.message}`);
  void shutdown(1);
});
