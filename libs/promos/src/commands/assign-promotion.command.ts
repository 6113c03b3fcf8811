import { Inject, Injectable } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CustomerQueries, InteractionLog } from '@bss/crm';
import { BssError, LOGGER, type Logger, validateInput, Verb } from '@bss/platform';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { PromotionEligibilityEntity } from '#promos/domain/promotion-eligibility.entity';
import { PromotionEntity } from '#promos/domain/promotion.entity';
import { CUSTOMER_ID_PATTERN, PROMOTION_ID_PATTERN, targetedOfferIdOf } from '#promos/domain/promotion.types';
import { toPromotionView } from '#promos/domain/promotion.views';
import { assertAssignable, assertLoyaltyConfigured, assertPromotionFound } from '#promos/policies/promotion.policies';
import { LoyaltyPort } from '#promos/ports/loyalty.port';
import { writeCall } from './loyalty-call';

export class AssignPromotionInput {
  @IsString() @Matches(PROMOTION_ID_PATTERN, { message: 'promotionId must look like PROMO_VIP' }) promotionId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @Matches(CUSTOMER_ID_PATTERN, { each: true, message: 'customerIds must look like CUST-3f9a0c12' }) customerIds!: string[];
}

export interface PromotionAssignment {
  promotionId: string;
  code: string | null;
  /** Newly on the list. */
  eligible: string[];
  /** Were on it already (no loyalty call made). */
  already: string[];
  /** Each new customer's pre-paired loyalty offer; null when issuing failed (activation then claims by code). */
  offers: { customerId: string; loyaltyOfferId: string | null }[];
}

/**
 * `bss promo assign`: customers join a targeted promotion's eligibility list (BSS is the gate),
 * each paired with a loyalty offer `OFF-<customer>-<promo>` (spec §6.8). A customer already on
 * the list is left alone; an issue that fails still lists the customer, without an offer.
 */
@Verb({
  name: 'promo.assign',
  input: AssignPromotionInput,
  summary: "Add customers to a targeted promotion's eligibility list (each gets a loyalty offer)",
})
@Injectable()
export class AssignPromotionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly customers: CustomerQueries,
    private readonly interactions: InteractionLog,
    private readonly loyalty: LoyaltyPort,
    private readonly settings: LoyaltySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(input: AssignPromotionInput): Promise<PromotionAssignment> {
    assertLoyaltyConfigured(this.settings.mode);
    const dto = await validateInput(AssignPromotionInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: AssignPromotionInput): Promise<PromotionAssignment> {
    assertLoyaltyConfigured(this.settings.mode);
    const promotion = await w.tx.findOne(PromotionEntity, { where: { id: dto.promotionId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    assertPromotionFound(promotion, dto.promotionId);
    assertAssignable(promotion);
    const customerIds = [...new Set(dto.customerIds)];
    // Every customer must exist before anything is written (NotFound names the first unknown).
    for (const id of customerIds) await this.customers.get(id);

    const listed = await w.tx.findBy(PromotionEligibilityEntity, { promotionId: promotion.id, tenantId: w.auth.tenant });
    const already = customerIds.filter((id) => listed.some((r) => r.customerId === id));
    const fresh = customerIds.filter((id) => !already.includes(id));
    const label = toPromotionView(promotion).label;
    const offers: PromotionAssignment['offers'] = [];
    for (const customerId of fresh) {
      const offerId = targetedOfferIdOf(customerId, promotion.id);
      let loyaltyOfferId: string | null = null;
      try {
        loyaltyOfferId = (
          await this.loyalty.issueOffer(writeCall(w, offerId, promotion.id), {
            offerId,
            offerDefinitionId: promotion.offerDefinitionId!,
            customerId,
            campaignId: promotion.id,
          })
        ).offerId;
      } catch (error) {
        if (!(error instanceof BssError)) throw error;
        this.logger.warn({ err: error, promotionId: promotion.id, customerId }, 'loyalty offer.issue failed; the customer is listed without a pre-paired offer');
      }
      await w.tx.insert(PromotionEligibilityEntity, { promotionId: promotion.id, customerId, loyaltyOfferId, createdBy: w.auth.actor, createdAt: w.now, tenantId: w.auth.tenant });
      await this.interactions.record(w, { customerId, summary: `Eligible for promotion ${promotion.name ?? promotion.id} (${label})`, direction: 'outbound' });
      offers.push({ customerId, loyaltyOfferId });
    }
    await w.emit({
      eventType: 'promo.assigned',
      aggregateType: 'promotion',
      aggregateId: promotion.id,
      payload: { promotionId: promotion.id, eligible: fresh, already, offers },
    });
    return { promotionId: promotion.id, code: promotion.code, eligible: fresh, already, offers };
  }
}
