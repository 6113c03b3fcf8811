import { randomBytes } from 'node:crypto';
import type { Tx } from '#platform/db/database';

/** `CUST-3f9a0c12`: prefix + 8 random lowercase hex (uppercase for e.g. `PORT-`). */
export function randomId(prefix: string, options: { length?: number; upper?: boolean } = {}): string {
  const hex = randomBytes(Math.ceil((options.length ?? 8) / 2))
    .toString('hex')
    .slice(0, options.length ?? 8);
  return `${prefix}-${options.upper ? hex.toUpperCase() : hex}`;
}

/**
 * `ORD-0001` from a Postgres sequence: survives restarts, never repeats, and widens past its
 * padding (`ORD-10000`) instead of wrapping.
 */
export async function sequenceId(tx: Tx, sequence: string, prefix: string, pad = 4): Promise<string> {
  const [id] = await sequenceIds(tx, sequence, prefix, 1, pad);
  return id as string;
}

/** `count` ids from one sequence in one round trip, in increasing order. */
export async function sequenceIds(tx: Tx, sequence: string, prefix: string, count: number, pad = 4): Promise<string[]> {
  if (count <= 0) return [];
  const rows = (await tx.query(`select nextval($1::regclass) as n from generate_series(1, $2::int)`, [sequence, count])) as { n: string }[];
  return rows.map((row) => Number(row.n)).sort((a, b) => a - b).map((n) => `${prefix}-${String(n).padStart(pad, '0')}`);
}

