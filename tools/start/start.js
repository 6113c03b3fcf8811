#!/usr/bin/env node
// `npm start`: build if sources changed → embedded Postgres (or BSS_DB_URL) → migrations + reference
// seed → portal-self-serve :9001, cockpit :9002 (with the job workers) and chat-agent :9003.
// For a developer machine the three apps share this one Node process (each keeps its own Nest
// container, pool and job queue, exactly as when deployed separately via apps/<app>/dist/main.js),
// which keeps start-up and memory low. Beside them runs the CLI's warm executor (its own process:
// it takes over stdout per call), so a `bss` call answers without loading the domain again.
// Ctrl-C stops the executor, the apps (their job queues first), then Postgres.
const { fork, spawn } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const say = (line) => process.stdout.write(`[bss] ${line}\n`);

/** Specs and snapshots do not end up in dist, so editing them does not make a build stale. */
const NOT_BUILT = /(\.spec\.ts|\.int-spec\.ts|\.e2e-spec\.ts|\.snap)$/;

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NOT_BUILT.test(entry.name)) continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Every buildable project's folder: apps/* and libs/* with a package.json and sources. */
function projectDirs() {
  return ['apps', 'libs'].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(root, group, name))
      .filter((dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))),
  );
}

/** Projects whose sources are newer than their dist (or that have none yet). */
function staleProjects() {
  return projectDirs().filter((dir) => {
    const dist = join(dir, 'dist');
    return !existsSync(dist) || newestMtime(join(dir, 'src')) > newestMtime(dist);
  });
}

/**
 * Rebuild through nx only when some project's sources are newer than its dist (nx itself costs
 * seconds). A first run builds everything, which takes a while: say so, and count the projects
 * as nx finishes them instead of staying silent. nx's own output is shown only if it fails.
 */
async function buildIfStale() {
  const stale = staleProjects();
  if (stale.length === 0) return;
  const fresh = !existsSync(join(root, 'libs', 'platform', 'dist'));
  say(fresh ? 'first run: building every project (about a minute; later starts rebuild only what changed)…' : `building (${stale.length} changed)…`);
  const child = spawn('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NX_TUI: 'false', FORCE_COLOR: '0' },
  });
  let output = '';
  let done = 0;
  const total = projectDirs().length;
  const onData = (chunk) => {
    output += chunk;
    for (const match of String(chunk).matchAll(/> nx run (\S+):build/g)) say(`  building ${match[1]} (${++done}/${total})`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    process.stdout.write(output);
    throw new Error(`the build failed (exit ${code}); its output is above`);
  }
  say('build done');
}

