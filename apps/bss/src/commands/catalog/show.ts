import { Args } from '@oclif/core';
import { CATALOG_RULES, CatalogQueries, toTmfProductOffering, type OfferingView, type PriceView, type VasView } from '@bss/catalog';
import { Clock, NotFound, PolicyViolation } from '@bss/platform';
import { renderSinglePlan, renderVasTable } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export type CatalogItem = OfferingView | VasView;

export default class CatalogShow extends BssCommand<CatalogItem> {
  static override summary = 'Show one plan (with its price now) or one VAS offering';
  static override examples = ['<%= config.bin %> catalog show PLAN_M', '<%= config.bin %> catalog show VAS_DATA_1GB --json'];
  static override args = { id: Args.string({ required: true, description: 'Offering id (PLAN_M) or VAS id (VAS_DATA_1GB)' }) };

  /** The plan card shows the price in force now; `--json` carries every price row instead. */
  private priceNow: PriceView | null = null;

  protected async execute(): Promise<CatalogItem> {
    const { args } = await this.parse(CatalogShow);
    const catalog = await this.service(CatalogQueries);
    let offering: OfferingView;
    try {
      offering = await catalog.getOffering(args.id);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      return catalog.getVas(args.id).catch((vasError: unknown) => {
        throw vasError instanceof NotFound ? new NotFound('offering or VAS', args.id) : vasError;
      });
    }
    const now = await (await this.service(Clock)).now();
    this.priceNow = await catalog.activePrice(offering.id, now).catch((error: unknown) => {
      if (error instanceof PolicyViolation && error.rule === CATALOG_RULES.priceNoActiveRow) return null;
      throw error;
    });
    return offering;
  }

  protected render(item: CatalogItem): string {
    if (!('prices' in item)) return renderVasTable([item]);
    return renderSinglePlan(toTmfProductOffering({ ...item, prices: this.priceNow ? [this.priceNow] : [] }));
  }
}
