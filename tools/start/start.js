#!/usr/bin/env node
// `npm start`: build if sources changed → embedded Postgres (or BSS_DB_URL) → migrations + reference
// seed → portal-self-serve :9001, cockpit :9002 (with the job workers) and chat-agent :9003.
// For a developer machine the three apps share this one Node process (each keeps its own Nest
// container, pool and job queue, exactly as when deployed separately via apps/<app>/dist/main.js),
// which keeps start-up and memory low. Ctrl-C stops the apps and Postgres.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const say = (line) => process.stdout.write(`[bss] ${line}\n`);

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuild through nx only when some project's sources are newer than its dist (nx itself costs seconds). */
function buildIfStale() {
  const stale = ['apps', 'libs'].some((group) =>
    readdirSync(join(root, group)).some((name) => {
      const dir = join(root, group, name);
      if (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src'))) return false;
      const dist = join(dir, 'dist');
      return !existsSync(dist) || newestMtime(join(dir, 'src')) > newestMtime(dist);
    }),
  );
  if (!stale) return;
  say('building…');
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_TUI: 'false' } });
}

async function main() {
  const started = Date.now();
  buildIfStale();
  const { acquireDatabase, envInt, envBool, Database } = require(join(root, 'libs/platform/dist/index.js'));
  const { loadOrCreateDevTokens } = require(join(root, 'libs/policies/dist/index.js'));
  const { createHttpApp } = require(join(root, 'libs/web/dist/index.js'));
  if (!process.env.BSS_API_TOKEN) say(`API tokens: ${loadOrCreateDevTokens()} (generated once, gitignored; a partner's for the TMF APIs on :9004 is BSS_PARTNER_DEV_API_TOKEN there)`);

  const database = await acquireDatabase({ log: (l) => say(l), owner: true });
  say(database.source === 'external' ? 'using BSS_DB_URL' : 'embedded Postgres is up');
  const workersOverride = process.env.BSS_WORKERS === undefined ? undefined : envBool('BSS_WORKERS', true);
  const apps = [
    { name: 'portal-self-serve', port: envInt('BSS_PORTAL_PORT', 9001), what: 'Self-serve portal', path: '/' },
    { name: 'cockpit', port: envInt('BSS_COCKPIT_PORT', 9002), what: 'Operator cockpit', path: '/' },
    { name: 'chat-agent', port: envInt('BSS_CHAT_AGENT_PORT', 9003), what: 'Chat agent service', path: '/health' },
    { name: 'tmf-api', port: envInt('BSS_TMF_API_PORT', 9004), what: 'Partner TMF APIs', path: '/tmf-api/productCatalogManagement/v2/productOffering' },
  ];
  // The portal's chat widget calls the chat-agent service over HTTP with the portal's named token.
  process.env.BSS_CHAT_AGENT_URL ??= `http://127.0.0.1:${apps.find((app) => app.name === 'chat-agent').port}`;
  const running = [];
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.allSettled(running.map((app) => app.close()));
    await database.release();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    say('migrating…');
    for (const app of apps) {
      const { APP_DEFINITION: definition } = require(join(root, 'apps', app.name, 'dist/app.definition.js'));
      const instance = await createHttpApp(definition.module({ databaseUrl: database.url, workers: workersOverride ?? definition.workersByDefault }), {
        viewsDir: definition.viewsDir,
      });
      await instance.init();
      running.push(instance);
      app.instance = instance;
    }
    say('seeding reference data…');
    await running[0].get(Database).seed((l) => say(l));
    await Promise.all(apps.map((app) => app.instance.listen({ port: app.port, host: process.env.BSS_HOST || '127.0.0.1' })));
  } catch (error) {
    say(`start failed: ${error.message}`);
    await shutdown(1);
    return;
  }
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const app of apps) say(`  ${app.what.padEnd(20)} http://127.0.0.1:${app.port}${app.path}`);
  say('  CLI                  npx bss --help');
  say('  demo data            npx bss admin demo seed   (50 customers; `bss admin demo reset --yes` removes only them)');
  say('Ctrl-C stops everything (apps and Postgres).');
}

main().catch((error) => {
  say(`start failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
