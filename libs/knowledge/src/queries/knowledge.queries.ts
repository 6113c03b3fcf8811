import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { KIND_WEIGHTS, type KnowledgeKind } from '#knowledge/domain/chunker';

export interface KnowledgeHit {
  anchor: string;
  sourcePath: string;
  headingPath: string;
  kind: KnowledgeKind;
  /** Matching fragments with the terms in ‹ ›, joined by ` … `. */
  snippet: string;
  content: string;
  rank: number;
}

export interface KnowledgeChunkView {
  anchor: string;
  sourcePath: string;
  headingPath: string;
  kind: KnowledgeKind;
  content: string;
  indexedAt: string;
}

interface HitRow {
  anchor: string;
  source_path: string;
  heading_path: string;
  kind: KnowledgeKind;
  snippet: string;
  content: string;
  rank: number;
}

const HEADLINE = `StartSel=‹, StopSel=›, MaxWords=60, MinWords=20, MaxFragments=3, FragmentDelimiter=" … "`;

@Injectable()
export class KnowledgeQueries {
  constructor(private readonly db: Database) {}

  /**
   * Full-text search: every word must match (`plainto_tsquery`); when nothing does, any word may
   * (a question's filler words must not empty the answer). SQL ranks and limits, then the kind
   * weights re-sort (spec §6). Ranked by cover density (`ts_rank_cd`), not `ts_rank`: with the
   * heading weighted A, `ts_rank` saturates at 1.0 and ties the section named after the question
   * with its neighbours.
   */
  async search(query: string, options: { k?: number; kinds?: readonly KnowledgeKind[] } = {}): Promise<KnowledgeHit[]> {
    const k = options.k ?? 5;
    const all = await this.run(`plainto_tsquery('english', $1)`, query, k, options.kinds);
    const rows = all.length ? all : await this.run(`to_tsquery('simple', replace(plainto_tsquery('english', $1)::text, ' & ', ' | '))`, query, k, options.kinds);
    return rows
      .map((r) => ({
        anchor: r.anchor,
        sourcePath: r.source_path,
        headingPath: r.heading_path,
        kind: r.kind,
        snippet: r.snippet,
        content: r.content,
        rank: Number(r.rank) * (KIND_WEIGHTS[r.kind] ?? 1),
      }))
      .sort((a, b) => b.rank - a.rank);
  }

  async get(sourcePath: string, anchor: string): Promise<KnowledgeChunkView> {
    const [row] = await this.db.query<{ anchor: string; source_path: string; heading_path: string; kind: KnowledgeKind; content: string; indexed_at: Date }>(
      `select anchor, source_path, heading_path, kind, content, indexed_at from knowledge.doc_chunk where source_path = $1 and anchor = $2`,
      [sourcePath, anchor],
    );
    if (!row) throw new NotFound('knowledge chunk', `${sourcePath}#${anchor}`);
    return { anchor: row.anchor, sourcePath: row.source_path, headingPath: row.heading_path, kind: row.kind, content: row.content, indexedAt: row.indexed_at.toISOString() };
  }

  async list(options: { limit?: number; kind?: KnowledgeKind } = {}): Promise<Omit<KnowledgeChunkView, 'content'>[]> {
    const rows = await this.db.query<{ anchor: string; source_path: string; heading_path: string; kind: KnowledgeKind; indexed_at: Date }>(
      `select anchor, source_path, heading_path, kind, indexed_at from knowledge.doc_chunk where ($1::text is null or kind = $1) order by source_path, heading_path limit $2`,
      [options.kind ?? null, options.limit ?? 50],
    );
    return rows.map((r) => ({ anchor: r.anchor, sourcePath: r.source_path, headingPath: r.heading_path, kind: r.kind, indexedAt: r.indexed_at.toISOString() }));
  }

  private run(tsquery: string, query: string, k: number, kinds?: readonly KnowledgeKind[]): Promise<HitRow[]> {
    return this.db.query<HitRow>(
      `select anchor, source_path, heading_path, kind, content, ts_rank_cd(content_tsv, q) as rank,
              ts_headline('english', content, q, '${HEADLINE}') as snippet
         from knowledge.doc_chunk, ${tsquery} q
        where q is not null and content_tsv @@ q and ($3::text[] is null or kind = any($3))
        order by rank desc, source_path, anchor
        limit $2`,
      [query, k, kinds?.length ? kinds : null],
    );
  }
}
