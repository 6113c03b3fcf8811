import { PROMO_REASONS, type PromoReason } from '#promos/promos.errors';
import { applyDiscount, toCents, type DiscountTerms } from '#promos/domain/discount.calc';
import type { Audience, PromotionState } from '#promos/domain/promotion.types';

/** What the order-time checks need to know about one promotion, already loaded. */
export interface PromotionFacts extends DiscountTerms {
  state: PromotionState;
  audience: Audience;
  applicableOfferingIds: readonly string[] | null;
  validFrom: Date | null;
  validTo: Date | null;
}

export interface OrderPromoFacts {
  /** null: the code's offer definition belongs to no promotion. */
  promotion: PromotionFacts | null;
  /** The customer is on the eligibility list (targeted promotions only). */
  eligible: boolean;
  offeringId: string;
  at: Date;
  /** The base the discount composes on (the order's price snapshot); null = not priced. */
  base: string | null;
}

/**
 * Why this promotion does not apply to this order, or null when it does. Checks run in the
 * spec's order (§6.3), so the reason a customer sees is the first that fails. Pure: the
 * caller loads the promotion, eligibility and price.
 */
export function promoRefusal(f: OrderPromoFacts): PromoReason | null {
  const p = f.promotion;
  if (!p) return PROMO_REASONS.unlinkedCode;
  if (p.state !== 'active') return PROMO_REASONS.noActivePromotion;
  if (p.audience === 'targeted' && !f.eligible) return PROMO_REASONS.notEligible;
  if (p.applicableOfferingIds && !p.applicableOfferingIds.includes(f.offeringId)) return PROMO_REASONS.notApplicableToOffering;
  if (p.validFrom && f.at.getTime() < p.validFrom.getTime()) return PROMO_REASONS.notYetValid;
  // The window is half-open [validFrom, validTo), as every validity window in the catalog.
  if (p.validTo && f.at.getTime() >= p.validTo.getTime()) return PROMO_REASONS.expired;
  if (f.base === null) return PROMO_REASONS.offeringNotPriced;
  if (toCents(applyDiscount(f.base, p)) === 0) return PROMO_REASONS.zeroAmount;
  return null;
}

/** The cheapest effective amount wins; on a tie the first candidate (lowest promotion id) stays. */
export function cheapestOffer<T extends { effective: string }>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of candidates) if (best === null || toCents(c.effective) < toCents(best.effective)) best = c;
  return best;
}
