import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * chat: the customer chat's conversations and turns (each bound to its owner: a customer id, or
 * `anon-…` for a visitor), the SSE frames a turn produced (persisted, so a dropped connection
 * never loses the reply), the request log the hourly caps count, and monthly usage per owner.
 */
export class CreateChat1765300000000 implements MigrationInterface {
  name = 'CreateChat1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists chat`);
    await q.query(`
      create table chat.conversation (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        owner_key text not null,
        customer_id text,
        state text not null default 'active' check (state in ('active', 'closed')),
        created_at timestamptz not null,
        last_active_at timestamptz not null
      )`);
    await q.query(`create index conversation_owner_idx on chat.conversation (owner_key, last_active_at desc) where state = 'active'`);
    await q.query(`
      create table chat.turn (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        conversation_id text not null references chat.conversation (id) on delete cascade,
        owner_key text not null,
        prompt text not null,
        reply text,
        status text not null check (status in ('running', 'done', 'error')),
        tools jsonb not null default '[]',
        started_at timestamptz not null,
        finished_at timestamptz
      )`);
    await q.query(`create index turn_conversation_idx on chat.turn (conversation_id, started_at)`);
    await q.query(`
      create table chat.frame (
        id bigserial primary key,
        tenant_id text not null default 'DEFAULT',
        turn_id text not null references chat.turn (id) on delete cascade,
        seq integer not null,
        kind text not null check (kind in ('status', 'tool', 'message')),
        data jsonb not null,
        unique (turn_id, seq)
      )`);
    await q.query(`
      create table chat.request (
        id bigserial primary key,
        tenant_id text not null default 'DEFAULT',
        owner_key text not null,
        ip text,
        requested_at timestamptz not null
      )`);
    await q.query(`create index request_owner_idx on chat.request (owner_key, requested_at)`);
    await q.query(`create index request_ip_idx on chat.request (ip, requested_at) where owner_key like 'anon-%'`);
    await q.query(`
      create table chat.usage (
        owner_key text not null,
        period_yyyymm integer not null,
        tenant_id text not null default 'DEFAULT',
        requests_count integer not null default 0,
        prompt_tokens bigint not null default 0,
        completion_tokens bigint not null default 0,
        cost_cents integer not null default 0,
        last_updated timestamptz not null,
        primary key (owner_key, period_yyyymm)
      )`);
    await q.query(`
      create table chat.pending_action (
        conversation_id text primary key references chat.conversation (id) on delete cascade,
        tenant_id text not null default 'DEFAULT',
        tool_name text not null,
        tool_args jsonb not null,
        summary text not null,
        proposed_at timestamptz not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists chat cascade`);
  }
}
