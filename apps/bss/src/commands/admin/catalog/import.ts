import { readFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { ImportCatalogCommand, type CatalogJobView } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogImport extends BssCommand<CatalogJobView> {
  static override summary = 'Import offerings from a TMF620 catalog document (URL or inline) through add_offering, in a durable job';
  static override examples = ['<%= config.bin %> admin catalog import --url https://partner.example/catalog.json', '<%= config.bin %> admin catalog import --file ./catalog-export.json'];
  static override flags = {
    url: Flags.string({ description: 'http(s) URL of the catalog document', exclusive: ['file'] }),
    file: Flags.string({ description: 'A local catalog document (as an export writes it), sent inline', exclusive: ['url'] }),
  };

  protected async execute(): Promise<CatalogJobView> {
    const { flags } = await this.parse(AdminCatalogImport);
    const payload = flags.file ? (JSON.parse(readFileSync(flags.file, 'utf8')) as Record<string, unknown>) : undefined;
    return (await this.service(ImportCatalogCommand)).execute({ url: flags.url, payload });
  }

  protected render(job: CatalogJobView): string {
    return `✓ Import job ${job.id} ${job.status}; follow it with bss admin jobs --queue catalog.transfer`;
  }
}
