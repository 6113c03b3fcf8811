import type { MigrationInterface, QueryRunner } from 'typeorm';

/** audit.domain_event: one row per write, in the write's transaction; it is also the domain event. */
export class CreateAudit1764100001000 implements MigrationInterface {
  name = 'CreateAudit1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists audit`);
    await q.query(`
      create table audit.domain_event (
        id bigserial primary key,
        event_id uuid not null unique,
        event_type text not null,
        aggregate_type text not null,
        aggregate_id text not null,
        occurred_at timestamptz not null,
        actor text not null,
        channel text not null,
        service_identity text not null,
        tenant_id text not null default 'DEFAULT',
        request_id text not null,
        payload jsonb not null default '{}'::jsonb,
        schema_version int not null default 1
      )`);
    await q.query(`create index domain_event_aggregate_idx on audit.domain_event (aggregate_id, occurred_at)`);
    await q.query(`create index domain_event_type_idx on audit.domain_event (event_type, occurred_at)`);
    await q.query(`create index domain_event_occurred_idx on audit.domain_event (occurred_at)`);
    await q.query(`
      create table audit.email_outbox (
        id bigserial primary key,
        to_address text not null,
        subject text not null,
        body_text text not null,
        kind text not null,
        provider text not null default 'outbox',
        created_at timestamptz not null,
        sent_at timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index email_outbox_to_idx on audit.email_outbox (to_address, created_at desc)`);
    await q.query(`
      create table audit.external_call (
        id bigserial primary key,
        provider text not null,
        operation text not null,
        status text not null,
        latency_ms int not null,
        aggregate_id text,
        request_payload jsonb,
        response_payload jsonb,
        error text,
        occurred_at timestamptz not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists audit cascade`);
  }
}
