import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { IsBoolean, IsOptional } from 'class-validator';
import { Clock, Database, Verb, projectRoot, validateInput, type Tx } from '@bss/platform';
import { chunkMarkdown, type DocChunk } from '#knowledge/domain/chunker';
import { corpusFiles } from '#knowledge/domain/corpus';

export interface ReindexResult {
  files: number;
  chunks: number;
  indexed: number;
  skipped: number;
  deleted: number;
}

export class ReindexKnowledgeInput {
  /** Rewrite every section, changed or not. */
  @IsOptional() @IsBoolean() force?: boolean;
}

/**
 * Rebuilds the knowledge index from the files on disk: upserts changed chunks, skips those whose
 * content hash is unchanged (unless `force`), deletes chunks no file produces any more. One
 * transaction, so a search never sees half an index. Run by the seed (every `npm start` and
 * `bss admin seed`) and by `bss admin knowledge reindex`.
 */
@Verb({ name: 'admin.knowledge.reindex', input: ReindexKnowledgeInput, summary: 'Rebuild the handbook search index from docs/ (unchanged sections are skipped)' })
@Injectable()
export class ReindexKnowledgeCommand {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** `root` (default: the checkout) lets specs index a scratch folder. */
  async execute(input: ReindexKnowledgeInput = {}, options: { root?: string } = {}): Promise<ReindexResult> {
    const dto = await validateInput(ReindexKnowledgeInput, input);
    const now = await this.clock.now();
    return this.db.transaction((tx) => reindexIn(tx, now, { force: dto.force, root: options.root }));
  }
}

/** The reindex inside an open transaction (the seed has one, and no Clock: it reads the clock row itself). */
export async function reindexIn(tx: Tx, at: Date, input: { force?: boolean; root?: string } = {}): Promise<ReindexResult> {
  const root = input.root ?? projectRoot();
  const files = corpusFiles(root);
  const chunks: (DocChunk & { mtime: Date })[] = [];
  for (const file of files) {
    const absolute = join(root, file.path);
    const mtime = statSync(absolute).mtime;
    for (const chunk of chunkMarkdown(file.path, readFileSync(absolute, 'utf8'), file.kind, { deep: file.deep })) chunks.push({ ...chunk, mtime });
  }
  const existing = new Map(
    ((await tx.query(`select id, content_hash, heading_path, kind from knowledge.doc_chunk`)) as { id: string; content_hash: string; heading_path: string; kind: string }[]).map((r) => [r.id, r]),
  );
  const changed = chunks.filter((c) => {
    const row = existing.get(c.id);
    return input.force || !row || row.content_hash !== c.contentHash || row.heading_path !== c.headingPath || row.kind !== c.kind;
  });
  for (const c of changed) {
    await tx.query(
      `insert into knowledge.doc_chunk (id, source_path, anchor, heading_path, kind, content, content_hash, source_mtime, indexed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (id) do update set heading_path = excluded.heading_path, kind = excluded.kind, content = excluded.content,
         content_hash = excluded.content_hash, source_mtime = excluded.source_mtime, indexed_at = excluded.indexed_at`,
      [c.id, c.sourcePath, c.anchor, c.headingPath, c.kind, c.content, c.contentHash, c.mtime, at],
    );
  }
  const produced = chunks.map((c) => c.id);
  const gone = [...existing.keys()].filter((id) => !produced.includes(id));
  if (gone.length) await tx.query(`delete from knowledge.doc_chunk where id = any($1::text[])`, [gone]);
  return { files: files.length, chunks: chunks.length, indexed: changed.length, skipped: chunks.length - changed.length, deleted: gone.length };
}
