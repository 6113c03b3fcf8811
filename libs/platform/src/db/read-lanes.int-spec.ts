import { createTestDatabase } from '@bss/testing';
import { Client } from 'pg';
import { Database } from './database';
import { ReadLanes } from './read-lanes';

describe('ReadLanes (hot reads pipelined on a few connections)', () => {
  let url: string;
  let lanes: ReadLanes;
  const appName = 'bss-read-lanes-spec';

  beforeAll(async () => {
    url = await createTestDatabase();
    lanes = new ReadLanes({ url, applicationName: appName, lanes: 2 });
  });

  afterAll(() => lanes.close());

  const backends = async (): Promise<number[]> => {
    const probe = new Client({ connectionString: url });
    await probe.connect();
    try {
      const { rows } = await probe.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1 order by pid', [appName]);
      return rows.map((r) => r.pid);
    } finally {
      await probe.end();
    }
  };

  it('answers many concurrent reads, each with its own result, over no more connections than lanes', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => lanes.query<{ n: number }>({ name: 'lanes_echo', text: 'select $1::int as n', values: [i] })),
    );
    expect(results.map((r) => r.rows[0].n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(await backends()).toHaveLength(2);
  });

  it('a statement that fails fails alone: the reads pipelined around it on the same lane still answer', async () => {
    const settled = await Promise.allSettled([
      lanes.query({ text: 'select 1 as n' }),
      lanes.query({ text: 'select 1 as n' }),
      lanes.query({ text: 'select 1 / 0 as n' }),
      lanes.query({ text: 'select 1 / 0 as n' }),
      lanes.query({ text: 'select 2 as n' }),
      lanes.query({ text: 'select 2 as n' }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((settled[2] as PromiseRejectedResult).reason)).toContain('division by zero');
  });

  it('a lane whose connection is cut is reopened on the next read', async () => {
    const [first] = await backends();
    const killer = new Client({ connectionString: url });
    await killer.connect();
    await killer.query('select pg_terminate_backend($1, 5000)', [first]);
    await killer.end();
    // The backend is gone before the next read: whichever lane had it fails at most once, then every read answers.
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await lanes.query<{ ok: string }>({ text: `select 'ok' as ok` }).then((r) => r.rows[0].ok, () => 'cut'));
    }
    expect(answers.filter((a) => a === 'cut').length).toBeLessThanOrEqual(1);
    expect(answers.slice(-4)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await backends()).not.toContain(first);
  });

  it('Database.prepared reads through the lanes', async () => {
    const db = await Database.connect({ url, applicationName: 'bss-read-lanes-db', readLanes: 1 });
    try {
      const rows = await Promise.all([1, 2, 3].map((n) => db.prepared<{ n: number }>('select $1::int as n', [n])));
      expect(rows.map(([r]) => r.n)).toEqual([1, 2, 3]);
    } finally {
      await db.close();
    }
  });

  describe('BSS_DB_READ_LANES', () => {
    const saved = process.env.BSS_DB_READ_LANES;
    afterEach(() => {
      if (saved === undefined) delete process.env.BSS_DB_READ_LANES;
      else process.env.BSS_DB_READ_LANES = saved;
    });

    it('sets how many lanes Database.connect opens when the caller names none', async () => {
      process.env.BSS_DB_READ_LANES = '3';
      const db = await Database.connect({ url, applicationName: 'bss-read-lanes-env' });
      try {
        await Promise.all(Array.from({ length: 30 }, (_, n) => db.prepared('select $1::int as lane_probe', [n])));
        // The pool's connections carry the same name but never ran the probe: the 30 reads shared three lanes.
        const probe = new Client({ connectionString: url });
        await probe.connect();
        try {
          const { rows } = await probe.query(`select pid from pg_stat_activity where application_name = 'bss-read-lanes-env' and query like '%lane_probe%'`);
          expect(rows).toHaveLength(3);
        } finally {
          await probe.end();
        }
      } finally {
        await db.close();
      }
    });

    it('refuses to start on a value that is not a whole number, naming the variable', async () => {
      process.env.BSS_DB_READ_LANES = 'two';
      await expect(Database.connect({ url, applicationName: 'bss-read-lanes-env' })).rejects.toThrow(/BSS_DB_READ_LANES must be an integer, got "two"/);
    });
  });
});
