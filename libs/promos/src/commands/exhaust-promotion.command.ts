import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { PromotionEntity } from '#promos/domain/promotion.entity';
import { PROMOTION_TRANSITIONS } from '#promos/domain/promotion.state';
import { PROMOTION_ID_PATTERN } from '#promos/domain/promotion.types';
import { toPromotionView, type PromotionView } from '#promos/domain/promotion.views';
import { PROMO_RULES } from '#promos/promos.errors';
import { assertLoyaltyConfigured, assertPromotionFound } from '#promos/policies/promotion.policies';

export class ExhaustPromotionInput {
  @IsString() @Matches(PROMOTION_ID_PATTERN, { message: 'promotionId must look like PROMO_WELCOME10' }) promotionId!: string;
}

/**
 * `bss promo exhaust`: an active promotion stops applying to new orders (codes then answer
 * `no_active_promotion`). Orders already stamped keep their intent. Exhausting twice is a no-op.
 */
@Verb({
  name: 'promo.exhaust',
  input: ExhaustPromotionInput,
  summary: 'Stop a promotion applying to new orders (orders already placed keep it)',
})
@Injectable()
export class ExhaustPromotionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly settings: LoyaltySettings,
  ) {}

  async execute(input: ExhaustPromotionInput): Promise<PromotionView> {
    assertLoyaltyConfigured(this.settings.mode);
    const dto = await validateInput(ExhaustPromotionInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: ExhaustPromotionInput): Promise<PromotionView> {
    const promotion = await w.tx.findOne(PromotionEntity, { where: { id: dto.promotionId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    assertPromotionFound(promotion, dto.promotionId);
    if (promotion.state === 'exhausted') return toPromotionView(promotion);
    const from = promotion.state;
    promotion.state = assertTransition(PROMOTION_TRANSITIONS, promotion.state, 'exhaust', PROMO_RULES.exhaustNotActive, { type: 'promotion', id: promotion.id });
    promotion.updatedAt = w.now;
    await w.tx.save(PromotionEntity, promotion);
    await w.emit({ eventType: 'promo.exhausted', aggregateType: 'promotion', aggregateId: promotion.id, payload: { promotionId: promotion.id, from } });
    return toPromotionView(promotion);
  }
}
