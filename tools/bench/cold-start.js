#!/usr/bin/env node
// Measures `npm start` from launch to both portals answering GET /health 200 (database already
// initialised), then the summed RSS of every process it started, Postgres included, then stops it
// with SIGINT and checks that no postgres process is left behind.
// Usage: node tools/bench/cold-start.js [runs=3]
const { spawn, execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const http = require('node:http');

const root = join(__dirname, '..', '..');
const runs = Number(process.argv[2] ?? 3);

const healthy = (port) =>
  new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });

function descendants(pid) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .map(([p, pp, rss, comm]) => ({ pid: Number(p), ppid: Number(pp), rss: Number(rss), comm }));
  const out = [];
  const walk = (parent) => {
    for (const row of rows.filter((r) => r.ppid === parent)) {
      out.push(row);
      walk(row.pid);
    }
  };
  walk(pid);
  return out;
}

const postgresAlive = () => {
  const pidFile = join(root, '.bss', 'pg', 'data', 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function once() {
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BSS_LOG_LEVEL: 'warn' } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  let seconds;
  while (Date.now() < deadline) {
    if ((await healthy(9001)) && (await healthy(9002))) {
      seconds = Number(process.hrtime.bigint() - started) / 1e9;
      break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (seconds === undefined) throw new Error(`not healthy within 90 s:\n${output}`);
  while (!output.includes('ready in')) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1500)); // let workers and pools settle before measuring memory
  const procs = descendants(child.pid);
  const rssMb = procs.reduce((sum, p) => sum + p.rss, 0) / 1024;
  const byName = {};
  for (const p of procs) byName[p.comm] = (byName[p.comm] ?? 0) + p.rss / 1024;
  process.kill(-child.pid, 'SIGINT');
  await new Promise((r) => child.once('exit', r));
  for (let i = 0; i < 100 && postgresAlive(); i++) await new Promise((r) => setTimeout(r, 100));
  return { seconds, rssMb, byName, orphanPostgres: postgresAlive() };
}

async function main() {
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { cwd: root, stdio: 'ignore' });
  if (!existsSync(join(root, '.bss', 'pg', 'data', 'PG_VERSION'))) {
    process.stdout.write('initialising the database once (not measured)…\n');
    await once();
  }
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    results.push(r);
    process.stdout.write(`run ${i + 1}: ${r.seconds.toFixed(2)} s to both /health 200, RSS ${r.rssMb.toFixed(0)} MB, orphan postgres: ${r.orphanPostgres}\n`);
  }
  const secs = results.map((r) => r.seconds).sort((a, b) => a - b);
  const rss = results.map((r) => r.rssMb).sort((a, b) => a - b);
  const last = results[results.length - 1];
  process.stdout.write(`\ncold start (npm start → :9001 and :9002 /health 200): median ${secs[Math.floor(secs.length / 2)].toFixed(2)} s (goal < 8 s)\n`);
  process.stdout.write(`summed RSS after seed, Postgres included: median ${rss[Math.floor(rss.length / 2)].toFixed(0)} MB (goal < 500 MB)\n`);
  process.stdout.write(`by process: ${Object.entries(last.byName).map(([k, v]) => `${k} ${v.toFixed(0)} MB`).join(', ')}\n`);
  process.stdout.write(`postgres left after Ctrl-C: ${results.some((r) => r.orphanPostgres) ? 'YES' : 'none'}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
