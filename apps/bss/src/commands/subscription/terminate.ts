import { Args, Flags } from '@oclif/core';
import { TerminateSubscriptionCommand, TERMINATION_REASONS, type SubscriptionView } from '@bss/subscription';
import { formatMsisdn } from '@bss/web';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class SubscriptionTerminate extends BssCommand<SubscriptionView> {
  static override summary = 'End a line: the number goes to quarantine, the eSIM is recycled (destructive)';
  static override examples = ['<%= config.bin %> subscription terminate SUB-0001 --yes', '<%= config.bin %> subscription terminate SUB-0001 --reason csr_initiated --yes'];
  static override args = { id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }) };
  static override flags = {
    reason: Flags.string({ description: 'Why the line ends', options: TERMINATION_REASONS.filter((r) => r !== 'ported_out'), default: 'customer_requested' }),
    yes: yesFlag,
  };

  protected async execute(): Promise<SubscriptionView> {
    const { args, flags } = await this.parse(SubscriptionTerminate);
    this.requireYes(flags.yes, `subscription terminate ${args.id}`);
    return (await this.service(TerminateSubscriptionCommand)).execute({
      subscriptionId: args.id,
      reason: flags.reason as (typeof TERMINATION_REASONS)[number],
    });
  }

  protected render(s: SubscriptionView): string {
    return `✓ Terminated ${s.id} (${formatMsisdn(s.msisdn)}, ${s.stateReason}); MSISDN to quarantine, eSIM ${s.iccid} recycled`;
  }
}
