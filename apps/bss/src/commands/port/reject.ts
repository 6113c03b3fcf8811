import { Args, Flags } from '@oclif/core';
import { RejectPortRequestCommand, type PortRequestView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';

export default class PortReject extends BssCommand<PortRequestView> {
  static override summary = 'Reject a port request, saying why';
  static override examples = ['<%= config.bin %> port reject PORT-3F9A0C12 --reason "Account holder mismatch"'];
  static override args = { id: Args.string({ required: true, description: 'Port request id (PORT-…)' }) };
  static override flags = { reason: Flags.string({ description: 'Why (required by port.reject.requires_reason)' }) };

  protected async execute(): Promise<PortRequestView> {
    const { args, flags } = await this.parse(PortReject);
    return (await this.service(RejectPortRequestCommand)).execute({ portRequestId: args.id, reason: flags.reason });
  }

  protected render(request: PortRequestView): string {
    return `Rejected ${request.id} [${request.state}]: ${request.rejectionReason}`;
  }
}
