import { CatalogQueries, type VasView } from '@bss/catalog';
import { renderVasTable } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class CatalogVas extends BssCommand<VasView[]> {
  static override summary = 'List the value-added top-ups a line can buy';
  static override examples = ['<%= config.bin %> catalog vas', '<%= config.bin %> catalog vas --json'];

  protected async execute(): Promise<VasView[]> {
    await this.parse(CatalogVas);
    return (await this.service(CatalogQueries)).listVas();
  }

  protected render(vas: VasView[]): string {
    return renderVasTable(vas);
  }
}
