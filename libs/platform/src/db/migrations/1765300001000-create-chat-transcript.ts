import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit.chat_transcript: the conversation behind an escalated case, keyed by its SHA-256 (the
 * case's `chat_transcript_hash`). Append-only: a trigger refuses any UPDATE, DELETE or TRUNCATE.
 */
export class CreateChatTranscript1765300001000 implements MigrationInterface {
  name = 'CreateChatTranscript1765300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table audit.chat_transcript (
        hash text primary key check (hash ~ '^[0-9a-f]{64}$'),
        tenant_id text not null default 'DEFAULT',
        customer_id text not null,
        body text not null,
        recorded_at timestamptz not null
      )`);
    await q.query(`create index chat_transcript_customer_idx on audit.chat_transcript (customer_id)`);
    await q.query(`
      create function audit.chat_transcript_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit.chat_transcript is append-only (% refused)', tg_op using errcode = 'P0001';
      end $$`);
    await q.query(`
      create trigger chat_transcript_append_only before update or delete on audit.chat_transcript
        for each row execute function audit.chat_transcript_append_only()`);
    await q.query(`
      create trigger chat_transcript_no_truncate before truncate on audit.chat_transcript
        for each statement execute function audit.chat_transcript_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists audit.chat_transcript`);
    await q.query(`drop function if exists audit.chat_transcript_append_only()`);
  }
}
