import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { pgClientOf, type Tx } from '#platform/db/database';
import { withSpan } from '#platform/tracing/tracing';

export const JOB_SCHEMA = 'pgboss';
const WAKE_CHANNEL = 'bss_jobs';
/** A worker process is alive while a session of this name is open (see `reclaim`). */
const WORKER_SESSION_PREFIX = 'bss-jobs:';
/** pg-boss' own default; queues whose runs are short say so with `leaseSeconds`. */
export const DEFAULT_JOB_LEASE_SECONDS = 15 * 60;
/** How often a worker process looks for jobs of dead workers (and at start-up). */
export const JOB_RECLAIM_INTERVAL_SECONDS = 3;

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
  /**
   * How long one run may hold its job (pg-boss `expireInSeconds`): a run past it is failed and
   * retried, also when its worker hangs or is cut off. Size it to the slowest honest run. A worker
   * that died is noticed sooner, by its closed session (see `reclaim`).
   */
  leaseSeconds?: number;
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

export interface ReclaimResult {
  /** Active jobs whose worker process is gone, handed back to their queue. */
  orphaned: number;
}

/**
 * Durable jobs on pg-boss. `enqueue(tx, …)` writes the job inside the caller's transaction (a
 * transactional outbox: the job exists iff the write committed) and NOTIFYs on commit so idle
 * workers in any process wake at once instead of waiting for their poll. Workers claim with
 * pg-boss' SKIP LOCKED fetch, so any number of processes may run them.
 *
 * A process that dies mid-job (kill -9, OOM, a deploy) leaves the job `active`. Each run records
 * its worker process in `platform.job_claim`, and each process keeps one session named after
 * itself open while it lives; worker processes `reclaim` at start-up and every few seconds, so
 * the jobs of a process whose session closed are retried within seconds, and those of a process
 * that hangs or is cut off once their lease runs out.
 */
export class JobQueue {
  private bossInstance?: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private readonly schedules: JobSchedule[] = [];
  private readonly workerIds = new Map<string, string[]>();
  /** This process, as its job claims and its session name it. */
  readonly workerId = randomUUID();
  /** The session that says this process is alive; also LISTENs for wake-ups in worker processes. */
  private session?: Client;
  private opening?: Promise<Client>;
  private reclaimTimer?: NodeJS.Timeout;
  /** The reclaim under way, if any: stop() lets it finish before closing its session. */
  private reclaiming?: Promise<void>;
  private started = false;
  /** A process without workers (the CLI) opens pg-boss on first use: most verbs never enqueue. */
  private deferred = false;
  private booting?: Promise<void>;
  /** Set once stop() begins: a connection dropping from then on is the shutdown, not a fault. */
  private stopping = false;

  constructor(
    private readonly url: string,
    private readonly logger?: Logger,
  ) {}

  private get boss(): PgBoss {
    if (!this.bossInstance) throw new Error('JobQueue.start() must run before jobs are used');
    return this.bossInstance;
  }

