import type { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

/** The shared kernel: simulated clock, job-handler inbox and the pg-boss queue schema. */
export class CreatePlatform1764100000000 implements MigrationInterface {
  name = 'CreatePlatform1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists platform`);
    await q.query(`
      create table platform.clock (
        id int primary key check (id = 1),
        mode text not null default 'wall' check (mode in ('wall', 'frozen')),
        offset_seconds bigint not null default 0,
        frozen_at timestamptz,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`insert into platform.clock (id) values (1)`);
    // Inbox: a handler records (event_id, consumer) in its own transaction, so a redelivered
    // job is a no-op.
    await q.query(`
      create table platform.processed_event (
        event_id text not null,
        consumer text not null,
        processed_at timestamptz not null default now(),
        primary key (event_id, consumer)
      )`);
    await q.query(PgBoss.getConstructionPlans('pgboss'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists pgboss cascade`);
    await q.query(`drop schema if exists platform cascade`);
  }
}
