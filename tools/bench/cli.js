#!/usr/bin/env node
// How long a `bss` call takes, as a person at a shell sees it: median wall time over N runs of
// `bss catalog list --json` and `bss customer show <id> --json`, with the system running (npm
// start) and without it (only the embedded Postgres the first CLI call left in the background),
// next to `node -e 0` and `bss --version` measured in the same run. The first call without any
// Postgres (it starts one) is reported on its own. With the system up, calls go through its warm
// executor; the same call forced in-process (BSS_CLI_IN_PROCESS=1) is measured beside them.
// Everything runs against a throwaway BSS_HOME and free ports, so a developer's own system and
// data are untouched. Usage: node tools/bench/cli.js [--runs 10]
const { spawn, spawnSync } = require('node:child_process');
const { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { loadavg, tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const bin = join(root, 'apps', 'bss', 'bin', 'run.js');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 10;
const home = mkdtempSync(join(tmpdir(), 'bss-bench-cli-'));
chmodSync(home, 0o755);
const env = { ...process.env, BSS_HOME: home, BSS_DB_URL: '', BSS_LOG_LEVEL: 'warn' };

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// CPU time (user + sys) of the measured process, which other people's load on a shared machine
// does not inflate the way it does wall time: GNU time writes it on fd 3, apart from the output.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time (and, with GNU time, CPU time) of one process, in ms; throws with its output if it fails. */
function timed(command, args) {
  const started = process.hrtime.bigint();
  const cpuFile = join(home, 'cpu-time');
  const result = gnuTime
    ? spawnSync(gnuTime, ['-o', cpuFile, '-f', '%U %S', command, ...args], { cwd: root, env, encoding: 'utf8' })
    : spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.stdout}`);
  const cpuMs = gnuTime ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).reduce((sum, s) => sum + Number(s) * 1000, 0) : undefined;
  return { ms, cpuMs, stdout: result.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(label, command, args) {
  const samples = Array.from({ length: runs }, () => timed(command, args));
  const times = samples.map((s) => s.ms);
  const row = { label, medianMs: Math.round(median(times)), minMs: Math.round(Math.min(...times)), maxMs: Math.round(Math.max(...times)) };
  if (gnuTime) row.cpuMedianMs = Math.round(median(samples.map((s) => s.cpuMs)));
  const cpu = gnuTime ? `   cpu ${String(row.cpuMedianMs).padStart(5)} ms` : '';
  process.stdout.write(`  ${label.padEnd(44)} median ${String(row.medianMs).padStart(5)} ms   (min ${row.minMs}, max ${row.maxMs})${cpu}\n`);
  return row;
}

const bss = (...args) => [bin, ...args];

async function startSystem() {
  const ports = { BSS_PORTAL_PORT: await freePort(), BSS_COCKPIT_PORT: await freePort(), BSS_CHAT_AGENT_PORT: await freePort(), BSS_TMF_API_PORT: await freePort() };
  const child = spawn(process.execPath, [join(root, 'tools', 'start', 'start.js')], {
    cwd: root,
    env: { ...env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      // npm start says ready only once the CLI's warm executor answers (or failed to start).
      if (/\] ready in /.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${output}`)));
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}

async function main() {
  process.stdout.write(`bss CLI wall time, ${runs} runs each (BSS_HOME ${home}); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  if (gnuTime) process.stdout.write('cpu = median user+sys of the bss process itself (with the system up, the executor\'s share is not in it)\n');
  // Set-up: a migrated, seeded database and one customer to show.
  timed(process.execPath, bss('admin', 'seed'));
  const created = JSON.parse(timed(process.execPath, bss('customer', 'create', '--name', 'Bench Mark', '--email', 'bench@example.com', '--json')).stdout);
  const customerId = created.result.id;
  const results = {};

  process.stdout.write('\nbaseline\n');
  results.nodeNoop = measure('node -e 0', process.execPath, ['-e', '0']);
  results.version = measure('bss --version', process.execPath, bss('--version'));

  process.stdout.write('\nwithout the system (Postgres only, left running by an earlier bss call)\n');
  timed(process.execPath, bss('admin', 'db', 'stop'));
  const cold = timed(process.execPath, bss('catalog', 'list', '--json'));
  process.stdout.write(`  ${'first call, starts Postgres in the background'.padEnd(44)} ${Math.round(cold.ms)} ms\n`);
  results.firstCallMs = Math.round(cold.ms);
  results.catalogWithout = measure('bss catalog list --json', process.execPath, bss('catalog', 'list', '--json'));
  results.customerWithout = measure(`bss customer show ${customerId} --json`, process.execPath, bss('customer', 'show', customerId, '--json'));

  process.stdout.write('\nwith the system running (npm start)\n');
  timed(process.execPath, bss('admin', 'db', 'stop'));
  const system = await startSystem();
  // Interrupted (Ctrl-C, a timeout): still stop the system and its Postgres.
  const interrupted = () => void system.stop().finally(() => cleanUp() && process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    results.catalogWith = measure('bss catalog list --json', process.execPath, bss('catalog', 'list', '--json'));
    results.customerWith = measure(`bss customer show ${customerId} --json`, process.execPath, bss('customer', 'show', customerId, '--json'));
    results.catalogWithInProcess = withEnv({ BSS_CLI_IN_PROCESS: '1' }, () => measure('bss catalog list --json (BSS_CLI_IN_PROCESS=1)', process.execPath, bss('catalog', 'list', '--json')));
  } finally {
    await system.stop();
  }
  process.stdout.write(`\n${JSON.stringify(results)}\n`);
}

/** Runs `work` with extra variables in the measured processes' environment. */
function withEnv(extra, work) {
  const saved = { ...env };
  Object.assign(env, extra);
  try {
    return work();
  } finally {
    for (const name of Object.keys(extra)) delete env[name];
    Object.assign(env, saved);
  }
}

function cleanUp() {
  spawnSync(process.execPath, bss('admin', 'db', 'stop'), { cwd: root, env });
  rmSync(home, { recursive: true, force: true });
  return true;
}

main()
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(cleanUp);
