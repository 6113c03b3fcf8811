import { Flags } from '@oclif/core';
import { EndPriceCommand, type EndPriceResult } from '@bss/catalog';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class AdminCatalogEndPrice extends BssCommand<EndPriceResult> {
  static override summary = 'End a price row now (a scheduled one is withdrawn); refused for the only current price of an offering on sale';
  static override examples = ['<%= config.bin %> admin catalog end-price --price PRICE_PLAN_M_PROMO --yes'];
  static override flags = {
    price: Flags.string({ description: 'Price row id', required: true }),
    yes: yesFlag,
  };

  protected async execute(): Promise<EndPriceResult> {
    const { flags } = await this.parse(AdminCatalogEndPrice);
    this.requireYes(flags.yes, 'admin catalog end-price');
    return (await this.service(EndPriceCommand)).execute({ priceId: flags.price });
  }

  protected render(v: EndPriceResult): string {
    return `✓ ${v.price.id} ${v.outcome.replace('_', ' ')}`;
  }
}