  /** pg-boss, opened now if this process deferred it (no workers here). */
  private async ready(): Promise<PgBoss> {
    if (!this.bossInstance && this.deferred) {
      this.booting ??= this.open({ workers: false });
      await this.booting;
    }
    return this.boss;
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

  /**
   * With `workers`: creates the queues and runs handlers, maintenance and cron schedules here.
   * Without: pg-boss opens (and creates the queues) on the first enqueue, drain or list — a
   * read-only CLI verb pays nothing for it.
   */
  async start(options: { workers: boolean }): Promise<void> {
    if (this.started || this.deferred) return;
    this.stopping = false;
    if (!options.workers) {
      this.deferred = true;
      return;
    }
    await this.open(options);
  }

  private async open(options: { workers: boolean }): Promise<void> {
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
    this.bossInstance.on('error', (error) => {
      if (this.stopping) this.logger?.debug({ err: error }, 'job queue connection closed during shutdown');
      else this.logger?.error({ err: error }, 'job queue error');
    });
    await this.boss.start();
    for (const definition of this.definitions.values()) await this.ensureQueue(definition);
    this.started = true;
    if (!options.workers) return;
    // Jobs a dead predecessor left active are back in their queues before our workers poll.
    await this.workerSession();
    await this.reclaimSafely();
    this.reclaimTimer = setInterval(() => void this.reclaimSafely(), JOB_RECLAIM_INTERVAL_SECONDS * 1000);
    this.reclaimTimer.unref();
    for (const definition of this.definitions.values()) {
      const ids: string[] = [];
      for (let i = 0; i < (definition.concurrency ?? 2); i++) {
        ids.push(
          await this.boss.work<object>(definition.queue, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
            await this.runClaimed(definition, job.id, job.data, 0);
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
      expireInSeconds: definition.leaseSeconds ?? DEFAULT_JOB_LEASE_SECONDS,
      deadLetter: dead,
    };
    if (await this.boss.getQueue(definition.queue)) await this.boss.updateQueue(definition.queue, options);
    else await this.boss.createQueue(definition.queue, options).catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const session = await this.workerSession();
    session.on('notification', (message) => {
      for (const id of this.workerIds.get(message.payload ?? '') ?? []) this.boss.notifyWorker(id);
    });
    await session.query(`listen ${WAKE_CHANNEL}`);
  }

  /** Opens (once) the session whose presence in pg_stat_activity says this process is alive. */
  private workerSession(): Promise<Client> {
    if (this.session) return Promise.resolve(this.session);
    this.opening ??= (async () => {
      const session = new Client({ connectionString: this.url, application_name: `${WORKER_SESSION_PREFIX}${this.workerId}` });
      session.on('error', (error) => {
        // Our claims now look orphaned and will be retried elsewhere; handlers are idempotent.
        if (this.stopping) this.logger?.debug({ err: error }, 'job worker session closed during shutdown');
        else this.logger?.warn({ err: error }, 'job worker session lost');
        if (this.session === session) this.session = undefined;
      });
      await session.connect();
      this.session = session;
      return session;
    })().finally(() => (this.opening = undefined));
    return this.opening;
  }

  /** Runs one job under this process' claim, so a reclaim can tell whether its runner is alive. */
  private async runClaimed(definition: JobDefinition<object>, jobId: string, data: object, retryCount: number): Promise<void> {
    await this.workerSession();
    await this.rawQuery(
      `insert into platform.job_claim (job_id, queue, worker) values ($1, $2, $3)
       on conflict (job_id) do update set queue = excluded.queue, worker = excluded.worker, claimed_at = now()`,
      [jobId, definition.queue, this.workerId],
    );
    try {
      // One span per run, in the trace of the request that enqueued it (jobs carry its id as traceId).
      const joinRequestId = (data as { traceId?: unknown }).traceId;
      await withSpan(
        `job ${definition.queue}`,
        { 'bss.job.queue': definition.queue, 'bss.job.id': jobId, 'bss.job.retry_count': retryCount },
        () => definition.handler(data, { jobId, queue: definition.queue, retryCount }),
        { kind: 'consumer', joinRequestId: typeof joinRequestId === 'string' ? joinRequestId : undefined },
      );
    } finally {
      await this.rawQuery(`delete from platform.job_claim where job_id = $1 and worker = $2`, [jobId, this.workerId]).catch((error: unknown) =>
        this.logger?.warn({ err: error, jobId }, 'job claim not released; the next reclaim drops it'),
      );
    }
  }

  /**
   * Hands back the jobs of dead workers: an active job whose claimant's session is closed is
   * failed at once (pg-boss retries it with its queue's delay, or parks it once its retries are
   * spent), then every active job past its lease (a worker that hangs or is cut off, or died
   * before recording its claim). Safe to run in any number of processes at once: the orphans are
   * row-locked, and a claim older than the job's current run never counts.
   */
  async reclaim(): Promise<ReclaimResult> {
    await this.ready();
    const session = await this.workerSession();
    let orphaned = 0;
    await session.query('begin');
    try {
      const rows = (
        await session.query<{ id: string; queue: string }>(
          `select j.id, j.name as queue
             from ${JOB_SCHEMA}.job j
             join platform.job_claim c on c.job_id = j.id and c.queue = j.name
            where j.state = 'active'
              and c.claimed_at >= j.started_on
              and not exists (select 1 from pg_stat_activity a where a.application_name = '${WORKER_SESSION_PREFIX}' || c.worker)
              for update of j skip locked`,
        )
      ).rows;
      const db = { executeSql: (text: string, values: unknown[]) => session.query(text, values) };
      for (const row of rows) await this.boss.fail(row.queue, row.id, { message: 'worker process gone while the job was active' }, { db });
      orphaned = rows.length;
      if (orphaned > 0) {
        // The crash was not the job's doing: no retry backoff, and idle workers anywhere wake now.
        await session.query(`update ${JOB_SCHEMA}.job set start_after = now() where id = any($1::uuid[]) and state = 'retry'`, [rows.map((r) => r.id)]);
        for (const queue of new Set(rows.map((r) => r.queue))) await session.query('select pg_notify($1, $2)', [WAKE_CHANNEL, queue]);
      }
      // Claims of runs that ended (reclaimed above, expired, or whose release was lost).
      await session.query(
        `delete from platform.job_claim c
          where not exists (select 1 from ${JOB_SCHEMA}.job j where j.name = c.queue and j.id = c.job_id and j.state = 'active' and c.claimed_at >= j.started_on)`,
      );
      await session.query('commit');
    } catch (error) {
      await session.query('rollback').catch(() => undefined);
      throw error;
    }
    if (orphaned > 0) this.logger?.warn({ orphaned }, 'jobs of a dead worker handed back to their queues');
    await this.boss.expire();
    return { orphaned };
  }

  private async reclaimSafely(): Promise<void> {
    if (this.reclaiming || !this.started || this.stopping) return;
    this.reclaiming = this.reclaim()
      .then(() => undefined)
      .catch((error: unknown) => {
        if (this.stopping) this.logger?.debug({ err: error }, 'job reclaim cut short by shutdown');
        else this.logger?.error({ err: error }, 'job reclaim failed; next try in a few seconds');
      })
      .finally(() => {
        this.reclaiming = undefined;
      });
    await this.reclaiming;
  }

  /** Enqueues inside `tx`: the job is visible only if the transaction commits. */
  async enqueue(tx: Tx, queue: string, data: object, options: EnqueueOptions = {}): Promise<string | null> {
    const boss = await this.ready();
    const client = await pgClientOf(tx);
    const id = await boss.send(queue, data, {
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
    await this.ready();
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
            await this.runClaimed(definition, job.id, job.data, job.retryCount);
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
    await this.ready();
    const db = (this.boss as unknown as { getDb(): { executeSql(t: string, v: unknown[]): Promise<{ rows: unknown[] }> } }).getDb();
    return (await db.executeSql(sql, params)).rows;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.reclaimTimer);
    this.deferred = false;
    // A reclaim in flight holds a transaction on the worker session: let it commit or roll back first.
    await this.reclaiming;
    await this.booting?.catch(() => undefined);
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
    // A later start() opens a new pg-boss: a stopped one does not come back.
    this.bossInstance = undefined;
    this.booting = undefined;
    // Last: while it is open, our claims are not anyone else's to take.
    const session = this.session ?? (await this.opening?.catch(() => undefined));
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }
}
