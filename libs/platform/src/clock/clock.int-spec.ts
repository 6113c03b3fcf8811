import { Database, databaseUrl } from '#platform/index';
import { Clock } from './clock';
import { createTestDatabase } from '@bss/testing';

describe('Clock (shared through Postgres)', () => {
  let url: string;
  let db: Database;
  let other: Database;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = await Database.connect({ url });
    other = await Database.connect({ url });
  });
  afterAll(async () => {
    await db.close();
    await other.close();
  });

  it('every pooled connection in a transaction that reads the clock: each gets its answer (the clock does not use the pool)', async () => {
    const small = await Database.connect({ url, poolSize: 2 });
    try {
      const clock = new Clock(small, 0);
      const inside = Array.from({ length: 6 }, () => small.transaction(async (tx) => ({ now: await clock.now(), one: await tx.query('select 1 as one') })));
      const results = await Promise.all(inside);
      expect(results).toHaveLength(6);
      for (const r of results) expect(r.now).toBeInstanceOf(Date);
    } finally {
      await small.close();
    }
  }, 20_000);

  it('starts in wall mode with no offset', async () => {
    const state = await new Clock(db).state();
    expect(state).toMatchObject({ mode: 'wall', offsetSeconds: 0, frozenAt: null });
    expect(Math.abs(new Date(state.now).getTime() - Date.now())).toBeLessThan(2000);
  });

  it('advance in one process is seen by another (offset in wall mode)', async () => {
    const mine = new Clock(db);
    const theirs = new Clock(other, 0);
    await mine.advance('30d');
    const state = await theirs.state();
    expect(state.offsetSeconds).toBe(30 * 86400);
    expect(new Date(state.now).getTime() - Date.now()).toBeGreaterThan(30 * 86400 * 1000 - 5000);
    await mine.reset();
  });

  it('freeze pins now; advance moves the frozen instant; unfreeze keeps the offset', async () => {
    const clock = new Clock(db, 0);
    await clock.freeze('2026-01-01T00:00:00');
    expect((await clock.now()).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    await clock.advance('1h');
    expect((await clock.state()).frozenAt).toBe('2026-01-01T01:00:00.000Z');
    await clock.unfreeze();
    const state = await clock.state();
    expect(state).toMatchObject({ mode: 'wall', frozenAt: null, offsetSeconds: 0 });
  });

  it('rejects malformed durations and instants with a field error', async () => {
    const clock = new Clock(db);
    await expect(clock.advance('-3d')).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'duration' }] } });
    await expect(clock.advance('30x')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(clock.freeze('yesterday')).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'at' }] } });
  });

  it('test databases are separate', async () => {
    const second = await createTestDatabase();
    expect(second).not.toBe(url);
    expect(new URL(databaseUrl(second, 'x')).pathname).toBe('/x');
  });
});
