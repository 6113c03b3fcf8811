import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TMF677 asynchronous report requests and the report snapshots they produce: a request names a line
 * and a period, a job computes the report and stores it; both stay until the partner deletes them.
 */
export class CreateTmfUsageReport1765000012000 implements MigrationInterface {
  name = 'CreateTmfUsageReport1765000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tmf.usage_report (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        subscription_id text not null,
        customer_id text not null,
        period_start timestamptz,
        period_end timestamptz,
        computed_at timestamptz not null,
        snapshot jsonb not null
      )`);
    await q.query(`
      create table tmf.usage_report_request (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        service_identity text not null,
        subscription_id text not null,
        customer_id text not null,
        period_start timestamptz,
        period_end timestamptz,
        status text not null check (status in ('inProgress', 'done', 'failed')),
        report_id text references tmf.usage_report (id) on delete set null,
        failure text,
        created_at timestamptz not null,
        last_update timestamptz not null
      )`);
    await q.query(`create index usage_report_request_customer_idx on tmf.usage_report_request (tenant_id, customer_id)`);
    await q.query(`create index usage_report_customer_idx on tmf.usage_report (tenant_id, customer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists tmf.usage_report_request`);
    await q.query(`drop table if exists tmf.usage_report`);
  }
}
