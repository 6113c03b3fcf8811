import { Flags } from '@oclif/core';
import { InventoryQueries, MSISDN_STATUSES, type MsisdnView } from '@bss/inventory';
import { renderMsisdnList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class InventoryMsisdnList extends BssCommand<MsisdnView[]> {
  static override summary = 'List numbers in the MSISDN pool, lowest first';
  static override examples = [
    '<%= config.bin %> inventory msisdn list --state available --limit 5',
    '<%= config.bin %> inventory msisdn list --prefix 9100 --json',
  ];
  static override flags = {
    state: Flags.string({ description: 'Only numbers in this state', options: [...MSISDN_STATUSES] }),
    prefix: Flags.string({ description: 'Only numbers starting with these digits' }),
    limit: limitFlag,
  };

  protected async execute(): Promise<MsisdnView[]> {
    const { flags } = await this.parse(InventoryMsisdnList);
    const queries = await this.service(InventoryQueries);
    return queries.listMsisdns({ status: flags.state as MsisdnView['status'] | undefined, prefix: flags.prefix, limit: flags.limit });
  }

  protected render(numbers: MsisdnView[]): string {
    return renderMsisdnList(numbers.map((m) => ({ msisdn: m.msisdn, status: m.status, subscriptionId: m.assignedToSubscriptionId, reservedAt: m.reservedAt })));
  }
}
