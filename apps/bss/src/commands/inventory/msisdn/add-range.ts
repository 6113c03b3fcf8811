import { Args } from '@oclif/core';
import { AddMsisdnRangeCommand, type MsisdnRangeAdded } from '@bss/inventory';
import { BssCommand } from '#bss/base/bss-command';

export default class InventoryMsisdnAddRange extends BssCommand<MsisdnRangeAdded> {
  static override summary = 'Add PREFIX + 4-digit numbers 0..COUNT-1 to the pool; numbers already there are skipped';
  static override examples = ['<%= config.bin %> inventory msisdn add-range 9100 100'];
  static override args = {
    prefix: Args.string({ required: true, description: '4–7 digits' }),
    count: Args.string({ required: true, description: '1..10000' }),
  };

  protected async execute(): Promise<MsisdnRangeAdded> {
    const { args } = await this.parse(InventoryMsisdnAddRange);
    // Not Args.integer: a bad count should come back as the command's own InvalidInput envelope.
    return (await this.service(AddMsisdnRangeCommand)).execute({ prefix: args.prefix, count: Number(args.count) });
  }

  protected render(r: MsisdnRangeAdded): string {
    return `inserted ${r.inserted} / skipped ${r.skipped} (${r.first} … ${r.last})`;
  }
}
