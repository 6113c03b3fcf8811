import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * cockpit: the operator conversations the terminal REPL and the browser cockpit share — sessions,
 * their messages (user / assistant / tool rows) and at most one staged destructive action each.
 */
export class CreateCockpitConversations1765200000000 implements MigrationInterface {
  name = 'CreateCockpitConversations1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists cockpit`);
    await q.query(`
      create table cockpit.session (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        actor text not null,
        label text,
        customer_focus text,
        subscription_focus text,
        allow_destructive boolean not null default false,
        state text not null default 'active' check (state in ('active', 'closed')),
        started_at timestamptz not null,
        last_active_at timestamptz not null,
        closed_at timestamptz
      )`);
    await q.query(`create index session_actor_active_idx on cockpit.session (tenant_id, actor, last_active_at desc) where state = 'active'`);
    await q.query(`
      create table cockpit.message (
        id bigserial primary key,
        tenant_id text not null default 'DEFAULT',
        session_id text not null references cockpit.session (id) on delete cascade,
        role text not null check (role in ('user', 'assistant', 'tool')),
        content text not null,
        tool_name text,
        tool_calls_json jsonb,
        created_at timestamptz not null
      )`);
    await q.query(`create index message_session_idx on cockpit.message (session_id, id)`);
    await q.query(`
      create table cockpit.pending_action (
        session_id text primary key references cockpit.session (id) on delete cascade,
        tenant_id text not null default 'DEFAULT',
        tool_name text not null,
        tool_args_json jsonb not null,
        proposal_message_id bigint references cockpit.message (id) on delete cascade,
        proposed_at timestamptz not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists cockpit cascade`);
  }
}
