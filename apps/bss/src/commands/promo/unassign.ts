import { Flags } from '@oclif/core';
import { UnassignPromotionCommand, type PromotionUnassignment } from '@bss/promos';
import { BssCommand } from '#bss/base/bss-command';
import { csv } from './create';

export default class PromoUnassign extends BssCommand<PromotionUnassignment> {
  static override summary = "Remove customers from a targeted promotion's eligibility list (their unused offer is withdrawn)";
  static override examples = ['<%= config.bin %> promo unassign --promo PROMO_VIP --customers CUST-3f9a0c12'];
  static override flags = {
    promo: Flags.string({ required: true, description: 'Targeted promotion id' }),
    customers: Flags.string({ required: true, description: 'Comma-separated customer ids' }),
  };

  protected async execute(): Promise<PromotionUnassignment> {
    const { flags } = await this.parse(PromoUnassign);
    return (await this.service(UnassignPromotionCommand)).execute({ promotionId: flags.promo, customerIds: csv(flags.customers) ?? [] });
  }

  protected render(r: PromotionUnassignment): string {
    return [
      `${r.removed.length} removed, ${r.notEligible.length} not eligible`,
      ...r.removed.map((id) => `  - ${id}`),
      ...r.notEligible.map((id) => `  ? ${id}  was not eligible`),
    ].join('\n');
  }
}
