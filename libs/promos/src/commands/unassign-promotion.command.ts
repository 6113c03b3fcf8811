import { Inject, Injectable } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { BssError, LOGGER, type Logger, PolicyViolation, validateInput, Verb } from '@bss/platform';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { LOYALTY_RULES } from '#promos/domain/loyalty.types';
import { PromotionEligibilityEntity } from '#promos/domain/promotion-eligibility.entity';
import { PromotionEntity } from '#promos/domain/promotion.entity';
import { CUSTOMER_ID_PATTERN, PROMOTION_ID_PATTERN } from '#promos/domain/promotion.types';
import { assertLoyaltyConfigured, assertPromotionFound, assertTargeted } from '#promos/policies/promotion.policies';
import { LoyaltyPort } from '#promos/ports/loyalty.port';
import { writeCall } from './loyalty-call';

export class UnassignPromotionInput {
  @IsString() @Matches(PROMOTION_ID_PATTERN, { message: 'promotionId must look like PROMO_VIP' }) promotionId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @Matches(CUSTOMER_ID_PATTERN, { each: true, message: 'customerIds must look like CUST-3f9a0c12' }) customerIds!: string[];
}

export interface PromotionUnassignment {
  promotionId: string;
  code: string | null;
  removed: string[];
  /** Were not on the list (unknown customers too). */
  notEligible: string[];
}

/**
 * `bss promo unassign`: customers leave a targeted promotion's list. Their pre-paired offer is
 * expired; one already claimed cannot expire, so it is revoked (`operator_action`). Loyalty
 * trouble is logged and does not keep a customer on the list (spec §6.8).
 */
@Verb({
  name: 'promo.unassign',
  input: UnassignPromotionInput,
  summary: "Remove customers from a targeted promotion's eligibility list (their unused offer is withdrawn)",
})
@Injectable()
export class UnassignPromotionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
    private readonly loyalty: LoyaltyPort,
    private readonly settings: LoyaltySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(input: UnassignPromotionInput): Promise<PromotionUnassignment> {
    assertLoyaltyConfigured(this.settings.mode);
    const dto = await validateInput(UnassignPromotionInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: UnassignPromotionInput): Promise<PromotionUnassignment> {
    assertLoyaltyConfigured(this.settings.mode);
    const promotion = await w.tx.findOne(PromotionEntity, { where: { id: dto.promotionId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    assertPromotionFound(promotion, dto.promotionId);
    assertTargeted(promotion);
    const removed: string[] = [];
    const notEligible: string[] = [];
    for (const customerId of new Set(dto.customerIds)) {
      const row = await w.tx.findOneBy(PromotionEligibilityEntity, { promotionId: promotion.id, customerId, tenantId: w.auth.tenant });
      if (!row) {
        notEligible.push(customerId);
        continue;
      }
      await w.tx.delete(PromotionEligibilityEntity, { promotionId: promotion.id, customerId });
      if (row.loyaltyOfferId) await this.withdrawOffer(w, promotion.id, customerId, row.loyaltyOfferId);
      await this.interactions.record(w, { customerId, summary: `No longer eligible for promotion ${promotion.name ?? promotion.id}`, direction: 'outbound' });
      removed.push(customerId);
    }
    await w.emit({
      eventType: 'promo.unassigned',
      aggregateType: 'promotion',
      aggregateId: promotion.id,
      payload: { promotionId: promotion.id, removed, notEligible },
    });
    return { promotionId: promotion.id, code: promotion.code, removed, notEligible };
  }

  private async withdrawOffer(w: WriteScope, promotionId: string, customerId: string, offerId: string): Promise<void> {
    try {
      await this.loyalty.expireOffer(writeCall(w, `${offerId}:expire:unassign`, promotionId), { offerId });
      return;
    } catch (error) {
      if (!(error instanceof PolicyViolation && error.rule === LOYALTY_RULES.illegalState('expire'))) return this.logFailure(error, promotionId, customerId, offerId);
    }
    try {
      await this.loyalty.revokeOffer(writeCall(w, `${offerId}:revoke:unassign`, promotionId), { offerId, reason: 'operator_action' });
    } catch (error) {
      this.logFailure(error, promotionId, customerId, offerId);
    }
  }

  private logFailure(error: unknown, promotionId: string, customerId: string, offerId: string): void {
    if (!(error instanceof BssError)) throw error;
    this.logger.warn({ err: error, promotionId, customerId, offerId }, 'could not withdraw the loyalty offer of an unassigned customer');
  }
}
