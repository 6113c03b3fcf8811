import { Flags } from '@oclif/core';
import { AssignPromotionCommand, type PromotionAssignment } from '@bss/promos';
import { BssCommand } from '#bss/base/bss-command';
import { csv } from './create';

export default class PromoAssign extends BssCommand<PromotionAssignment> {
  static override summary = "Add customers to a targeted promotion's eligibility list (each gets a loyalty offer)";
  static override examples = ['<%= config.bin %> promo assign --promo PROMO_VIP --customers CUST-3f9a0c12,CUST-0b1c2d3e'];
  static override flags = {
    promo: Flags.string({ required: true, description: 'Targeted promotion id' }),
    customers: Flags.string({ required: true, description: 'Comma-separated customer ids' }),
  };

  protected async execute(): Promise<PromotionAssignment> {
    const { flags } = await this.parse(PromoAssign);
    return (await this.service(AssignPromotionCommand)).execute({ promotionId: flags.promo, customerIds: csv(flags.customers) ?? [] });
  }

  protected render(r: PromotionAssignment): string {
    return [
      `${r.eligible.length} added, ${r.already.length} already`,
      ...r.offers.map((o) => `  + ${o.customerId}  ${o.loyaltyOfferId ? `offer ${o.loyaltyOfferId}` : 'no loyalty offer (claims by code at activation)'}`),
      ...r.already.map((id) => `  = ${id}  already eligible`),
    ].join('\n');
  }
}
