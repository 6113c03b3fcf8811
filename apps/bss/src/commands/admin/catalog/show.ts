import { Flags } from '@oclif/core';
import { CatalogQueries, type AllowanceType, type OfferingView } from '@bss/catalog';
import { Clock, parseInstant } from '@bss/platform';
import { formatAllowance, formatMinute, renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export interface ActiveCatalog {
  at: Date;
  offerings: OfferingView[];
}

function allowance(offering: OfferingView, type: AllowanceType): string {
  const found = offering.allowances.find((a) => a.allowanceType === type);
  return found ? formatAllowance(found.quantity, found.unit) : '—';
}

function windowText(from: Date | null, to: Date | null): string {
  if (!from && !to) return 'always';
  return `${from ? formatMinute(from) : '…'} → ${to ? formatMinute(to) : '…'}`;
}

export default class AdminCatalogShow extends BssCommand<ActiveCatalog> {
  static override summary = 'The active catalog (what is on sale, at which price) now or at --at';
  static override examples = ['<%= config.bin %> admin catalog show', '<%= config.bin %> admin catalog show --at 2026-03-15T00:00:00Z --json'];
  static override flags = { at: Flags.string({ description: 'ISO-8601 instant (default: the simulated now)' }) };

  protected async execute(): Promise<ActiveCatalog> {
    const { flags } = await this.parse(AdminCatalogShow);
    const at = flags.at ? parseInstant(flags.at, 'at') : await (await this.service(Clock)).now();
    return { at, offerings: await (await this.service(CatalogQueries)).listActiveOfferings(at) };
  }

  protected render({ at, offerings }: ActiveCatalog): string {
    return renderList<OfferingView>(
      `Active catalog at ${at.toISOString()}`,
      [
        { header: 'ID', value: (o) => o.id },
        { header: 'Name', value: (o) => o.name, maxWidth: 24 },
        { header: 'Price', value: (o) => (o.prices[0] ? `${o.prices[0].currency} ${o.prices[0].amount}` : 'no price') },
        { header: 'Price id', value: (o) => o.prices[0]?.id ?? '—' },
        { header: 'Price valid', value: (o) => (o.prices[0] ? windowText(o.prices[0].validFrom, o.prices[0].validTo) : '—') },
        { header: 'Data', value: (o) => allowance(o, 'data') },
        { header: 'Voice', value: (o) => allowance(o, 'voice') },
        { header: 'SMS', value: (o) => allowance(o, 'sms') },
        { header: 'Roaming', value: (o) => allowance(o, 'data_roaming') },
      ],
      offerings,
    );
  }
}
