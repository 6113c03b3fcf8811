import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { BssError, LOGGER, type Logger, PolicyViolation, validateInput, Verb } from '@bss/platform';
import { LoyaltySettings } from '../adapters/loyalty.settings';
import { REVOKE_REASONS, type RevokeReason } from '../domain/loyalty.types';
import { LoyaltyPort } from '../ports/loyalty.port';
import { ORDER_REF_PATTERN } from './claim-promo.command';
import { writeCall } from './loyalty-call';

export class RevokePromoClaimInput {
  @IsString() @Matches(ORDER_REF_PATTERN, { message: 'orderId must look like ORD-0001' }) orderId!: string;
  @IsString() @MaxLength(128) offerId!: string;
  /** Default `order_cancelled` (the activation charge was declined). */
  @IsOptional() @IsIn(REVOKE_REASONS) reason?: RevokeReason;
}

export type PromoRevocation = { outcome: 'revoked' } | { outcome: 'failed'; rule: string | null; message: string };

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
    if (!this.settings.enabled) return { outcome: 'failed', rule: null, message: 'promotions are off' };
    const reason = dto.reason ?? 'order_cancelled';
    try {
      await this.loyalty.revokeOffer(writeCall(w, `${dto.orderId}:revoke`, dto.orderId), { offerId: dto.offerId, reason, orderRef: dto.orderId });
    } catch (error) {
      if (!(error instanceof BssError)) throw error;
      this.logger.warn({ err: error, orderId: dto.orderId, offerId: dto.offerId }, 'loyalty offer.revoke failed; the code may stay used');
      return { outcome: 'failed', rule: error instanceof PolicyViolation ? error.rule : null, message: error.message };
    }
    await w.emit({ eventType: 'promo.claim_revoked', aggregateType: 'product_order', aggregateId: dto.orderId, payload: { orderId: dto.orderId, offerId: dto.offerId, reason } });
    return { outcome: 'revoked' };
  }
}
