import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CatalogQueries } from '@bss/catalog';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InvalidInput, parseInstant, PolicyViolation, UpstreamFailed, validateInput, Verb } from '@bss/platform';
import { assertTransition, currentAuth } from '@bss/policies';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { PromotionEntity } from '#promos/domain/promotion.entity';
import { PROMOTION_TRANSITIONS } from '#promos/domain/promotion.state';
import {
  DEFAULT_PROMO_CURRENCY,
  DISCOUNT_VALUE_PATTERN,
  OFFERING_ID_PATTERN,
  PROMOTION_ID_PATTERN,
  normalizeCode,
  offerDefinitionIdOf,
} from '#promos/domain/promotion.types';
import { toPromotionView, type PromotionView } from '#promos/domain/promotion.views';
import { PROMO_RULES } from '#promos/promos.errors';
import { assertCodeFree, assertLoyaltyConfigured, assertPromoAdmin, assertPromotionIsNew, assertPromotionTerms } from '#promos/policies/promotion.policies';
import { LoyaltyPort, type LoyaltyCall } from '#promos/ports/loyalty.port';
import { isUniqueViolation } from './loyalty-call';

export class CreatePromotionInput {
  @IsString() @Matches(PROMOTION_ID_PATTERN, { message: 'promotionId must look like PROMO_WELCOME10' }) promotionId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(100) name?: string;
  /** percent | absolute (checked as rule promo.create.invalid_discount_type). */
  @IsString() discountType!: string;
  /** Percent points or an amount, at most 2 decimals: "10", "12.5", "5.00". */
  @IsString() @Matches(DISCOUNT_VALUE_PATTERN, { message: 'discountValue must be a number with at most 2 decimals, e.g. 10 or 5.00' }) discountValue!: string;
  @IsOptional() @IsString() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter code, e.g. SGD' }) currency?: string;
  /** single | multi | perpetual. */
  @IsString() durationKind!: string;
  /** Only for multi (≥ 2). */
  @IsOptional() @IsInt() periodsTotal?: number;
  /** public (default) | targeted. */
  @IsOptional() @IsString() audience?: string;
  /** What customers type; matched case-insensitively. Targeted default: the promotion id. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, { message: 'code must be 3–64 letters, digits, _ or -' }) code?: string;
  /** single_use_shared | single_use_unique_per_customer | multi_use. */
  @IsOptional() @IsString() codeKind?: string;
  /** Omitted = every offering. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @Matches(OFFERING_ID_PATTERN, { each: true, message: 'applicableOfferingIds must be offering ids such as PLAN_M' })
  applicableOfferingIds?: string[];
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validFrom must be an ISO-8601 date-time' }) validFrom?: string;
  /** Exclusive. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validTo must be an ISO-8601 date-time' }) validTo?: string;
}

/**
 * `bss promo create`: a two-step saga (spec §6.7). (1) the money terms are written `pending_link`;
 * (2) the loyalty engine registers the offer definition `OD_<id>` (key `<id>:od`) and the code
 * (key `<id>:code`); (3) the row links to the OD and turns `active`. If step 2 fails the row
 * stays `pending_link` — no code resolves to it, so it is harmless — a `promo.link_failed`
 * audit row records why, and running the same create again resumes from step 1's row.
 */
@Verb({
  name: 'promo.create',
  input: CreatePromotionInput,
  summary: 'Create a promotion: money terms in BSS, then its offer definition and code in the loyalty engine',
})
@Injectable()
export class CreatePromotionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
    private readonly loyalty: LoyaltyPort,
    private readonly settings: LoyaltySettings,
  ) {}

  async execute(input: CreatePromotionInput): Promise<PromotionView> {
    assertLoyaltyConfigured(this.settings.mode);
    const dto = await validateInput(CreatePromotionInput, input);
    const pending = await this.uow.run((w) => this.recordTerms(w, dto));
    const od = offerDefinitionIdOf(pending.id);
    const auth = currentAuth();
    const call = (key: string): LoyaltyCall => ({ actor: auth.actor, tenant: auth.tenant, idempotencyKey: key, aggregateId: pending.id });
    let step = 'offer_definition.register';
    try {
      await this.loyalty.registerOfferDefinition(call(`${pending.id}:od`), { id: od, displayName: pending.name ?? pending.id, kind: 'regular' });
      step = 'promo_code.register';
      await this.loyalty.registerPromoCode(call(`${pending.id}:code`), { code: pending.code!, offerDefinitionId: od, kind: pending.codeKind });
    } catch (error) {
      throw await this.linkFailed(pending, step, error);
    }
    return this.uow.run((w) => this.link(w, pending.id, od));
  }

  /** Step 1: insert the terms, or resume (and re-state) a row an earlier run left pending_link. */
  private async recordTerms(w: WriteScope, dto: CreatePromotionInput): Promise<PromotionEntity> {
    assertPromoAdmin(w.auth.actor);
    const window = parseWindow(dto);
    const terms = assertPromotionTerms(dto.promotionId, { ...dto, code: dto.code === undefined ? undefined : normalizeCode(dto.code) });
    const existing = await w.tx.findOne(PromotionEntity, { where: { id: dto.promotionId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    assertPromotionIsNew(dto.promotionId, existing);
    const owner = await w.tx.findOne(PromotionEntity, { where: { code: terms.code, tenantId: w.auth.tenant }, select: { id: true } });
    assertCodeFree(terms.code, owner?.id ?? null, dto.promotionId);
    // Each listed offering must exist (NotFound names it); sequential, the tx has one connection.
    for (const offeringId of dto.applicableOfferingIds ?? []) await this.catalog.getOffering(offeringId);

    const row = w.tx.create(PromotionEntity, {
      id: dto.promotionId,
      tenantId: w.auth.tenant,
      name: dto.name?.trim() ?? null,
      discountType: terms.discountType,
      discountValue: terms.discountValue,
      currency: dto.currency ?? DEFAULT_PROMO_CURRENCY,
      durationKind: terms.durationKind,
      periodsTotal: terms.periodsTotal,
      audience: terms.audience,
      code: terms.code,
      codeKind: terms.codeKind,
      applicableOfferingIds: dto.applicableOfferingIds ? [...new Set(dto.applicableOfferingIds)] : null,
      validFrom: window.validFrom,
      validTo: window.validTo,
      state: 'pending_link',
      offerDefinitionId: null,
      createdBy: existing?.createdBy ?? w.auth.actor,
      createdAt: existing?.createdAt ?? w.now,
      updatedAt: w.now,
    });
    try {
      await w.tx.save(PromotionEntity, row);
    } catch (error) {
      // Lost a race with a concurrent create of the same id or code.
      if (isUniqueViolation(error)) throw new PolicyViolation(PROMO_RULES.codeInUse, `Promotion ${dto.promotionId} or code ${terms.code} was just taken`, { promotionId: dto.promotionId, code: terms.code });
      throw error;
    }
    await w.emit({
      eventType: 'promo.created',
      aggregateType: 'promotion',
      aggregateId: row.id,
      payload: { ...toPromotionView(row), resumed: existing !== null },
    });
    return row;
  }

  /** Step 3: the engine holds OD and code; the promotion goes live. */
  private async link(w: WriteScope, promotionId: string, offerDefinitionId: string): Promise<PromotionView> {
    const row = await w.tx.findOneOrFail(PromotionEntity, { where: { id: promotionId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    // A concurrent re-run may have linked it already: same outcome.
    if (row.state === 'active' && row.offerDefinitionId === offerDefinitionId) return toPromotionView(row);
    row.state = assertTransition(PROMOTION_TRANSITIONS, row.state, 'link', PROMO_RULES.transition, { type: 'promotion', id: row.id });
    row.offerDefinitionId = offerDefinitionId;
    row.updatedAt = w.now;
    await w.tx.save(PromotionEntity, row);
    await w.emit({
      eventType: 'promo.activated',
      aggregateType: 'promotion',
      aggregateId: row.id,
      payload: { promotionId: row.id, offerDefinitionId, code: row.code, audience: row.audience },
    });
    return toPromotionView(row);
  }

  /** Step 2 failed: record why (the row stays pending_link) and say how to resume. */
  private async linkFailed(pending: PromotionEntity, step: string, error: unknown): Promise<unknown> {
    const loyaltyRule = error instanceof PolicyViolation ? error.rule : null;
    const reason = (error as Error)?.message ?? String(error);
    await this.uow.run((w) =>
      w.emit({ eventType: 'promo.link_failed', aggregateType: 'promotion', aggregateId: pending.id, payload: { promotionId: pending.id, step, loyaltyRule, reason } }),
    );
    const context = { promotionId: pending.id, state: 'pending_link', step, loyaltyRule };
    const resume = `promotion ${pending.id} stays pending_link; fix the cause and run the same create again to resume`;
    if (error instanceof PolicyViolation) {
      return new PolicyViolation(PROMO_RULES.loyaltyRefused, `The loyalty engine refused ${step} (${error.rule}: ${error.message}); ${resume}`, context);
    }
    if (error instanceof UpstreamFailed) return new UpstreamFailed('loyalty', `Loyalty engine unavailable at ${step} (${reason}); ${resume}`, context);
    return error;
  }
}

function parseWindow(dto: { validFrom?: string; validTo?: string }): { validFrom: Date | null; validTo: Date | null } {
  const validFrom = dto.validFrom ? parseInstant(dto.validFrom, 'validFrom') : null;
  const validTo = dto.validTo ? parseInstant(dto.validTo, 'validTo') : null;
  if (validFrom && validTo && validTo.getTime() <= validFrom.getTime()) {
    throw new InvalidInput([{ field: 'validTo', messages: [`validTo (${validTo.toISOString()}) must be after validFrom (${validFrom.toISOString()})`] }]);
  }
  return { validFrom, validTo };
}
