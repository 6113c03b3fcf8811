import { Flags } from '@oclif/core';
import { ESIM_STATES, InventoryQueries, type EsimState, type EsimView } from '@bss/inventory';
import { formatMsisdn, renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class InventoryEsimList extends BssCommand<EsimView[]> {
  static override summary = 'List eSIM profiles, lowest ICCID first';
  static override examples = ['<%= config.bin %> inventory esim list --state reserved', '<%= config.bin %> inventory esim list --json'];
  static override flags = {
    state: Flags.string({ description: 'Only profiles in this state', options: [...ESIM_STATES] }),
    limit: limitFlag,
  };

  protected async execute(): Promise<EsimView[]> {
    const { flags } = await this.parse(InventoryEsimList);
    return (await this.service(InventoryQueries)).listEsims({ state: flags.state as EsimState | undefined, limit: flags.limit });
  }

  protected render(profiles: EsimView[]): string {
    return renderList(
      'eSIM profiles',
      [
        { header: 'ICCID', value: (e) => e.iccid },
        { header: 'State', value: (e) => e.profileState },
        { header: 'MSISDN', value: (e) => formatMsisdn(e.assignedMsisdn) || '—' },
        { header: 'Subscription', value: (e) => e.assignedToSubscriptionId ?? '—' },
      ],
      profiles,
    );
  }
}
