import { Flags } from '@oclif/core';
import { WindowOfferingCommand, type OfferingView } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogWindowOffering extends BssCommand<OfferingView> {
  static override summary = 'Set when an offering is on sale; outside the window it leaves the active catalog';
  static override examples = ['<%= config.bin %> admin catalog window-offering --id PLAN_L --valid-from 2026-02-01T00:00:00Z --valid-to 2026-03-01T00:00:00Z'];
  static override flags = {
    id: Flags.string({ required: true, description: 'Offering id (PLAN_L)' }),
    'valid-from': Flags.string({ required: true, description: 'On sale from (ISO-8601, inclusive)' }),
    'valid-to': Flags.string({ required: true, description: 'On sale until (ISO-8601, exclusive)' }),
  };

  protected async execute(): Promise<OfferingView> {
    const { flags } = await this.parse(AdminCatalogWindowOffering);
    return (await this.service(WindowOfferingCommand)).execute({ offeringId: flags.id, validFrom: flags['valid-from'], validTo: flags['valid-to'] });
  }

  protected render(offering: OfferingView): string {
    return `✓ ${offering.id} on sale from ${offering.validFrom?.toISOString() ?? 'the start'} until ${offering.validTo?.toISOString() ?? 'further notice'}`;
  }
}
