import { Flags } from '@oclif/core';
import { RevisePriceCommand, type RevisePriceResult } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogRevisePrice extends BssCommand<RevisePriceResult> {
  static override summary = 'Revise a price: a new price row from a date, the old row end-dated there (rows stay immutable)';
  static override examples = ['<%= config.bin %> admin catalog revise-price --price PRICE_PLAN_M --amount 27.00 --valid-from 2026-05-01T00:00:00Z'];
  static override flags = {
    price: Flags.string({ description: 'Price row id (PRICE_PLAN_M)', required: true }),
    amount: Flags.string({ description: 'New monthly amount (default unchanged)' }),
    currency: Flags.string({ description: 'New currency (default unchanged)' }),
    'valid-from': Flags.string({ description: 'New version in force from (ISO-8601; default now)' }),
    'valid-to': Flags.string({ description: 'New version in force until (ISO-8601, exclusive; default the old end)' }),
    'new-price-id': Flags.string({ description: 'New row id (default <price>_<unix seconds of the start>)' }),
  };

  protected async execute(): Promise<RevisePriceResult> {
    const { flags } = await this.parse(AdminCatalogRevisePrice);
    return (await this.service(RevisePriceCommand)).execute({ priceId: flags.price, amount: flags.amount, currency: flags.currency, validFrom: flags['valid-from'], validTo: flags['valid-to'], newPriceId: flags['new-price-id'] });
  }

  protected render(v: RevisePriceResult): string {
    return `✓ ${v.previous.id} ends ${v.previous.validTo?.toISOString() ?? 'never'}; ${v.price.id} ${v.price.currency} ${v.price.amount}/month from ${v.price.validFrom?.toISOString() ?? 'the start'}`;
  }
}
