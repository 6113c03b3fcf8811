import { Flags } from '@oclif/core';
import { SetPriceCommand, type SetPriceResult } from '@bss/catalog';
import { parseInstant } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogSetPrice extends BssCommand<SetPriceResult> {
  static override summary = 'Add a monthly price row to an offering (a cheaper windowed row is a promo; --retire-current replaces the price)';
  static override examples = [
    '<%= config.bin %> admin catalog set-price --offering PLAN_M --amount 20.00 --valid-from 2026-03-01T00:00:00Z --valid-to 2026-04-01T00:00:00Z',
    '<%= config.bin %> admin catalog set-price --offering PLAN_M --amount 27.00 --valid-from 2026-05-01T00:00:00Z --retire-current',
  ];
  static override flags = {
    offering: Flags.string({ required: true, description: 'Offering id (PLAN_M)' }),
    amount: Flags.string({ required: true, description: 'Monthly amount, GST inclusive (20.00)' }),
    currency: Flags.string({ description: 'Currency code (default SGD)' }),
    'valid-from': Flags.string({ required: true, description: 'Price in force from (ISO-8601, inclusive)' }),
    'valid-to': Flags.string({ description: 'Price in force until (ISO-8601, exclusive)' }),
    'price-id': Flags.string({ description: 'Price row id (default PRICE_<offering>_<unix seconds of --valid-from>)' }),
    'retire-current': Flags.boolean({ description: 'End every open-ended price row of the offering at --valid-from', default: false }),
  };

  protected async execute(): Promise<SetPriceResult> {
    const { flags } = await this.parse(AdminCatalogSetPrice);
    const validFrom = parseInstant(flags['valid-from'], 'validFrom');
    return (await this.service(SetPriceCommand)).execute({
      offeringId: flags.offering,
      priceId: flags['price-id'] ?? `PRICE_${flags.offering}_${Math.floor(validFrom.getTime() / 1000)}`,
      amount: flags.amount,
      currency: flags.currency,
      validFrom: flags['valid-from'],
      validTo: flags['valid-to'],
      retireCurrent: flags['retire-current'],
    });
  }

  protected render({ price, retiredPriceIds }: SetPriceResult): string {
    const until = price.validTo ? `until ${price.validTo.toISOString()}` : 'open-ended';
    const from = price.validFrom ? `from ${price.validFrom.toISOString()}` : 'from the start';
    const retired = retiredPriceIds.length > 0 ? `; retired ${retiredPriceIds.join(', ')}` : '';
    return `✓ Added price ${price.id} ${price.currency} ${price.amount}/month on ${price.offeringId} ${from}, ${until}${retired}`;
  }
}
