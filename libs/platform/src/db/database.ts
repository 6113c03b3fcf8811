import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { PoolClient } from 'pg';
import { registeredContexts, registeredEntities, type ForgetFootprint } from './context-registry';
import { MIGRATIONS } from './migrations';
import { ReadLanes } from './read-lanes';
import { envInt } from '#platform/config/env';

const MIGRATION_LOCK_KEY = 4_242_000;
/** The one place the read lanes' count is read, so the apps, the CLI and test databases all honour it. */
const DB_READ_LANES_ENV = 'BSS_DB_READ_LANES';
const DEFAULT_READ_LANES = 2;

/** Every write receives the transaction's EntityManager explicitly. */
export type Tx = EntityManager;

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Pipelined connections the hot reads (`prepared`) share, besides the pool; `BSS_DB_READ_LANES`, else 2. */
  readLanes?: number;
}

export class Database {
  private constructor(
    readonly dataSource: DataSource,
    private readonly readLanes: ReadLanes,
  ) {}

  static async connect(options: DatabaseOptions): Promise<Database> {
    const dataSource = new DataSource({
      type: 'postgres',
      url: options.url,
      entities: registeredEntities(),
      migrations: MIGRATIONS,
      migrationsTableName: 'schema_migration',
      migrationsTransactionMode: 'each',
      applicationName: options.applicationName ?? 'bss',
      extra: { max: options.poolSize ?? 10 },
      logging: false,
    });
    await dataSource.initialize();
    const readLanes = new ReadLanes({ url: options.url, applicationName: options.applicationName ?? 'bss', lanes: options.readLanes ?? envInt(DB_READ_LANES_ENV, DEFAULT_READ_LANES) });
    return new Database(dataSource, readLanes);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** One transaction per write: load → policies → write → audit row, all or nothing. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  /**
   * A hot read as a named prepared statement on the read lanes (see `ReadLanes`): Postgres parses
   * and analyses the text once per connection instead of on every call, no TypeORM query runner is
   * built around it, and the reads a page fans out share a pipelined connection. Outside any
   * transaction, like `query`. Only for fixed statement texts (the name is derived from the text; a
   * text built per call would fill every connection's cache) and short reads (a slow one holds up
   * the reads queued behind it on its lane).
   */
  async prepared<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.readLanes.query({ name: statementName(sql), text: sql, values: params });
    return result.rows as T[];
  }

  /** Applies pending migrations; an advisory lock lets several processes start at once safely. */
  async migrate(log: (line: string) => void = () => undefined): Promise<string[]> {
    const lock = await this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) log(`  migrated ${m.name}`);
      return applied.map((m) => m.name);
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await lock.release();
    }
  }

  /** Idempotent reference data of every linked context, in seed order. */
  async seed(log: (line: string) => void = () => undefined): Promise<void> {
    const ordered = registeredContexts()
      .filter((c) => c.seed)
      .sort((a, b) => (a.seedOrder ?? 100) - (b.seedOrder ?? 100));
    for (const context of ordered) {
      await this.transaction((tx) => context.seed!(tx, (line) => log(`  [${context.name}] ${line}`)));
      log(`  seeded ${context.name}`);
    }
  }

  async close(): Promise<void> {
    await this.readLanes.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

const statementNames = new Map<string, string>();

/** A stable prepared-statement name per statement text (the pg driver refuses one name for two texts). */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `bss_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** The raw pg client behind a TypeORM transaction, for libraries (pg-boss) that join it. */
export async function pgClientOf(tx: Tx): Promise<PoolClient> {
  if (!tx.queryRunner) throw new Error('pgClientOf needs a transactional EntityManager');
  return (await tx.queryRunner.connect()) as PoolClient;
}

/**
 * `bss admin reset`: every linked context deletes its operational rows (reverse dependency
 * order), and queued jobs go too. Reference data, the clock row and the audit log survive.
 */
export async function resetOperationalData(tx: Tx): Promise<string[]> {
  const ordered = registeredContexts()
    .filter((c) => c.reset)
    .sort((a, b) => (a.resetOrder ?? 100) - (b.resetOrder ?? 100));
  for (const context of ordered) await context.reset!(tx);
  await tx.query(`delete from pgboss.job where name not like '\\_\\_pgboss%'`);
  return ordered.map((c) => c.name);
}

/**
 * Forgets customers across every linked context: each deletes its own rows keyed on them (and on
 * the lines an earlier context resolved). Returns the removed counts by noun. Audit rows survive.
 */
export async function forgetCustomers(tx: Tx, customerIds: readonly string[]): Promise<Record<string, number>> {
  const footprint: ForgetFootprint = { customerIds, subscriptionIds: [] };
  const removed: Record<string, number> = {};
  const ordered = registeredContexts()
    .filter((c) => c.forgetCustomers)
    .sort((a, b) => (a.forgetOrder ?? 100) - (b.forgetOrder ?? 100));
  for (const context of ordered) {
    for (const [noun, count] of Object.entries(await context.forgetCustomers!(tx, footprint))) removed[noun] = (removed[noun] ?? 0) + count;
  }
  return removed;
}
