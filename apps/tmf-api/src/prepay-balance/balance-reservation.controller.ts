import { Body, Controller, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DeductReservationCommand, ReleaseReservationCommand, ReserveBalanceCommand } from '@bss/subscription';
import { created, objectBody } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { toBalanceDeduct, toBalanceReserve, toBalanceUnreserve, toDeductReservationInput, toReleaseReservationInput, toReserveBalanceInput } from './balance-operations.mapper';

/**
 * TMF654 online charging: `balanceReserve` holds a quantity of a bucket
 * (`subscription.reserve_balance`), `balanceUnreserve` gives it back
 * (`subscription.release_reservation`), `balanceDeduct` rates what the session used
 * (`subscription.deduct_reservation`, through the one rating path). Lines and reservations are
 * reached through `PartnerScope`: another partner's answers 404.
 */
@Controller(TMF_BASE.prepayBalance)
export class BalanceReservationController {
  constructor(
    private readonly scope: PartnerScope,
    private readonly reserveBalance: ReserveBalanceCommand,
    private readonly releaseReservation: ReleaseReservationCommand,
    private readonly deductReservation: DeductReservationCommand,
  ) {}

  @Post('balanceReserve')
  @TmfOperation('CreateReserveOperation')
  async reserve(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const request = objectBody(body);
    const input = toReserveBalanceInput(request);
    await this.scope.line(input.subscriptionId);
    const result = await this.reserveBalance.execute(input);
    return created(reply, toBalanceReserve(result.subscription, result.reservation, request.relatedParty as { role: string; name: string }));
  }

  @Post('balanceUnreserve')
  @TmfOperation('CreateUnreserveOperation')
  async unreserve(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const { reservationId, party } = toReleaseReservationInput(objectBody(body));
    await this.scope.reservation(reservationId);
    const result = await this.releaseReservation.execute({ reservationId });
    return created(reply, toBalanceUnreserve(result.subscription, result.reservation, party));
  }

  @Post('balanceDeduct')
  @TmfOperation('DeductBalanceAmount')
  async deduct(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const { party, ...input } = toDeductReservationInput(objectBody(body));
    await this.scope.reservation(input.reservationId);
    const result = await this.deductReservation.execute(input);
    return created(reply, toBalanceDeduct(result.subscription, result.reservation, party, input.reason));
  }
}
