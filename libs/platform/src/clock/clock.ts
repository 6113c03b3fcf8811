import { InvalidInput } from '#platform/platform.errors';
import type { Database } from '#platform/db/database';
import { parseDurationSeconds } from './duration';

export const CLOCK_MODES = ['wall', 'frozen'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

export interface ClockState {
  now: string;
  mode: ClockMode;
  offsetSeconds: number;
  frozenAt: string | null;
}

interface ClockRow {
  mode: ClockMode;
  offset_seconds: string;
  frozen_at: Date | null;
}

/**
 * The simulated clock. Its setting lives in `platform.clock` so every process (apps, workers,
 * CLI) agrees on "now"; each process caches the row briefly to keep `now()` off the hot path.
 * Domain code takes time only from here, never from `Date.now()`.
 */
export class Clock {
  private cached?: { row: ClockRow; readAt: number };

  constructor(
    private readonly db: Database,
    private readonly cacheMs = 250,
  ) {}

  async now(): Promise<Date> {
    const row = await this.row();
    if (row.mode === 'frozen' && row.frozen_at) return new Date(row.frozen_at.getTime());
    return new Date(Date.now() + Number(row.offset_seconds) * 1000);
  }

  async state(): Promise<ClockState> {
    const row = await this.row(true);
    const now = await this.now();
    return {
      now: now.toISOString(),
      mode: row.mode,
      offsetSeconds: Number(row.offset_seconds),
      frozenAt: row.frozen_at ? row.frozen_at.toISOString() : null,
    };
  }

  /** Stops time at `at` (default: the current simulated now). */
  async freeze(at?: string | Date): Promise<ClockState> {
    const when = at === undefined ? await this.now() : parseInstant(at, 'at');
    await this.db.query(`update platform.clock set mode = 'frozen', frozen_at = $1, updated_at = now() where id = 1`, [when]);
    return this.changed();
  }

  /** Back to wall time, keeping the offset. */
  async unfreeze(): Promise<ClockState> {
    await this.db.query(`update platform.clock set mode = 'wall', frozen_at = null, updated_at = now() where id = 1`);
    return this.changed();
  }

  /** Moves time forward: the frozen instant when frozen, otherwise the offset. */
  async advance(duration: string): Promise<ClockState> {
    const seconds = parseDurationSeconds(duration);
    await this.db.query(
      `update platform.clock
          set frozen_at = case when mode = 'frozen' then frozen_at + make_interval(secs => $1) else frozen_at end,
              offset_seconds = case when mode = 'frozen' then offset_seconds else offset_seconds + $1 end,
              updated_at = now()
        where id = 1`,
      [seconds],
    );
    return this.changed();
  }

  /** Wall mode, no offset (tests and `bss admin reset`). */
  async reset(): Promise<ClockState> {
    await this.db.query(`update platform.clock set mode = 'wall', frozen_at = null, offset_seconds = 0, updated_at = now() where id = 1`);
    return this.changed();
  }

  private async changed(): Promise<ClockState> {
    this.cached = undefined;
    return this.state();
  }

  private async row(fresh = false): Promise<ClockRow> {
    if (!fresh && this.cached && Date.now() - this.cached.readAt < this.cacheMs) return this.cached.row;
    // On the read lanes, not the pool: a write reading the clock inside its transaction (its cache lapsed) must never wait for
    // a pooled connection that every other open transaction, doing the same, holds — that hung concurrent loyalty claims.
    const [row] = await this.db.prepared<ClockRow>(`select mode, offset_seconds, frozen_at from platform.clock where id = 1`);
    if (!row) throw new Error('platform.clock has no row; run the migrations');
    this.cached = { row, readAt: Date.now() };
    return row;
  }
}

/** ISO-8601 instant; a value without a zone is read as UTC. */
export function parseInstant(value: string | Date, field: string): Date {
  if (value instanceof Date) return value;
  const text = value.trim();
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const date = new Date(hasZone || !/T|\d{2}:\d{2}/.test(text) ? text : `${text}Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new InvalidInput([{ field, messages: [`"${value}" is not an ISO-8601 date-time (e.g. 2026-01-31T09:00:00Z)`] }]);
  }
  return date;
}
