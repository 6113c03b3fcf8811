import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub relay read `audit.domain_event` past an id cursor, but ids are handed out when a row is
 * inserted, not when its transaction commits: an event whose transaction committed after a later
 * id had been read was skipped for ever. Each event now carries the id of the transaction that
 * wrote it (`tx_id`, the 64-bit `pg_current_xact_id()` as bigint), and the relay reads in
 * `(tx_id, id)` order only below the oldest transaction still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`): no row can appear behind that horizon any more.
 */
export class AddDomainEventTxId1765000003000 implements MigrationInterface {
  name = 'AddDomainEventTxId1765000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table audit.domain_event add column tx_id bigint not null default (pg_current_xact_id()::text::bigint)`);
    await q.query(`create index domain_event_tx_idx on audit.domain_event (tx_id, id)`);
    await q.query(`alter table tmf.hub_cursor add column last_tx_id bigint not null default 0`);
    // Rows already relayed keep counting as relayed: the cursor moves to the transaction of its last row.
    await q.query(`update tmf.hub_cursor c set last_tx_id = coalesce((select max(e.tx_id) from audit.domain_event e where e.id <= c.last_event_seq), 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table tmf.hub_cursor drop column if exists last_tx_id`);
    await q.query(`drop index if exists audit.domain_event_tx_idx`);
    await q.query(`alter table audit.domain_event drop column if exists tx_id`);
  }
}
