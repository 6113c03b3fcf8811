import { createTestDatabase } from '@bss/testing';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { Database } from '#platform/db/database';
import { firstDelivery } from './inbox';
import { JobQueue } from './job-queue';

describe('JobQueue (pg-boss, joined to domain transactions)', () => {
  let url: string;
  let db: Database;
  let jobs: JobQueue;
  const handled: string[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = await Database.connect({ url });
    jobs = new JobQueue(url);
    jobs.define<{ id: string }>({
      queue: 'test.echo',
      retryLimit: 2,
      retryDelaySeconds: 0,
      retryBackoff: false,
      leaseSeconds: 30,
      handler: async (data) => {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error(`transient failure for ${data.id}`);
        }
        await db.transaction(async (tx) => {
          if (await firstDelivery(tx, 'test.echo', data.id)) handled.push(data.id);
        });
      },
    });
    await jobs.start({ workers: false });
  });

  afterAll(async () => {
    await jobs.stop();
    await db.close();
  });

  beforeEach(() => {
    handled.length = 0;
    failuresLeft = 0;
  });

  it('a job enqueued in a committed transaction runs', async () => {
    await db.transaction((tx) => jobs.enqueue(tx, 'test.echo', { id: 'committed' }));
    expect(await jobs.drain()).toBe(1);
    expect(handled).toEqual(['committed']);
  });

  it('a job enqueued in a rolled-back transaction never exists', async () => {
    await expect(
      db.transaction(async (tx) => {
        await jobs.enqueue(tx, 'test.echo', { id: 'rolled-back' });
        throw new Error('write refused');
      }),
    ).rejects.toThrow('write refused');
    expect(await jobs.drain()).toBe(0);
    expect(handled).toEqual([]);
  });

  it('a redelivered event is handled once (inbox dedupe)', async () => {
    await db.transaction(async (tx) => {
      await jobs.enqueue(tx, 'test.echo', { id: 'twice' });
      await jobs.enqueue(tx, 'test.echo', { id: 'twice' });
    });
    expect(await jobs.drain()).toBe(2);
    expect(handled).toEqual(['twice']);
  });

  it('a failing handler is retried, then succeeds', async () => {
    failuresLeft = 1;
    await db.transaction((tx) => jobs.enqueue(tx, 'test.echo', { id: 'flaky' }));
    await jobs.drain();
    expect(handled).toEqual(['flaky']);
    const [job] = await jobs.list({ queue: 'test.echo', limit: 1 });
    expect(job).toMatchObject({ state: 'completed', retryCount: 1 });
  });

  it('a job that keeps failing is parked as failed and listed', async () => {
    failuresLeft = 10;
    await db.transaction((tx) => jobs.enqueue(tx, 'test.echo', { id: 'poison' }));
    await jobs.drain();
    const failed = await jobs.list({ state: 'failed', queue: 'test.echo' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ state: 'failed', retryCount: 2, retryLimit: 2, data: { id: 'poison' } });
    expect(JSON.stringify(failed[0].output)).toContain('transient failure for poison');
    expect(handled).toEqual([]);
  });

  /** A job as a worker left it that fetched it and then stopped: active, claimed by `worker`. */
  async function claimedActiveJob(id: string, worker: string): Promise<string> {
    await db.transaction((tx) => jobs.enqueue(tx, 'test.echo', { id }));
    const [job] = await db.query<{ id: string }>(
      `with taken as (update pgboss.job set state = 'active', started_on = now() where name = 'test.echo' and data->>'id' = $1 returning id) select id from taken`,
      [id],
    );
    await db.query(`insert into platform.job_claim (job_id, queue, worker) values ($1, 'test.echo', $2)`, [job.id, worker]);
    return job.id;
  }

  it('an active job whose worker process is gone is handed back at once, and then runs', async () => {
    const jobId = await claimedActiveJob('orphan', 'a-worker-that-was-killed');
    expect(await jobs.reclaim()).toEqual({ orphaned: 1 });
    const [job] = await jobs.list({ queue: 'test.echo', limit: 1 });
    expect(job).toMatchObject({ id: jobId, state: 'retry' });
    expect(JSON.stringify(job.output)).toContain('worker process gone');
    expect(await db.query(`select 1 from platform.job_claim where job_id = $1`, [jobId])).toHaveLength(0);
    await jobs.drain();
    expect(handled).toEqual(['orphan']);
  });

  it('an active job whose worker process is alive is left to it', async () => {
    const jobId = await claimedActiveJob('alive', jobs.workerId);
    expect(await jobs.reclaim()).toEqual({ orphaned: 0 });
    expect((await jobs.list({ queue: 'test.echo', limit: 1 }))[0]).toMatchObject({ id: jobId, state: 'active' });
    await db.query(`update pgboss.job set state = 'cancelled' where id = $1`, [jobId]);
  });

  it('an active job past its lease is handed back even when no claim names its worker', async () => {
    await db.transaction((tx) => jobs.enqueue(tx, 'test.echo', { id: 'hung' }));
    await db.query(
      `update pgboss.job set state = 'active', started_on = now() - interval '1 hour', expire_in = interval '1 minute' where name = 'test.echo' and data->>'id' = 'hung'`,
    );
    await jobs.reclaim();
    expect((await jobs.list({ queue: 'test.echo', limit: 1 }))[0]).toMatchObject({ state: 'retry' });
    await jobs.drain();
    expect(handled).toEqual(['hung']);
  });

  it('a queue takes the lease its definition states', async () => {
    const [queue] = await db.query<{ expire_seconds: number }>(`select expire_seconds from pgboss.queue where name = 'test.echo'`);
    expect(queue.expire_seconds).toBe(30);
  });

  it('two queue instances (two processes) never run the same job twice', async () => {
    const other = new JobQueue(url);
    const seen: string[] = [];
    const define = (q: JobQueue) =>
      q.define<{ id: string }>({ queue: 'test.race', handler: async (d) => void seen.push(d.id) });
    define(other);
    define(jobs);
    await other.start({ workers: false });
    await jobs.stop();
    await jobs.start({ workers: false });
    await db.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await jobs.enqueue(tx, 'test.race', { id: `j${i}` });
    });
    await Promise.all([jobs.drain(['test.race']), other.drain(['test.race'])]);
    await other.stop();
    expect(seen.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `j${i}`).sort());
  });

  it('workers started in a process pick up jobs without draining (woken by NOTIFY)', async () => {
    const worker = new JobQueue(url);
    const done = new Promise<string>((resolve) =>
      worker.define<{ id: string }>({ queue: 'test.live', handler: async (d) => resolve(d.id) }),
    );
    jobs.define<{ id: string }>({ queue: 'test.live', handler: async () => undefined });
    await worker.start({ workers: true });
    const sentAt = Date.now();
    await db.transaction((tx) => jobs.enqueue(tx, 'test.live', { id: 'live' }));
    await expect(done).resolves.toBe('live');
    // Woken on commit rather than at the 2 s poll.
    expect(Date.now() - sentAt).toBeLessThan(1500);
    await worker.stop();
  });

  it('registers cron schedules once, whichever process starts them', async () => {
    const a = new JobQueue(url);
    const b = new JobQueue(url);
    for (const q of [a, b]) {
      q.define({ queue: 'test.tick', handler: async () => undefined });
      q.schedule({ queue: 'test.tick', cron: '* * * * *' });
      await q.start({ workers: true });
    }
    const rows = await db.query<{ name: string; cron: string }>(`select name, cron from pgboss.schedule where name = 'test.tick'`);
    expect(rows).toEqual([{ name: 'test.tick', cron: '* * * * *' }]);
    await a.stop();
    await b.stop();
  });

  it('stopping while a reclaim is under way lets it finish instead of cutting its connection', async () => {
    const errors: unknown[] = [];
    const logger = { error: (...args: unknown[]) => errors.push(args), warn() {}, debug() {}, info() {} } as unknown as Logger;
    const worker = new JobQueue(url, logger);
    worker.define({ queue: 'test.stopping', handler: async () => undefined });
    await worker.start({ workers: true });
    // Holding the claim table keeps the next reclaim waiting on its lock: a shutdown that ended the
    // worker session now would log "Connection terminated" as a job reclaim failure.
    const holder = new Client({ connectionString: url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table platform.job_claim in access exclusive mode');
    const reclaim = (worker as unknown as { reclaimSafely(): Promise<void> }).reclaimSafely();
    const waitingOnLock = async () =>
      (await db.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%job_claim%'`)).length > 0;
    while (!(await waitingOnLock())) await new Promise((resolve) => setImmediate(resolve));
    const stopped = worker.stop();
    await holder.query('commit');
    await holder.end();
    await Promise.all([reclaim, stopped]);
    expect(errors).toEqual([]);
  });
});
