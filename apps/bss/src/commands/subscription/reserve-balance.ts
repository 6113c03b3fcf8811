import { Args, Flags } from '@oclif/core';
import { ALLOWANCE_UNITS, ReserveBalanceCommand, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit, type ReservationResult } from '@bss/subscription';
import { formatAllowance } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class SubscriptionReserveBalance extends BssCommand<ReservationResult> {
  static override summary = 'Hold a quantity of a bucket for online charging, so other usage cannot consume it';
  static override examples = ['<%= config.bin %> subscription reserve-balance SUB-0001 500', '<%= config.bin %> subscription reserve-balance SUB-0001 10 --allowance voice --ref ocs-42 --valid-for 300 --json'];
  static override args = {
    id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }),
    // Not Args.integer: a bad quantity comes back as the command's own InvalidInput envelope.
    quantity: Args.string({ required: true, description: 'How much to hold, in the bucket unit' }),
  };
  static override flags = {
    allowance: Flags.string({ char: 'a', description: 'Which bucket', options: Object.keys(UNIT_OF_ALLOWANCE), default: 'data' }),
    unit: Flags.string({ description: "The quantity's unit (default: the bucket's own)", options: [...ALLOWANCE_UNITS] }),
    ref: Flags.string({ description: "The charging system's id for the request" }),
    // Not Flags.integer: a bad value comes back as the command's own InvalidInput envelope.
    'valid-for': Flags.string({ description: 'How long the hold lives, in seconds (60…86400; default 900): past it the hold goes back to the bucket' }),
  };

  protected async execute(): Promise<ReservationResult> {
    const { args, flags } = await this.parse(SubscriptionReserveBalance);
    const allowanceType = flags.allowance as AllowanceType;
    return (await this.service(ReserveBalanceCommand)).execute({
      subscriptionId: args.id,
      allowanceType,
      quantity: Number(args.quantity),
      unit: (flags.unit as AllowanceUnit | undefined) ?? UNIT_OF_ALLOWANCE[allowanceType],
      ...(flags.ref ? { requestRef: flags.ref } : {}),
      ...(flags['valid-for'] === undefined ? {} : { validForSeconds: Number(flags['valid-for']) }),
    });
  }

  protected render(result: ReservationResult): string {
    const r = result.reservation;
    return `✓ ${r.id}: ${formatAllowance(r.quantity, r.unit)} ${r.allowanceType} held on ${r.subscriptionId} until ${r.expiresAt.toISOString()}`;
  }
}
