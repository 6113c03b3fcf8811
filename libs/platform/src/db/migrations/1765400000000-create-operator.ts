import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cockpit operators are records (issue #15): who may sign in to :9002, by name and role. They sign
 * in through the same emailed-code login as portal customers, so codes and sessions gain an
 * audience: a code mailed for the portal never opens a cockpit session, and a portal session
 * cookie presented to the cockpit resolves to nobody.
 */
export class CreateOperator1765400000000 implements MigrationInterface {
  name = 'CreateOperator1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table portal_auth.operator (
        id text primary key,
        email text not null,
        name text not null,
        role text not null check (role in ('admin','agent')),
        status text not null check (status in ('active','disabled')),
        created_at timestamptz not null,
        disabled_at timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create unique index operator_email_uq on portal_auth.operator (tenant_id, email)`);
    await q.query(`alter table portal_auth.login_token add column audience text not null default 'portal' check (audience in ('portal','cockpit'))`);
    await q.query(`alter table portal_auth.session add column audience text not null default 'portal' check (audience in ('portal','cockpit'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_auth.session drop column audience`);
    await q.query(`alter table portal_auth.login_token drop column audience`);
    await q.query(`drop table portal_auth.operator`);
  }
}
