import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { LOGGER, type Logger, validateInput, Verb } from '@bss/platform';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { REVOKE_REASONS, type RevokeReason } from '#promos/domain/loyalty.types';
import { LoyaltyPort } from '#promos/ports/loyalty.port';
import { ORDER_REF_PATTERN } from './claim-promo.command';
import { tryLoyaltyStep, writeCall, type LoyaltyStepFailure } from './loyalty-call';

export class RevokePromoClaimInput {
  @IsString() @Matches(ORDER_REF_PATTERN, { message: 'orderId must look like ORD-0001' }) orderId!: string;
  @IsString() @MaxLength(128) offerId!: string;
  /** Default `order_cancelled` (the activation charge was declined). */
  @IsOptional() @IsIn(REVOKE_REASONS) reason?: RevokeReason;
}

export type PromoRevocation = { outcome: 'revoked' } | LoyaltyStepFailure;

/**
 * The activation charge was declined: the claim is revoked (key `<order>:revoke`) and the code's
 * inventory restored, so the customer can use the code on a new order. Never thrown: the caller
 * is already failing the order and must report that, not this.
 */
@Verb({
  name: 'promo.revoke_claim',
  input: RevokePromoClaimInput,
  summary: 'Give a claimed promotion back when the order does not complete',
  cliExempt: 'a step of the order activation job (orders.activate)',
})
@Injectable()
export class RevokePromoClaimCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loyalty: LoyaltyPort,
    private readonly settings: LoyaltySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(input: RevokePromoClaimInput): Promise<PromoRevocation> {
    const dto = await validateInput(RevokePromoClaimInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: RevokePromoClaimInput): Promise<PromoRevocation> {
    const reason = dto.reason ?? 'order_cancelled';
    const failure = await tryLoyaltyStep(
      { enabled: this.settings.enabled, logger: this.logger, logContext: { orderId: dto.orderId, offerId: dto.offerId }, warning: 'loyalty offer.revoke failed; the code may stay used' },
      () => this.loyalty.revokeOffer(writeCall(w, `${dto.orderId}:revoke`, dto.orderId), { offerId: dto.offerId, reason, orderRef: dto.orderId }),
    );
    if (failure) return failure;
    await w.emit({ eventType: 'promo.claim_revoked', aggregateType: 'product_order', aggregateId: dto.orderId, payload: { orderId: dto.orderId, offerId: dto.offerId, reason } });
    return { outcome: 'revoked' };
  }
}
