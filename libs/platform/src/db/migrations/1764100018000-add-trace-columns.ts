import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Traces read events and job runs on one timeline. `occurred_at` is the simulated clock (frozen
 * in tests and scenarios, so a whole chain shares one instant) while pg-boss stamps jobs with
 * database wall time; `recorded_at` puts events on that same wall timeline (`now()`, the start
 * of the writing transaction, exactly what pg-boss uses), so a job sorts after the event that
 * enqueued it and before the events its handler wrote. Rows written before this migration keep
 * it null and fall back to `occurred_at`.
 */
export class AddTraceColumns1764100018000 implements MigrationInterface {
  name = 'AddTraceColumns1764100018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table audit.domain_event add column recorded_at timestamptz`);
    await q.query(`alter table audit.domain_event alter column recorded_at set default now()`);
    await q.query(`create index domain_event_request_idx on audit.domain_event (request_id)`);
    await q.query(`create index external_call_occurred_idx on audit.external_call (occurred_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists audit.external_call_occurred_idx`);
    await q.query(`drop index if exists audit.domain_event_request_idx`);
    await q.query(`alter table audit.domain_event drop column if exists recorded_at`);
  }
}
