import { createHash } from 'node:crypto';

export const KNOWLEDGE_KINDS = ['handbook', 'runbook', 'contributing'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Ranking weights applied after the SQL limit (spec §6): the handbook first, then runbooks, then the contributor guide. */
export const KIND_WEIGHTS: Record<KnowledgeKind, number> = { handbook: 1.1, runbook: 1.05, contributing: 0.85 };

export interface DocChunk {
  /** 32 hex of sha256("<path>|<anchor>"): stable across reindexes. */
  id: string;
  sourcePath: string;
  anchor: string;
  /** `Handbook → Tokens → Rotate` */
  headingPath: string;
  kind: KnowledgeKind;
  content: string;
  contentHash: string;
}

/** GitHub's heading anchor: lower-case, keep letters/digits/`_`/`-`/spaces, spaces → `-`. */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Splits one markdown file into chunks at `##` headings (also `###` when `deep`, for the
 * handbook), each chunk holding its heading line. Text before the first split heading is the
 * preamble chunk, anchored by the file's name. Headings inside code fences are text. A repeated
 * anchor gets GitHub's `-1`, `-2` suffix instead of overwriting the first.
 */
export function chunkMarkdown(sourcePath: string, markdown: string, kind: KnowledgeKind, options: { deep?: boolean } = {}): DocChunk[] {
  const text = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const splitLevel = options.deep ? 3 : 2;
  const baseName = sourcePath.split('/').pop()!.replace(/\.md$/i, '');
  const title = text.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? baseName;
  const sections: { heading: string | null; level: number; lines: string[]; path: string[] }[] = [{ heading: null, level: 1, lines: [], path: [title] }];
  const stack: { level: number; heading: string }[] = [{ level: 1, heading: title }];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : line.match(/^(#{2,6})\s+(.+?)\s*#*\s*$/);
    if (heading) {
      const level = heading[1]!.length;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, heading: heading[2]! });
      if (level <= splitLevel) {
        sections.push({ heading: heading[2]!, level, lines: [line], path: stack.map((s) => s.heading) });
        continue;
      }
    }
    sections[sections.length - 1]!.lines.push(line);
  }
  const seen = new Map<string, number>();
  const chunks: DocChunk[] = [];
  for (const section of sections) {
    const content = section.lines.join('\n').trim();
    if (!content) continue;
    const base = section.heading === null ? githubAnchor(baseName) : githubAnchor(section.heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const anchor = count === 0 ? base : `${base}-${count}`;
    chunks.push({
      id: sha256(`${sourcePath}|${anchor}`).slice(0, 32),
      sourcePath,
      anchor,
      headingPath: section.path.join(' → '),
      kind,
      content,
      contentHash: sha256(content),
    });
  }
  return chunks;
}
