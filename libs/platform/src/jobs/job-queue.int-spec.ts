import { createTestDatabase } from '@bss/testing';
import { Database } from '../db/database';
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
});
