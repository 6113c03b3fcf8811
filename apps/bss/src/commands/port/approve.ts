import { Args } from '@oclif/core';
import { ApprovePortRequestCommand, type PortRequestView } from '@bss/crm';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class PortApprove extends BssCommand<PortRequestView> {
  static override summary = 'Approve a port: port-in adds the number to the pool; port-out gives it away for good and ends the line';
  static override examples = ['<%= config.bin %> port approve PORT-3F9A0C12 --yes'];
  static override args = { id: Args.string({ required: true, description: 'Port request id (PORT-…)' }) };
  static override flags = { yes: yesFlag };

  protected async execute(): Promise<PortRequestView> {
    const { args, flags } = await this.parse(PortApprove);
    // A port-out cannot be undone (the number turns ported_out and the line is terminated).
    this.requireYes(flags.yes, 'port approve');
    return (await this.service(ApprovePortRequestCommand)).execute({ portRequestId: args.id });
  }

  protected render(request: PortRequestView): string {
    return `Approved ${request.id} ${request.direction} ${request.donorMsisdn} [${request.state}]`;
  }
}
