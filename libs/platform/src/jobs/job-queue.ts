import PgBoss from 'pg-boss';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { pgClientOf, type Tx } from '../db/database';

export const JOB_SCHEMA = 'pgboss';
const WAKE_CHANNEL = 'bss_jobs';

export interface JobContext {
  jobId: string;
  queue: string;
  /** How many times this job ran before (0 on the first try). */
  retryCount: number;
}

export interface JobDefinition<T extends object = object> {
  queue: string;
  handler: (data: T, job: JobContext) => Promise<void>;
  /** Tries after the first; the job is parked in `<queue>.dead` when they run out. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How many of this queue's jobs one process runs at once. */
  concurrency?: number;
}

export interface JobSchedule {
  queue: string;
  /** Standard 5-field cron. */
  cron: string;
  data?: object;
}

export interface EnqueueOptions {
  /** Runs no earlier than this many seconds from now (wall time). */
  startAfterSeconds?: number;
  /** At most one queued-or-active job per key in this queue. */
  singletonKey?: string;
}

export interface JobRow {
  id: string;
  queue: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  createdOn: string;
  startedOn: string | null;
  completedOn: string | null;
  output: unknown;
  data: unknown;
}

/**
 * Durable jobs on pg-boss. `enqueue(tx, …)` writes the job inside the caller's transaction (a
 * transactional outbox: the job exists iff the write committed) and NOTIFYs on commit so idle
 * workers in any process wake at once instead of waiting for their poll. Workers claim with
 * pg-boss' SKIP LOCKED fetch, so any number of processes may run them.
 */
export class JobQueue {
  private bossInstance?: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private readonly schedules: JobSchedule[] = [];
  private readonly workerIds = new Map<string, string[]>();
  private listener?: Client;
  private started = false;

  constructor(
    private readonly url: string,
    private readonly logger?: Logger,
  ) {}

  private get boss(): PgBoss {
    if (!this.bossInstance) throw new Error('JobQueue.start() must run before jobs are used');
    return this.bossInstance;
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    this.definitions.set(definition.queue, definition as JobDefinition<object>);
  }

  schedule(schedule: JobSchedule): void {
    this.schedules.push(schedule);
  }

  queues(): string[] {
    return [...this.definitions.keys()];
  }

