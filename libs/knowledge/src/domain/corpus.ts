import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeKind } from './chunker';

export interface CorpusFile {
  /** Relative to the checkout root, with `/`. */
  path: string;
  kind: KnowledgeKind;
  /** Split at `###` too. */
  deep: boolean;
}

/**
 * What the knowledge tool may quote: the operator handbook, every runbook, and the contributor
 * guide. An allowlist by folder, so a scratch note elsewhere never becomes an answer.
 */
export function corpusFiles(root: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  if (existsSync(join(root, 'docs/handbook.md'))) files.push({ path: 'docs/handbook.md', kind: 'handbook', deep: true });
  const runbooks = join(root, 'docs/runbooks');
  if (existsSync(runbooks)) {
    for (const name of readdirSync(runbooks).filter((n) => n.endsWith('.md')).sort()) files.push({ path: `docs/runbooks/${name}`, kind: 'runbook', deep: false });
  }
  if (existsSync(join(root, 'CONTRIBUTING.md'))) files.push({ path: 'CONTRIBUTING.md', kind: 'contributing', deep: false });
  return files;
}