async function main() {
  const started = Date.now();
  await buildIfStale();
  const { acquireDatabase, envInt, envBool, Database, startTracing, stopTracing } = require(join(root, 'libs/platform/dist/index.js'));
  // OTEL_EXPORTER_OTLP_ENDPOINT set: the apps and their job workers export spans (one service, `bss`).
  if (startTracing('bss')) say(`OpenTelemetry: exporting traces to ${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}`);
  const { loadOrCreateDevTokens } = require(join(root, 'libs/policies/dist/index.js'));
  const { createHttpApp } = require(join(root, 'libs/web/dist/index.js'));
  if (!process.env.BSS_API_TOKEN) say(`API tokens: ${loadOrCreateDevTokens()} (generated once, gitignored; a partner's for the TMF APIs on :9004 is BSS_PARTNER_DEV_API_TOKEN there)`);

  const database = await acquireDatabase({ log: (l) => say(l), owner: true });
  say(database.source === 'external' ? 'using BSS_DB_URL' : 'embedded Postgres is up');
  const workersOverride = process.env.BSS_WORKERS === undefined ? undefined : envBool('BSS_WORKERS', true);
  const apps = [
    { name: 'portal-self-serve', port: envInt('BSS_PORTAL_PORT', 9001), what: 'Self-serve portal', path: '/' },
    { name: 'cockpit', port: envInt('BSS_COCKPIT_PORT', 9002), what: 'Operator cockpit', path: '/health' },
    { name: 'chat-agent', port: envInt('BSS_CHAT_AGENT_PORT', 9003), what: 'Chat agent (API)', path: '/health' },
    { name: 'tmf-api', port: envInt('BSS_TMF_API_PORT', 9004), what: 'Partner TMF APIs', path: '/tmf-api/productCatalogManagement/v2/productOffering' },
  ];
  // The portal's chat widget calls the chat-agent service over HTTP with the portal's named token.
  process.env.BSS_CHAT_AGENT_URL ??= `http://127.0.0.1:${apps.find((app) => app.name === 'chat-agent').port}`;
  const running = [];
  let executor;
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    // The apps (and their job queues) let go of the database before Postgres stops: it runs in its
    // own process group, so the terminal's Ctrl-C reached only us and it is still up.
    await Promise.allSettled([executor?.stop(), ...running.map((app) => app.close())]);
    await stopTracing().catch((error) => say(`OpenTelemetry: the last spans were not exported (${error.message})`));
    await database.release();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    say('migrating the database, then starting the apps…');
    for (const app of apps) {
      const { APP_DEFINITION: definition } = require(join(root, 'apps', app.name, 'dist/app.definition.js'));
      const instance = await createHttpApp(definition.module({ databaseUrl: database.url, workers: workersOverride ?? definition.workersByDefault }), {
        viewsDir: definition.viewsDir,
      });
      await instance.init();
      running.push(instance);
      app.instance = instance;
      say(`  ${app.name} ready (${running.length}/${apps.length})`);
    }
    // Migrations are done: the executor boots while the seed runs and the apps start listening.
    executor = startCliExecutor(database);
    say('seeding reference data…');
    await running[0].get(Database).seed((l) => say(l));
    await Promise.all(apps.map((app) => app.instance.listen({ port: app.port, host: process.env.BSS_HOST || '127.0.0.1' })));
    say(await executor.ready);
  } catch (error) {
    say(`start failed: ${error.message}`);
    await shutdown(1);
    return;
  }
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of readyBanner(apps)) say(line);
}

/**
 * The CLI's warm executor (apps/bss/src/executor): a `bss` process with every command loaded and
 * the database connected, behind a 0600 socket in BSS_HOME. Optional: if it cannot start, `bss`
 * calls run in their own process as without the system, only slower.
 */
function startCliExecutor(database) {
  const child = fork(join(root, 'apps', 'bss', 'dist', 'executor', 'main.js'), [], {
    cwd: root,
    env: { ...process.env, BSS_EXECUTOR_DB_URL: database.url, BSS_EXECUTOR_DB_SOURCE: database.source },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise((resolve) => {
    child.on('message', (message) => {
      if (message && message.ready) resolve(`  CLI warm executor ready (${message.ready})`);
    });
    exited.then((code) => resolve(`  CLI warm executor did not start (exit ${code}); bss calls run in their own process`));
  });
  return {
    ready,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** What a newcomer needs once everything answers: where things are and how to get in. */
function readyBanner(apps) {
  const url = (app) => `http://127.0.0.1:${app.port}${app.path}`;
  return [
    ...apps.map((app) => `  ${app.what.padEnd(20)} ${url(app)}`),
    '  CLI                  npx bss --help      (npx bss alone is the operator REPL around the agent)',
    '  demo data            npx bss admin demo seed   (50 customers; `bss admin demo reset --yes` removes only them)',
    '',
    `Portal sign-up and sign-in (${url(apps[0])}) send a one-time code by email. In development no mail`,
    'leaves this machine: read the code in the dev outbox with   npx bss admin email list',
    `Cockpit (http://127.0.0.1:${apps[1].port}/): add yourself first with`,
    '  npx bss operator add --email you@example.com --name "You" --role admin',
    'then sign in there with the code from the same dev outbox.',
    'Docs: README.md (run, configure, test), docs/handbook.md and docs/runbooks/ (operating it).',
    'Ctrl-C stops everything (apps, then Postgres).',
  ];
}

main().catch((error) => {
  say(`start failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
