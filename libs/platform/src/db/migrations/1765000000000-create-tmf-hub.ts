import type { MigrationInterface, QueryRunner } from 'typeorm';

/** tmf: TMF688 hub listeners of the partner APIs, and the relay's cursor over audit.domain_event. */
export class CreateTmfHub1765000000000 implements MigrationInterface {
  name = 'CreateTmfHub1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists tmf`);
    await q.query(`
      create table tmf.hub_listener (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        api text not null,
        callback text not null,
        query text,
        signing_secret text not null,
        service_identity text not null,
        created_at timestamptz not null
      )`);
    await q.query(`create index hub_listener_api_idx on tmf.hub_listener (tenant_id, api)`);
    await q.query(`
      create table tmf.hub_cursor (
        name text primary key,
        tenant_id text not null default 'DEFAULT',
        last_event_seq bigint not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists tmf cascade`);
  }
}
