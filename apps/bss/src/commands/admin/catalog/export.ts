import { Flags } from '@oclif/core';
import { ExportCatalogCommand, type CatalogJobView } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogExport extends BssCommand<CatalogJobView> {
  static override summary = 'Export the catalog as TMF620 JSON to a partner URL or a file under BSS_HOME, in a durable job';
  static override examples = ['<%= config.bin %> admin catalog export --url file:', '<%= config.bin %> admin catalog export --url https://partner.example/catalog'];
  static override flags = {
    url: Flags.string({ description: 'http(s) URL to POST the document to, or file: for BSS_HOME/catalog-exports/<job>.json', required: true }),
    query: Flags.string({ description: 'Free text kept with the job' }),
  };

  protected async execute(): Promise<CatalogJobView> {
    const { flags } = await this.parse(AdminCatalogExport);
    return (await this.service(ExportCatalogCommand)).execute({ url: flags.url, query: flags.query });
  }

  protected render(job: CatalogJobView): string {
    return `✓ Export job ${job.id} ${job.status}; follow it with bss admin jobs --queue catalog.transfer`;
  }
}
