import { Flags } from '@oclif/core';
import { DeleteCatalogJobCommand } from '@bss/catalog';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class AdminCatalogDeleteJob extends BssCommand<{ jobId: string }> {
  static override summary = 'Delete a catalog import or export job record (what it imported stays)';
  static override examples = ['<%= config.bin %> admin catalog delete-job --id CJOB-0a1b2c3d --kind export --yes'];
  static override flags = {
    id: Flags.string({ description: 'CJOB-… id', required: true }),
    kind: Flags.string({ description: 'import or export', options: ['import', 'export'], required: true }),
    yes: yesFlag,
  };

  protected async execute(): Promise<{ jobId: string }> {
    const { flags } = await this.parse(AdminCatalogDeleteJob);
    this.requireYes(flags.yes, 'admin catalog delete-job');
    return (await this.service(DeleteCatalogJobCommand)).execute({ jobId: flags.id, kind: flags.kind as 'import' | 'export' });
  }

  protected render({ jobId }: { jobId: string }): string {
    return `✓ Deleted job ${jobId}`;
  }
}
