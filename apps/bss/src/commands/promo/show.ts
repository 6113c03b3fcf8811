import { Args } from '@oclif/core';
import { PromoQueries, type PromotionView } from '@bss/promos';
import { renderFieldTable, type FieldRow } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

function durationText(p: PromotionView): string {
  return p.durationKind === 'multi' ? `multi (periods=${p.periodsTotal})` : p.durationKind;
}

/** The product page's field/value table; the window rows appear only when the promotion has one. */
export function renderPromotion(p: PromotionView): string {
  const rows: FieldRow[] = [
    ['name', p.name ?? '—'],
    ['state', p.state],
    ['audience', p.audience],
    ['code', p.code ?? '—'],
    ['offerDefinitionId', p.offerDefinitionId ?? '—'],
    ['discount', `${p.discountType} ${p.discountValue}`],
    ['duration', durationText(p)],
    ['applicableOfferings', p.applicableOfferingIds ? p.applicableOfferingIds.join(', ') : 'all'],
  ];
  if (p.validFrom) rows.push(['validFrom', new Date(p.validFrom).toISOString()]);
  if (p.validTo) rows.push(['validTo', new Date(p.validTo).toISOString()]);
  return renderFieldTable(`Promotion ${p.id}`, rows);
}

export default class PromoShow extends BssCommand<PromotionView> {
  static override summary = 'Show a promotion: its money terms, loyalty link and state';
  static override examples = ['<%= config.bin %> promo show PROMO_WELCOME10', '<%= config.bin %> promo show PROMO_WELCOME10 --json'];
  static override args = { id: Args.string({ required: true, description: 'Promotion id, e.g. PROMO_WELCOME10' }) };

  protected async execute(): Promise<PromotionView> {
    const { args } = await this.parse(PromoShow);
    return (await this.service(PromoQueries)).get(args.id);
  }

  protected render(promotion: PromotionView): string {
    return renderPromotion(promotion);
  }
}
