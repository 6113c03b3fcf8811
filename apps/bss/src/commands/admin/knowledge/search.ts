import { Args, Flags } from '@oclif/core';
import { KNOWLEDGE_KINDS, KnowledgeQueries, type KnowledgeHit, type KnowledgeKind } from '@bss/knowledge';
import { renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminKnowledgeSearch extends BssCommand<KnowledgeHit[]> {
  static override summary = 'Search the operator handbook and runbooks (what the cockpit agent’s knowledge.search sees)';
  static override examples = ['<%= config.bin %> admin knowledge search "rotate api token"', '<%= config.bin %> admin knowledge search "port out" --kind runbook --k 5 --json'];
  static override args = { query: Args.string({ required: true, description: 'Words to look for' }) };
  static override flags = {
    k: Flags.integer({ description: 'How many sections', default: 3, min: 1, max: 20 }),
    kind: Flags.string({ description: 'Only this kind of document', options: [...KNOWLEDGE_KINDS] }),
  };

  protected async execute(): Promise<KnowledgeHit[]> {
    const { args, flags } = await this.parse(AdminKnowledgeSearch);
    return (await this.service(KnowledgeQueries)).search(args.query, { k: flags.k, kinds: flags.kind ? [flags.kind as KnowledgeKind] : undefined });
  }

  protected render(hits: KnowledgeHit[]): string {
    return renderList(
      'Knowledge',
      [
        { header: '#', value: (h: KnowledgeHit) => String(hits.indexOf(h) + 1) },
        { header: 'Rank', value: (h: KnowledgeHit) => h.rank.toFixed(3) },
        { header: 'Kind', value: (h: KnowledgeHit) => h.kind },
        { header: 'Source#anchor', value: (h: KnowledgeHit) => `${h.sourcePath}#${h.anchor}` },
        { header: 'Snippet', value: (h: KnowledgeHit) => h.snippet.replace(/\s+/g, ' ').slice(0, 90) },
      ],
      hits,
    );
  }
}
