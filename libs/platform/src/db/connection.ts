import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { envString } from '#platform/config/env';
import { localStateDir } from '#platform/config/project-paths';
import { databaseUrl, startEmbeddedPostgres, stopEmbeddedPostgresAt } from './embedded-postgres';

export const DEFAULT_DATABASE_NAME = 'bss';

export interface DatabaseHandle {
  url: string;
  /** external: BSS_DB_URL; embedded: the project-local cluster (started here or reused). */
  source: 'external' | 'embedded';
  /** Stops the embedded server if this process started (or, as `owner`, adopted) it; a no-op otherwise. */
  release(): Promise<void>;
}

export async function ensureDatabaseExists(serverUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      await admin.query(`create database "${database.replace(/"/g, '')}"`).catch((error: { code?: string }) => {
        // 42P04: another process created it between our check and our create.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await admin.end();
  }
}

export interface AcquireOptions {
  log?: (line: string) => void;
  /** npm start: stop the embedded server on release even if another process started it. */
  owner?: boolean;
  /**
   * The CLI: leave a server this call had to start running in the background (stopped by
   * `bss admin db stop` or the next `npm start`'s Ctrl-C), so the next call reuses it.
   */
  keepRunning?: boolean;
}

/** Where a running embedded server leaves its address for the next process (see {@link runningServerState}). */
export function serverStateFile(): string {
  return join(localStateDir(), 'pg', 'server.json');
}

export interface EmbeddedServerState {
  url: string;
  pid: number;
  dataDir: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded server this checkout runs, if its process is alive: one file read and a signal 0,
 * instead of finding the cluster, checking who may read it and connecting twice.
 */
export function runningServerState(): EmbeddedServerState | undefined {
  const file = serverStateFile();
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as EmbeddedServerState;
    if (state.pid && isAlive(state.pid)) return state;
  } catch {
    // A half-written or foreign file: fall through and find the server the slow way.
  }
  return undefined;
}

/** Stops the embedded server (if it runs) and forgets its address: `bss admin db stop`. */
export async function stopEmbeddedDatabase(): Promise<boolean> {
  const state = runningServerState();
  const stopped = await stopEmbeddedPostgresAt(state?.dataDir ?? join(localStateDir(), 'pg', 'data'));
  rmSync(serverStateFile(), { force: true });
  return stopped;
}

/**
 * Finds the database every process of this checkout shares: `BSS_DB_URL` when set, otherwise
 * the embedded cluster under `.bss/pg`, reused when already running (its address is in
 * {@link serverStateFile}) and started otherwise.
 */
export async function acquireDatabase(options: AcquireOptions = {}): Promise<DatabaseHandle> {
  const external = envString('BSS_DB_URL');
  if (external) return { url: external, source: 'external', release: async () => undefined };
  const known = runningServerState();
  if (known) {
    const release = options.owner ? () => stopEmbeddedDatabase().then(() => undefined) : async () => undefined;
    return { url: known.url, source: 'embedded', release };
  }
  const server = await startEmbeddedPostgres({
    dataDir: join(localStateDir(), 'pg', 'data'),
    port: startPortPreference(),
    // Detached, so a terminal's Ctrl-C reaches npm start alone and it stops Postgres last.
    detached: options.owner || options.keepRunning,
    log: options.log,
  });
  await ensureDatabaseExists(server.url, DEFAULT_DATABASE_NAME);
  const url = databaseUrl(server.url, DEFAULT_DATABASE_NAME);
  // The cluster may live elsewhere (a checkout the postgres user cannot reach keeps it under /tmp): .bss/pg may not exist yet.
  mkdirSync(dirname(serverStateFile()), { recursive: true, mode: 0o700 });
  writeFileSync(serverStateFile(), JSON.stringify({ url, pid: server.pid, dataDir: server.dataDir } satisfies EmbeddedServerState), { mode: 0o600 });
  const forget = () => rmSync(serverStateFile(), { force: true });
  let release: () => Promise<void>;
  if (options.owner) {
    // `owner` (npm start) also stops a server it merely found running — e.g. one orphaned by a
    // killed earlier run — so Ctrl-C always leaves no postgres behind.
    release = async () => {
      await (server.startedHere ? server.stop() : stopEmbeddedPostgresAt(server.dataDir));
      forget();
    };
  } else if (server.startedHere && !options.keepRunning) {
    release = async () => {
      await server.stop();
      forget();
    };
  } else {
    release = async () => undefined;
  }
  return { url, source: 'embedded', release };
}

function startPortPreference(): number | undefined {
  const raw = envString('BSS_PG_PORT');
  return raw ? Number(raw) : undefined;
}
