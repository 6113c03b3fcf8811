import { Inject, Injectable } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { LOGGER, type Logger, validateInput, Verb } from '@bss/platform';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { LoyaltyPort } from '#promos/ports/loyalty.port';
import { ORDER_REF_PATTERN } from './claim-promo.command';
import { tryLoyaltyStep, writeCall, type LoyaltyStepFailure } from './loyalty-call';

export class RedeemPromoInput {
  @IsString() @Matches(ORDER_REF_PATTERN, { message: 'orderId must look like ORD-0001' }) orderId!: string;
  @IsString() @MaxLength(128) offerId!: string;
}

export type PromoRedemption = { outcome: 'redeemed' } | LoyaltyStepFailure;

/**
 * After the activation charge went through, the claimed offer is redeemed (key `<order>:redeem`).
 * Best-effort (spec §6.4 step 5): the line is live and paid either way, so a failure is logged
 * and reported, never thrown.
 */
@Verb({
  name: 'promo.redeem',
  input: RedeemPromoInput,
  summary: "Redeem a claimed promotion once the order's line is live",
  cliExempt: 'a step of the order activation job (orders.activate)',
})
@Injectable()
export class RedeemPromoCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loyalty: LoyaltyPort,
    private readonly settings: LoyaltySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(input: RedeemPromoInput): Promise<PromoRedemption> {
    const dto = await validateInput(RedeemPromoInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: RedeemPromoInput): Promise<PromoRedemption> {
    const failure = await tryLoyaltyStep(
      { enabled: this.settings.enabled, logger: this.logger, logContext: { orderId: dto.orderId, offerId: dto.offerId }, warning: 'loyalty offer.redeem failed' },
      () => this.loyalty.redeemOffer(writeCall(w, `${dto.orderId}:redeem`, dto.orderId), { offerId: dto.offerId, orderRef: dto.orderId }),
    );
    if (failure) return failure;
    await w.emit({ eventType: 'promo.redeemed', aggregateType: 'product_order', aggregateId: dto.orderId, payload: { orderId: dto.orderId, offerId: dto.offerId } });
    return { outcome: 'redeemed' };
  }
}
