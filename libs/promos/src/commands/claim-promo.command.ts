import { Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { BssError, NotFound, PolicyViolation, UpstreamFailed, validateInput, Verb } from '@bss/platform';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { PromotionEntity } from '#promos/domain/promotion.entity';
import { CUSTOMER_ID_PATTERN, DISCOUNT_TYPES, DISCOUNT_VALUE_PATTERN, normalizeCode, type DiscountType } from '#promos/domain/promotion.types';
import type { PromoDiscount } from '#promos/domain/promotion.views';
import { PROMO_REASONS } from '#promos/promos.errors';
import { LoyaltyPort } from '#promos/ports/loyalty.port';
import { writeCall } from './loyalty-call';

/** Order ids as orders mints them (`ORD-0001`). */
export const ORDER_REF_PATTERN = /^[A-Z]{2,10}-[0-9A-Za-z]{1,32}$/;

/** The promo intent an order item carries, as stamped at order creation. */
export class ClaimPromoInput {
  @IsString() @Matches(ORDER_REF_PATTERN, { message: 'orderId must look like ORD-0001' }) orderId!: string;
  @IsString() @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must look like CUST-3f9a0c12' }) customerId!: string;
  @IsString() @MaxLength(64) promoCode!: string;
  @IsString() @MaxLength(128) promoOfferDefinitionId!: string;
  /** Targeted, pre-paired: advance this offer instead of claiming by code. */
  @IsOptional() @IsString() @MaxLength(128) promoOfferId?: string | null;
  @IsIn(DISCOUNT_TYPES) discountType!: DiscountType;
  @IsString() @Matches(DISCOUNT_VALUE_PATTERN, { message: 'discountValue must have at most 2 decimals' }) discountValue!: string;
  /** single 1, multi N, perpetual −1. */
  @IsInt() discountPeriodsTotal!: number;
}

export type PromoClaim =
  | { outcome: 'claimed'; offerId: string; discount: PromoDiscount }
  /** The order goes on at full price (spec §6.4: a promo never blocks an order). */
  | { outcome: 'not_applied'; reason: string; rule: string | null };

/**
 * Activation claims the order's promo (spec §6.4 step 3), key `<order>:claim`: a pre-paired
 * targeted offer advances to claimed, a code gets a new claimed offer. Only now is the code used
 * up — a provisioning failure before this never burns it. A refusal is not an error: the order
 * activates at full price and the caller reports `order.promo_not_applied`. Idempotent per order;
 * `executeIn` joins the activation's transaction (embedded: the claim commits with it).
 */
@Verb({
  name: 'promo.claim',
  input: ClaimPromoInput,
  summary: "Claim an order's promotion in the loyalty engine before its first charge",
  cliExempt: 'a step of the order activation job (orders.activate)',
})
@Injectable()
export class ClaimPromoCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loyalty: LoyaltyPort,
    private readonly settings: LoyaltySettings,
  ) {}

  async execute(input: ClaimPromoInput): Promise<PromoClaim> {
    const dto = await validateInput(ClaimPromoInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: ClaimPromoInput): Promise<PromoClaim> {
    if (!this.settings.enabled) return { outcome: 'not_applied', reason: PROMO_REASONS.loyaltyNotConfigured, rule: null };
    const code = normalizeCode(dto.promoCode);
    const promotion = await w.tx.findOneBy(PromotionEntity, { offerDefinitionId: dto.promoOfferDefinitionId, tenantId: w.auth.tenant });
    // Exhausted or retired since the order was placed: no new uses.
    if (!promotion || promotion.state !== 'active') return this.refused(w, dto, code, PROMO_REASONS.noActivePromotion, null);

    const call = writeCall(w, `${dto.orderId}:claim`, dto.orderId);
    let offerId: string;
    try {
      offerId = dto.promoOfferId
        ? (await this.loyalty.advanceToClaimed(call, { offerId: dto.promoOfferId, orderRef: dto.orderId })).offerId
        : (await this.loyalty.claimOffer(call, { customerId: dto.customerId, code })).offerId;
    } catch (error) {
      if (!(error instanceof BssError)) throw error;
      const reason = error instanceof UpstreamFailed ? PROMO_REASONS.loyaltyUnavailable : PROMO_REASONS.claimRefused;
      const rule = error instanceof PolicyViolation ? error.rule : error instanceof NotFound ? 'loyalty.not_found' : null;
      return this.refused(w, dto, code, reason, rule);
    }
    const discount: PromoDiscount = {
      discountType: dto.discountType,
      discountValue: dto.discountValue,
      discountPeriodsTotal: dto.discountPeriodsTotal,
      promoCode: code,
      promoOfferDefinitionId: dto.promoOfferDefinitionId,
    };
    await w.emit({
      eventType: 'promo.claimed',
      aggregateType: 'product_order',
      aggregateId: dto.orderId,
      payload: { orderId: dto.orderId, customerId: dto.customerId, promotionId: promotion.id, offerId, ...discount },
    });
    return { outcome: 'claimed', offerId, discount };
  }

  private async refused(w: WriteScope, dto: ClaimPromoInput, code: string, reason: string, rule: string | null): Promise<PromoClaim> {
    await w.emit({
      eventType: 'promo.claim_refused',
      aggregateType: 'product_order',
      aggregateId: dto.orderId,
      payload: { orderId: dto.orderId, customerId: dto.customerId, promoCode: code, promoOfferDefinitionId: dto.promoOfferDefinitionId, reason, rule },
    });
    return { outcome: 'not_applied', reason, rule };
  }
}
