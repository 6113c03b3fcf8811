import { Args, Flags } from '@oclif/core';
import { ALLOWANCE_UNITS, TransferBalanceCommand, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit, type TransferBalanceResult } from '@bss/subscription';
import { formatAllowance } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class SubscriptionTransferBalance extends BssCommand<TransferBalanceResult> {
  static override summary = 'Move allowance between two lines of the same customer';
  static override examples = ['<%= config.bin %> subscription transfer-balance SUB-0001 SUB-0002 1024 --reason "share with the family"'];
  static override args = {
    from: Args.string({ required: true, description: 'The giving line, e.g. SUB-0001' }),
    to: Args.string({ required: true, description: 'The receiving line of the same customer, e.g. SUB-0002' }),
    // Not Args.integer: a bad quantity comes back as the command's own InvalidInput envelope.
    quantity: Args.string({ required: true, description: 'How much, in the bucket unit' }),
  };
  static override flags = {
    allowance: Flags.string({ char: 'a', description: 'Which bucket', options: Object.keys(UNIT_OF_ALLOWANCE), default: 'data' }),
    unit: Flags.string({ description: "The quantity's unit (default: the bucket's own)", options: [...ALLOWANCE_UNITS] }),
    reason: Flags.string({ char: 'r', required: true, description: 'Why (kept on the transfer and its audit events)' }),
  };

  protected async execute(): Promise<TransferBalanceResult> {
    const { args, flags } = await this.parse(SubscriptionTransferBalance);
    const allowanceType = flags.allowance as AllowanceType;
    return (await this.service(TransferBalanceCommand)).execute({
      fromSubscriptionId: args.from,
      toSubscriptionId: args.to,
      allowanceType,
      quantity: Number(args.quantity),
      unit: (flags.unit as AllowanceUnit | undefined) ?? UNIT_OF_ALLOWANCE[allowanceType],
      reason: flags.reason,
    });
  }

  protected render(result: TransferBalanceResult): string {
    const t = result.transfer;
    return `✓ ${t.id}: ${formatAllowance(t.quantity, t.unit)} ${t.allowanceType} from ${t.fromSubscriptionId} to ${t.toSubscriptionId} (${t.reason})`;
  }
}
