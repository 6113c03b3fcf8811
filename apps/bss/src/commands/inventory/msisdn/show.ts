import { Args } from '@oclif/core';
import { InventoryQueries, type MsisdnView } from '@bss/inventory';
import { formatMsisdn, formatSecond, renderFieldTable } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class InventoryMsisdnShow extends BssCommand<MsisdnView> {
  static override summary = 'Show one number: state, line, reservation and quarantine';
  static override examples = ['<%= config.bin %> inventory msisdn show 90000000'];
  static override args = { msisdn: Args.string({ required: true, description: 'The number, e.g. 90000000' }) };

  protected async execute(): Promise<MsisdnView> {
    const { args } = await this.parse(InventoryMsisdnShow);
    return (await this.service(InventoryQueries)).getMsisdn(args.msisdn);
  }

  protected render(m: MsisdnView): string {
    return renderFieldTable(`MSISDN ${formatMsisdn(m.msisdn)}`, [
      ['status', m.status],
      ['subscription', m.assignedToSubscriptionId ?? '—'],
      ['reserved at', formatSecond(m.reservedAt)],
      ['quarantine until', formatSecond(m.quarantineUntil)],
    ]);
  }
}
