import { Args, Flags } from '@oclif/core';
import { DeductReservationCommand, type DeductReservationResult } from '@bss/subscription';
import { formatAllowance } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class SubscriptionDeductReservation extends BssCommand<DeductReservationResult> {
  static override summary = 'Deduct what a session used from its balance reservation, rated as usage';
  static override examples = ['<%= config.bin %> subscription deduct-reservation RSV-1a2b3c4d --reason "session ended"', '<%= config.bin %> subscription deduct-reservation RSV-1a2b3c4d --quantity 300 --reason "session ended" --json'];
  static override args = { reservation: Args.string({ required: true, description: 'Reservation id, e.g. RSV-1a2b3c4d' }) };
  static override flags = {
    // Not Flags.integer: a bad quantity comes back as the command's own InvalidInput envelope.
    quantity: Flags.string({ char: 'q', description: 'What was used, at most the hold (default: all of it)' }),
    reason: Flags.string({ char: 'r', required: true, description: 'Why (kept on the usage record and the audit event)' }),
  };

  protected async execute(): Promise<DeductReservationResult> {
    const { args, flags } = await this.parse(SubscriptionDeductReservation);
    return (await this.service(DeductReservationCommand)).execute({
      reservationId: args.reservation,
      reason: flags.reason,
      ...(flags.quantity === undefined ? {} : { quantity: Number(flags.quantity) }),
    });
  }

  protected render(result: DeductReservationResult): string {
    const r = result.reservation;
    return `✓ ${r.id} deducted: ${formatAllowance(r.deductedQuantity ?? 0, r.unit)} ${r.allowanceType} rated as ${result.usage.usageEvent.id} on ${r.subscriptionId}`;
  }
}
