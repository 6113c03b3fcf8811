import { Args } from '@oclif/core';
import { ReleaseReservationCommand, type ReservationResult } from '@bss/subscription';
import { formatAllowance } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class SubscriptionReleaseReservation extends BssCommand<ReservationResult> {
  static override summary = 'Release a balance reservation: the held quantity goes back to its bucket';
  static override examples = ['<%= config.bin %> subscription release-reservation RSV-1a2b3c4d'];
  static override args = { reservation: Args.string({ required: true, description: 'Reservation id, e.g. RSV-1a2b3c4d' }) };

  protected async execute(): Promise<ReservationResult> {
    const { args } = await this.parse(SubscriptionReleaseReservation);
    return (await this.service(ReleaseReservationCommand)).execute({ reservationId: args.reservation });
  }

  protected render(result: ReservationResult): string {
    const r = result.reservation;
    return `✓ ${r.id} released: ${formatAllowance(r.quantity, r.unit)} ${r.allowanceType} back on ${r.subscriptionId}`;
  }
}
