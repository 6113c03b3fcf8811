import { CatalogQueries, toTmfProductOffering, type OfferingView } from '@bss/catalog';
import { Clock } from '@bss/platform';
import { renderCatalogComparison } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class CatalogList extends BssCommand<OfferingView[]> {
  static override summary = 'Compare the plans on sale now, cheapest first';
  static override examples = ['<%= config.bin %> catalog list', '<%= config.bin %> catalog list --json'];

  protected async execute(): Promise<OfferingView[]> {
    await this.parse(CatalogList);
    const now = await (await this.service(Clock)).now();
    return (await this.service(CatalogQueries)).listActiveOfferings(now);
  }

  protected render(offerings: OfferingView[]): string {
    return renderCatalogComparison(offerings.map(toTmfProductOffering));
  }
}
