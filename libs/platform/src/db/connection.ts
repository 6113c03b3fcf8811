import { join } from 'node:path';
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

/**
 * Finds the database every process of this checkout shares: `BSS_DB_URL` when set, otherwise
 * the embedded cluster under `.bss/pg`, started on demand and reused when already running.
 */
export async function acquireDatabase(options: { log?: (line: string) => void; owner?: boolean } = {}): Promise<DatabaseHandle> {
  const external = envString('BSS_DB_URL');
  if (external) return { url: external, source: 'external', release: async () => undefined };
  const server = await startEmbeddedPostgres({
    dataDir: join(localStateDir(), 'pg', 'data'),
    port: startPortPreference(),
    log: options.log,
  });
  await ensureDatabaseExists(server.url, DEFAULT_DATABASE_NAME);
  // `owner` (npm start) also stops a server it merely found running — e.g. one orphaned by a
  // killed earlier run — so Ctrl-C always leaves no postgres behind.
  const release = server.startedHere || !options.owner ? () => server.stop() : async () => void (await stopEmbeddedPostgresAt(server.dataDir));
  return { url: databaseUrl(server.url, DEFAULT_DATABASE_NAME), source: 'embedded', release };
}

function startPortPreference(): number | undefined {
  const raw = envString('BSS_PG_PORT');
  return raw ? Number(raw) : undefined;
}
