import type { Tx } from '#platform/db/database';

/**
 * Records that `consumer` handled `eventId`, in the handler's own transaction.
 * Returns false when it already had: the caller skips the work (at-least-once delivery,
 * exactly-once effect).
 */
export async function firstDelivery(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
  const rows = (await tx.query(
    `insert into platform.processed_event (event_id, consumer) values ($1, $2) on conflict do nothing returning event_id`,
    [eventId, consumer],
  )) as unknown[];
  return rows.length === 1;
}
