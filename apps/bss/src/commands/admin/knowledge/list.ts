import { Flags } from '@oclif/core';
import { KNOWLEDGE_KINDS, KnowledgeQueries, type KnowledgeChunkView, type KnowledgeKind } from '@bss/knowledge';
import { renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

type ChunkRow = Omit<KnowledgeChunkView, 'content'>;

export default class AdminKnowledgeList extends BssCommand<ChunkRow[]> {
  static override summary = 'List the indexed handbook and runbook sections';
  static override examples = ['<%= config.bin %> admin knowledge list --kind runbook'];
  static override flags = {
    kind: Flags.string({ description: 'Only this kind of document', options: [...KNOWLEDGE_KINDS] }),
    limit: { ...limitFlag, default: 50 } as typeof limitFlag,
  };

  protected async execute(): Promise<ChunkRow[]> {
    const { flags } = await this.parse(AdminKnowledgeList);
    return (await this.service(KnowledgeQueries)).list({ kind: flags.kind as KnowledgeKind | undefined, limit: flags.limit });
  }

  protected render(rows: ChunkRow[]): string {
    return renderList(
      'Knowledge sections',
      [
        { header: 'Kind', value: (r: ChunkRow) => r.kind },
        { header: 'Source#anchor', value: (r: ChunkRow) => `${r.sourcePath}#${r.anchor}` },
        { header: 'Heading', value: (r: ChunkRow) => r.headingPath.slice(0, 60) },
      ],
      rows,
      { limit: 1000 },
    );
  }
}
