import { Args } from '@oclif/core';
import { ExhaustPromotionCommand, type PromotionView } from '@bss/promos';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class PromoExhaust extends BssCommand<PromotionView> {
  static override summary = 'Stop a promotion applying to new orders (orders already placed keep it)';
  static override examples = ['<%= config.bin %> promo exhaust PROMO_WELCOME10 --yes'];
  static override args = { id: Args.string({ required: true, description: 'Promotion id' }) };
  static override flags = { yes: yesFlag };

  protected async execute(): Promise<PromotionView> {
    const { args, flags } = await this.parse(PromoExhaust);
    this.requireYes(flags.yes, `Exhausting ${args.id}`);
    return (await this.service(ExhaustPromotionCommand)).execute({ promotionId: args.id });
  }

  protected render(p: PromotionView): string {
    return `✓ Promotion ${p.id} is ${p.state} — code ${p.code ?? '—'} no longer applies to new orders`;
  }
}
