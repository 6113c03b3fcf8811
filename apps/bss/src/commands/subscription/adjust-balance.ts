import { Args, Flags } from '@oclif/core';
import { ALLOWANCE_UNITS, AdjustBalanceCommand, UNIT_OF_ALLOWANCE, type AdjustBalanceResult, type AllowanceType, type AllowanceUnit } from '@bss/subscription';
import { formatAllowance } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class SubscriptionAdjustBalance extends BssCommand<AdjustBalanceResult> {
  static override summary = 'Credit or debit a bucket of a line by a quantity in its unit, with a reason';
  static override examples = [
    '<%= config.bin %> subscription adjust-balance SUB-0001 500 --reason "goodwill for the outage"',
    '<%= config.bin %> subscription adjust-balance SUB-0001 20 --debit --allowance voice --reason "mis-rated call" --json',
  ];
  static override args = {
    id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }),
    // Not Args.integer: a bad quantity comes back as the command's own InvalidInput envelope.
    quantity: Args.string({ required: true, description: 'How much, in the bucket unit (credited unless --debit)' }),
  };
  static override flags = {
    allowance: Flags.string({ char: 'a', description: 'Which bucket', options: Object.keys(UNIT_OF_ALLOWANCE), default: 'data' }),
    unit: Flags.string({ description: "The quantity's unit (default: the bucket's own)", options: [...ALLOWANCE_UNITS] }),
    debit: Flags.boolean({ description: 'Take the quantity off the bucket instead of adding it', default: false }),
    reason: Flags.string({ char: 'r', required: true, description: 'Why (kept on the adjustment and its audit event)' }),
  };

  protected async execute(): Promise<AdjustBalanceResult> {
    const { args, flags } = await this.parse(SubscriptionAdjustBalance);
    const allowanceType = flags.allowance as AllowanceType;
    return (await this.service(AdjustBalanceCommand)).execute({
      subscriptionId: args.id,
      allowanceType,
      quantity: flags.debit ? -Number(args.quantity) : Number(args.quantity),
      unit: (flags.unit as AllowanceUnit | undefined) ?? UNIT_OF_ALLOWANCE[allowanceType],
      reason: flags.reason,
    });
  }

  protected render(result: AdjustBalanceResult): string {
    const a = result.adjustment;
    const bucket = result.subscription.balances.find((b) => b.allowanceType === a.allowanceType);
    const sign = a.quantity > 0 ? '+' : '−';
    const line = result.line === 'unchanged' ? '' : `; line ${result.line}`;
    return `✓ ${a.id}: ${sign}${formatAllowance(Math.abs(a.quantity), a.unit)} ${a.allowanceType} on ${a.subscriptionId} (${a.reason}); ${bucket ? `${formatAllowance(bucket.remaining, bucket.unit)} left` : ''}${line}`;
  }
}
