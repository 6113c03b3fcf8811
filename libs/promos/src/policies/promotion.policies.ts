import { NotFound, PolicyViolation } from '@bss/platform';
import { PROMO_RULES } from '#promos/promos.errors';
import type { LoyaltyMode } from '#promos/domain/loyalty.types';
import {
  AUDIENCES,
  CODE_KINDS,
  DISCOUNT_TYPES,
  DURATION_KINDS,
  type Audience,
  type CodeKind,
  type DiscountType,
  type DurationKind,
  type PromotionState,
} from '#promos/domain/promotion.types';

/** Promotions are operator data: a named actor only. */
export function assertPromoAdmin(actor: string): void {
  const name = actor.trim();
  if (!name || name.toLowerCase() === 'anonymous') {
    throw new PolicyViolation(PROMO_RULES.adminOnly, 'Promotions are managed by a named operator, not anonymously', { actor });
  }
}

/** With `BSS_LOYALTY_MODE=off` the promo subsystem is quiet: its verbs only say so. */
export function assertLoyaltyConfigured(mode: LoyaltyMode): void {
  if (mode === 'off') {
    throw new PolicyViolation(
      PROMO_RULES.loyaltyNotConfigured,
      'Promotions are off: no loyalty engine is configured (set BSS_LOYALTY_MODE=embedded, or remote with BSS_LOYALTY_BASE_URL and BSS_LOYALTY_API_TOKEN)',
      { loyaltyMode: mode },
    );
  }
}

export interface PromotionTermsRequest {
  audience?: string;
  discountType: string;
  /** Decimal string with at most 2 decimals (format checked by the DTO). */
  discountValue: string;
  durationKind: string;
  periodsTotal?: number | null;
  code?: string | null;
  codeKind?: string | null;
}

export interface PromotionTerms {
  audience: Audience;
  discountType: DiscountType;
  discountValue: string;
  durationKind: DurationKind;
  periodsTotal: number | null;
  code: string;
  codeKind: CodeKind;
}

function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return value !== undefined && value !== null && (values as readonly string[]).includes(value);
}

function hundredths(value: string): number {
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * The create rules `promo.create.*` (spec §6.2 names them `catalog.promotion.*`). Targeted promotions default to code = id
 * and kind `single_use_unique_per_customer`; public ones must name both. Percent is capped
 * below 100: a free period would be a zero charge, which payment refuses (domain spec §11.16).
 */
export function assertPromotionTerms(promotionId: string, request: PromotionTermsRequest): PromotionTerms {
  const audience = request.audience ?? 'public';
  if (!isOneOf(AUDIENCES, audience)) {
    throw new PolicyViolation(PROMO_RULES.invalidAudience, `audience must be one of ${AUDIENCES.join(', ')}`, { audience });
  }
  if (!isOneOf(DISCOUNT_TYPES, request.discountType)) {
    throw new PolicyViolation(PROMO_RULES.invalidDiscountType, `discount type must be one of ${DISCOUNT_TYPES.join(', ')}`, { discountType: request.discountType });
  }
  const value = hundredths(request.discountValue);
  if (value <= 0 || (request.discountType === 'percent' && value >= 100_00)) {
    throw new PolicyViolation(
      PROMO_RULES.invalidDiscountValue,
      request.discountType === 'percent' ? 'A percent discount must be more than 0 and less than 100' : 'An absolute discount must be more than 0',
      { discountType: request.discountType, discountValue: request.discountValue },
    );
  }
  if (!isOneOf(DURATION_KINDS, request.durationKind)) {
    throw new PolicyViolation(PROMO_RULES.invalidDurationKind, `duration must be one of ${DURATION_KINDS.join(', ')}`, { durationKind: request.durationKind });
  }
  const periods = request.periodsTotal ?? null;
  if (request.durationKind === 'multi' ? periods === null || periods < 2 : periods !== null) {
    throw new PolicyViolation(
      PROMO_RULES.invalidPeriodsTotal,
      request.durationKind === 'multi' ? 'A multi-period promotion needs periods of at least 2' : `A ${request.durationKind} promotion takes no periods`,
      { durationKind: request.durationKind, periodsTotal: periods },
    );
  }
  const code = request.code ?? (audience === 'targeted' ? promotionId : null);
  if (!code) throw new PolicyViolation(PROMO_RULES.requiresCode, 'A public promotion needs a code customers can type', { promotionId, audience });
  const codeKind = request.codeKind ?? (audience === 'targeted' ? 'single_use_unique_per_customer' : null);
  if (!isOneOf(CODE_KINDS, codeKind)) {
    throw new PolicyViolation(PROMO_RULES.invalidPromoCodeKind, `code kind must be one of ${CODE_KINDS.join(', ')}`, { codeKind: request.codeKind ?? null });
  }
  return { audience, discountType: request.discountType, discountValue: request.discountValue, durationKind: request.durationKind, periodsTotal: periods, code, codeKind };
}

/** Only a row the saga left `pending_link` may be created again (that re-run resumes it). */
export function assertPromotionIsNew(promotionId: string, existing: { state: PromotionState } | null): void {
  if (existing && existing.state !== 'pending_link') {
    throw new PolicyViolation(PROMO_RULES.alreadyExists, `Promotion ${promotionId} already exists (state ${existing.state})`, { promotionId, state: existing.state });
  }
}

/** A code names one promotion per tenant. */
export function assertCodeFree(code: string, ownerPromotionId: string | null, promotionId: string): void {
  if (ownerPromotionId !== null && ownerPromotionId !== promotionId) {
    throw new PolicyViolation(PROMO_RULES.codeInUse, `Code ${code} already belongs to promotion ${ownerPromotionId}`, { code, promotionId: ownerPromotionId });
  }
}

export function assertPromotionFound<T>(promotion: T | null, promotionId: string): asserts promotion is T {
  if (!promotion) throw new NotFound('promotion', promotionId);
}

/** Eligibility lists exist only for targeted promotions. */
export function assertTargeted(promotion: { id: string; audience: Audience }): void {
  if (promotion.audience !== 'targeted') {
    throw new PolicyViolation(PROMO_RULES.notTargeted, `Promotion ${promotion.id} is public: anyone with its code may use it, there is no list to change`, {
      promotionId: promotion.id,
      audience: promotion.audience,
    });
  }
}

/** New customers join only a live promotion. */
export function assertAssignable(promotion: { id: string; audience: Audience; state: PromotionState }): void {
  assertTargeted(promotion);
  if (promotion.state !== 'active') {
    throw new PolicyViolation(PROMO_RULES.assignNotActive, `Promotion ${promotion.id} is ${promotion.state}; only an active promotion takes new customers`, {
      promotionId: promotion.id,
      state: promotion.state,
    });
  }
}
