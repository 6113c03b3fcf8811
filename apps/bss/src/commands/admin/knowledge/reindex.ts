import { Flags } from '@oclif/core';
import { ReindexKnowledgeCommand, type ReindexResult } from '@bss/knowledge';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminKnowledgeReindex extends BssCommand<ReindexResult> {
  static override summary = 'Index docs/handbook.md, docs/runbooks/*.md and CONTRIBUTING.md for knowledge search (unchanged sections are skipped)';
  static override examples = ['<%= config.bin %> admin knowledge reindex', '<%= config.bin %> admin knowledge reindex --force --json'];
  static override flags = { force: Flags.boolean({ description: 'Rewrite every section, changed or not', default: false }) };

  protected async execute(): Promise<ReindexResult> {
    const { flags } = await this.parse(AdminKnowledgeReindex);
    return (await this.service(ReindexKnowledgeCommand)).execute({ force: flags.force });
  }

  protected render(r: ReindexResult): string {
    return `✓ ${r.files} files, ${r.chunks} sections: ${r.indexed} indexed, ${r.skipped} unchanged, ${r.deleted} removed`;
  }
}