  /** Creates the queues; with `workers`, also runs handlers, maintenance and cron schedules here. */
  async start(options: { workers: boolean }): Promise<void> {
    if (this.started) return;
    // Maintenance and cron run only where workers run; a CLI process just enqueues and reads.
    this.bossInstance = new PgBoss({
      connectionString: this.url,
      schema: JOB_SCHEMA,
      max: 4,
      migrate: true,
      supervise: options.workers,
      schedule: options.workers,
    });
    this.bossInstance.on('error', (error) => this.logger?.error({ err: error }, 'job queue error'));
    await this.boss.start();
    for (const definition of this.definitions.values()) await this.ensureQueue(definition);
    this.started = true;
    if (!options.workers) return;
    for (const definition of this.definitions.values()) {
      const ids: string[] = [];
      for (let i = 0; i < (definition.concurrency ?? 2); i++) {
        ids.push(
          await this.boss.work<object>(definition.queue, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
            await definition.handler(job.data, { jobId: job.id, queue: job.name, retryCount: 0 });
          }),
        );
      }
      this.workerIds.set(definition.queue, ids);
    }
    for (const s of this.schedules) {
      await this.ensureQueue({ queue: s.queue, handler: async () => undefined });
      await this.boss.schedule(s.queue, s.cron, s.data ?? {}, { tz: 'UTC' });
    }
    await this.listen();
  }

  private async ensureQueue(definition: JobDefinition<object>): Promise<void> {
    const dead = `${definition.queue}.dead`;
    if (!(await this.boss.getQueue(dead))) await this.boss.createQueue(dead).catch(() => undefined);
    const options = {
      name: definition.queue,
      retryLimit: definition.retryLimit ?? 5,
      retryDelay: definition.retryDelaySeconds ?? 2,
      retryBackoff: definition.retryBackoff ?? true,
      deadLetter: dead,
    };
    if (await this.boss.getQueue(definition.queue)) await this.boss.updateQueue(definition.queue, options);
    else await this.boss.createQueue(definition.queue, options).catch(() => undefined);
  }

  private async listen(): Promise<void> {
    this.listener = new Client({ connectionString: this.url });
    await this.listener.connect();
    this.listener.on('notification', (message) => {
      for (const id of this.workerIds.get(message.payload ?? '') ?? []) this.boss.notifyWorker(id);
    });
    this.listener.on('error', (error) => this.logger?.warn({ err: error }, 'job wake-up listener lost'));
    await this.listener.query(`listen ${WAKE_CHANNEL}`);
  }

  /** Enqueues inside `tx`: the job is visible only if the transaction commits. */
  async enqueue(tx: Tx, queue: string, data: object, options: EnqueueOptions = {}): Promise<string | null> {
    const client = await pgClientOf(tx);
    const id = await this.boss.send(queue, data, {
      startAfter: options.startAfterSeconds,
      singletonKey: options.singletonKey,
      db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
    });
    await client.query('select pg_notify($1, $2)', [WAKE_CHANNEL, queue]);
    return id;
  }

  /**
   * Runs every runnable job of the given queues (default: all) in this process until none is
   * left, including jobs those handlers enqueue. Tests and one-shot CLI verbs use it instead of
   * sleeping for workers.
   */
  async drain(queues: string[] = this.queues(), maxJobs = 10_000): Promise<number> {
    let ran = 0;
    for (;;) {
      let progressed = false;
      for (const queue of queues) {
        const definition = this.definitions.get(queue);
        if (!definition) continue;
        const jobs = await this.boss.fetch<object>(queue, { batchSize: 10, includeMetadata: true });
        for (const job of jobs) {
          progressed = true;
          ran++;
          try {
            await definition.handler(job.data, { jobId: job.id, queue, retryCount: job.retryCount });
            await this.boss.complete(queue, job.id);
          } catch (error) {
            await this.boss.fail(queue, job.id, { message: (error as Error).message });
          }
          if (ran >= maxJobs) return ran;
        }
      }
      if (!progressed) return ran;
    }
  }

  async list(filter: { state?: string; queue?: string; limit?: number } = {}, tx?: Tx): Promise<JobRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.state) {
      params.push(filter.state);
      where.push(`state = $${params.length}::${JOB_SCHEMA}.job_state`);
    }
    if (filter.queue) {
      params.push(filter.queue);
      where.push(`name = $${params.length}`);
    }
    params.push(filter.limit ?? 50);
    const sql = `select id, name as queue, state, retry_count, retry_limit, created_on, started_on, completed_on, output, data
                   from ${JOB_SCHEMA}.job ${where.length ? `where ${where.join(' and ')}` : ''}
                  order by created_on desc limit $${params.length}`;
    const rows = (await (tx ? tx.query(sql, params) : this.rawQuery(sql, params))) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      queue: String(r.queue),
      state: String(r.state),
      retryCount: Number(r.retry_count),
      retryLimit: Number(r.retry_limit),
      createdOn: (r.created_on as Date).toISOString(),
      startedOn: r.started_on ? (r.started_on as Date).toISOString() : null,
      completedOn: r.completed_on ? (r.completed_on as Date).toISOString() : null,
      output: r.output,
      data: r.data,
    }));
  }

  private async rawQuery(sql: string, params: unknown[]): Promise<unknown[]> {
    const db = (this.boss as unknown as { getDb(): { executeSql(t: string, v: unknown[]): Promise<{ rows: unknown[] }> } }).getDb();
    return (await db.executeSql(sql, params)).rows;
  }

  async stop(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }
}
