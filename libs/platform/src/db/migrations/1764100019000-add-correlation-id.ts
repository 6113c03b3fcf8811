import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A caller's own `X-Request-Id` is kept as a correlation id beside the server's request id, never
 * as the request id itself: a client could otherwise write its events into another request's trace
 * (by sending that request's id) or merge two of its own requests into one. Indexed so an
 * operator can find a caller's request by the id the caller quotes.
 */
export class AddCorrelationId1764100019000 implements MigrationInterface {
  name = 'AddCorrelationId1764100019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table audit.domain_event add column correlation_id text`);
    await q.query(`create index domain_event_correlation_idx on audit.domain_event (correlation_id) where correlation_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists audit.domain_event_correlation_idx`);
    await q.query(`alter table audit.domain_event drop column if exists correlation_id`);
  }
}
