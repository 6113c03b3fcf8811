import { Flags } from '@oclif/core';
import { CreatePortRequestCommand, PORT_DIRECTIONS, type PortRequestView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';

export default class PortCreate extends BssCommand<PortRequestView> {
  static override summary = 'Request a number port (in from, or out to, another carrier)';
  static override examples = [
    '<%= config.bin %> port create --direction port_in --donor-carrier Singtel --donor-msisdn 81234567',
    '<%= config.bin %> port create --direction port_out --donor-carrier M1 --donor-msisdn 90000001 --target-subscription SUB-0007',
  ];
  static override flags = {
    direction: Flags.string({ description: 'port_in or port_out', options: [...PORT_DIRECTIONS], required: true }),
    'donor-carrier': Flags.string({ description: 'The other carrier', required: true }),
    'donor-msisdn': Flags.string({ description: 'The number being ported', required: true }),
    'target-subscription': Flags.string({ description: 'port_out: the line losing the number; port_in: the line that will carry it' }),
    date: Flags.string({ description: 'Requested port date, YYYY-MM-DD' }),
  };

  protected async execute(): Promise<PortRequestView> {
    const { flags } = await this.parse(PortCreate);
    return (await this.service(CreatePortRequestCommand)).execute({
      direction: flags.direction,
      donorCarrier: flags['donor-carrier'],
      donorMsisdn: flags['donor-msisdn'],
      targetSubscriptionId: flags['target-subscription'],
      requestedPortDate: flags.date,
    });
  }

  protected render(request: PortRequestView): string {
    return `Created ${request.id} ${request.direction} ${request.donorMsisdn} [${request.state}]`;
  }
}
