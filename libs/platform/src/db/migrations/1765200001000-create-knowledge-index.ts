import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * knowledge: the operator handbook and runbooks, chunked by heading, in Postgres full-text search.
 * The heading path weighs more than the body (A vs B), so "rotate api token" finds the section
 * named after it first.
 */
export class CreateKnowledgeIndex1765200001000 implements MigrationInterface {
  name = 'CreateKnowledgeIndex1765200001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists knowledge`);
    await q.query(`
      create table knowledge.doc_chunk (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        source_path text not null,
        anchor text not null,
        heading_path text not null,
        kind text not null,
        content text not null,
        content_tsv tsvector generated always as (
          setweight(to_tsvector('english', heading_path), 'A') || setweight(to_tsvector('english', content), 'B')
        ) stored,
        content_hash text not null,
        source_mtime timestamptz not null,
        indexed_at timestamptz not null,
        unique (source_path, anchor)
      )`);
    await q.query(`create index doc_chunk_tsv_idx on knowledge.doc_chunk using gin (content_tsv)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists knowledge cascade`);
  }
}
