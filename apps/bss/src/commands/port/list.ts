import { Flags } from '@oclif/core';
import { PORT_DIRECTIONS, PORT_REQUEST_STATES, PortRequestQueries, type PortDirection, type PortRequestState, type PortRequestView } from '@bss/crm';
import { formatDay, formatMsisdn, renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class PortList extends BssCommand<PortRequestView[]> {
  static override summary = 'List number port requests, newest first';
  static override examples = ['<%= config.bin %> port list --state requested'];
  static override flags = {
    state: Flags.string({ description: 'Only requests in this state', options: [...PORT_REQUEST_STATES] }),
    direction: Flags.string({ description: 'Only this direction', options: [...PORT_DIRECTIONS] }),
    limit: limitFlag,
  };

  protected async execute(): Promise<PortRequestView[]> {
    const { flags } = await this.parse(PortList);
    return (await this.service(PortRequestQueries)).list({
      state: flags.state as PortRequestState | undefined,
      direction: flags.direction as PortDirection | undefined,
      limit: flags.limit,
    });
  }

  protected render(requests: PortRequestView[]): string {
    return renderList(
      'Port requests',
      [
        { header: 'ID', value: (p) => p.id },
        { header: 'Direction', value: (p) => p.direction },
        { header: 'Donor MSISDN', value: (p) => formatMsisdn(p.donorMsisdn) },
        { header: 'Carrier', value: (p) => p.donorCarrier },
        { header: 'State', value: (p) => p.state },
        { header: 'Requested', value: (p) => p.requestedPortDate ?? formatDay(p.createdAt) },
      ],
      requests,
      { limit: 50 },
    );
  }
}
