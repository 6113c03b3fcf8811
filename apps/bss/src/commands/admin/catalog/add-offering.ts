import { Flags } from '@oclif/core';
import { AddOfferingCommand, type OfferingView } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

const quantity = (description: string) => Flags.integer({ description: `${description}; -1 = unlimited, omitted = 0` });

export default class AdminCatalogAddOffering extends BssCommand<OfferingView> {
  static override summary = 'Put a new plan on sale: offering, monthly price PRICE_<id> and BA_<id>_* allowances in one go';
  static override examples = [
    '<%= config.bin %> admin catalog add-offering --id PLAN_XL --name "Extra Large" --price 60.00 --data-mb 204800 --voice-min -1 --sms-count -1 --data-roaming-mb 4096',
    '<%= config.bin %> admin catalog add-offering --id PLAN_SUMMER --name Summer --price 12 --data-mb 10240 --valid-from 2026-06-01T00:00:00Z --valid-to 2026-09-01T00:00:00Z',
  ];
  static override flags = {
    id: Flags.string({ required: true, description: 'Offering id, UPPER_SNAKE (PLAN_XL)' }),
    name: Flags.string({ required: true, description: 'Display name' }),
    price: Flags.string({ required: true, description: 'Monthly price, GST inclusive (60.00)' }),
    currency: Flags.string({ description: 'Currency code (default SGD)' }),
    'price-id': Flags.string({ description: 'Price row id (default PRICE_<id>)' }),
    'data-mb': quantity('Data per 30 days in MB'),
    'voice-min': quantity('Voice minutes per 30 days'),
    'sms-count': quantity('SMS per 30 days'),
    'data-roaming-mb': quantity('Roaming data per 30 days in MB'),
    'valid-from': Flags.string({ description: 'On sale from (ISO-8601, inclusive)' }),
    'valid-to': Flags.string({ description: 'On sale until (ISO-8601, exclusive)' }),
  };

  protected async execute(): Promise<OfferingView> {
    const { flags } = await this.parse(AdminCatalogAddOffering);
    return (await this.service(AddOfferingCommand)).execute({
      offeringId: flags.id,
      name: flags.name,
      amount: flags.price,
      currency: flags.currency,
      priceId: flags['price-id'],
      dataMb: flags['data-mb'],
      voiceMinutes: flags['voice-min'],
      smsCount: flags['sms-count'],
      dataRoamingMb: flags['data-roaming-mb'],
      validFrom: flags['valid-from'],
      validTo: flags['valid-to'],
    });
  }

  protected render(offering: OfferingView): string {
    const [price] = offering.prices;
    const priced = price ? ` at ${price.currency} ${price.amount}/month (${price.id})` : '';
    return `✓ Added offering ${offering.id} "${offering.name}"${priced}`;
  }
}
