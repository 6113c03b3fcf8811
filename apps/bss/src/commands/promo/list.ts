import { Flags } from '@oclif/core';
import { PROMOTION_STATES, PromoQueries, type PromotionView } from '@bss/promos';
import { renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class PromoList extends BssCommand<PromotionView[]> {
  static override summary = 'List promotions by id';
  static override examples = ['<%= config.bin %> promo list', '<%= config.bin %> promo list --state active --json'];
  static override flags = {
    state: Flags.string({ description: 'Only promotions in this state', options: [...PROMOTION_STATES] }),
    limit: Flags.integer({ description: 'How many rows at most', default: 50, min: 1, max: 200 }),
    offset: Flags.integer({ description: 'Rows to skip', default: 0, min: 0 }),
  };

  protected async execute(): Promise<PromotionView[]> {
    const { flags } = await this.parse(PromoList);
    return (await this.service(PromoQueries)).list({ state: flags.state as PromotionView['state'] | undefined, limit: flags.limit, offset: flags.offset });
  }

  protected render(promotions: PromotionView[]): string {
    return renderList<PromotionView>(
      'Promotions',
      [
        { header: 'ID', value: (p) => p.id },
        { header: 'State', value: (p) => p.state },
        { header: 'Audience', value: (p) => p.audience },
        { header: 'Code', value: (p) => p.code ?? '—' },
        { header: 'Discount', value: (p) => p.label },
        { header: 'Duration', value: (p) => (p.durationKind === 'multi' ? `multi (${p.periodsTotal})` : p.durationKind) },
        { header: 'Offerings', value: (p) => (p.applicableOfferingIds ? p.applicableOfferingIds.join(',') : 'all'), maxWidth: 30 },
      ],
      promotions,
    );
  }
}
