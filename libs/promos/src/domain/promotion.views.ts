import { applyDiscount, discountLabel, discountPeriodsTotal, twoDecimals } from './discount.calc';
import type { PromotionEntity } from './promotion.entity';
import type { Audience, CodeKind, DiscountType, DurationKind, PromotionState } from './promotion.types';

/** What `bss promo show`, the cockpit and the TMF671 surface read. */
export interface PromotionView {
  id: string;
  name: string | null;
  state: PromotionState;
  audience: Audience;
  code: string | null;
  codeKind: CodeKind;
  offerDefinitionId: string | null;
  discountType: DiscountType;
  /** 2 decimals: percent points or an amount. */
  discountValue: string;
  currency: string;
  durationKind: DurationKind;
  periodsTotal: number | null;
  /** null = every offering. */
  applicableOfferingIds: string[] | null;
  validFrom: Date | null;
  /** Exclusive. */
  validTo: Date | null;
  /** `10% off`, `SGD 5.00 off`. */
  label: string;
  createdBy: string;
  createdAt: Date;
}

/** A promotion's terms priced for one offering (spec §6.3 "Terms"). */
export interface PromoTerms {
  promotionId: string;
  name: string | null;
  code: string | null;
  audience: Audience;
  discountType: DiscountType;
  discountValue: string;
  currency: string;
  durationKind: DurationKind;
  periodsTotal: number | null;
  /** What the price snapshot carries: single 1, multi N, perpetual −1. */
  discountPeriodsTotal: number;
  /** The full price the discount composes on (the order's snapshot, or the catalog price now for a preview). */
  base: string;
  /** What each discounted period charges. */
  effective: string;
  label: string;
  offerDefinitionId: string;
  /** Targeted: the customer's pre-paired loyalty offer (null = claim by code at activation). */
  loyaltyOfferId: string | null;
}

export interface PromoValidation {
  valid: boolean;
  code: string;
  offeringId: string;
  /** Why not (spec §6.3 reasons, or the loyalty engine's rule); null when valid. */
  reason: string | null;
  terms: PromoTerms | null;
}

/** The live signup preview: was/now price, or the reason it does not apply. */
export interface PromoPreview {
  valid: boolean;
  code: string;
  offeringId: string;
  name: string | null;
  label: string | null;
  base: string | null;
  effective: string | null;
  currency: string | null;
  reason: string | null;
}

/**
 * The promo an order stamps on its item at creation (no loyalty write yet): the item columns
 * discount_code, promo_offer_definition_id, discount_type, discount_value,
 * discount_periods_total and promo_offer_id.
 */
export interface PromoIntent {
  promotionId: string;
  promoCode: string;
  promoOfferDefinitionId: string;
  /** Targeted, pre-paired: activation advances this offer instead of claiming by code. */
  promoOfferId: string | null;
  discountType: DiscountType;
  discountValue: string;
  discountPeriodsTotal: number;
  label: string;
  /** The first charge: the snapshot price with the discount applied. */
  effectiveAmount: string;
  /** A typed code, or the cheapest eligible targeted offer pre-applied. */
  source: 'code' | 'targeted';
}

export interface PromoSelection {
  intent: PromoIntent | null;
  /** A typed code that did not apply, and why (the order goes on without it or with an offer). */
  codeRefusal: { code: string; reason: string } | null;
}

/** The discount fields of the price snapshot ActivateSubscription takes, once the claim holds. */
export interface PromoDiscount {
  discountType: DiscountType;
  discountValue: string;
  discountPeriodsTotal: number;
  promoCode: string;
  promoOfferDefinitionId: string;
}

/** A targeted offer a customer still has (dashboard 🎁 list). */
export interface CustomerOffer {
  promotionId: string;
  code: string | null;
  state: 'eligible';
  promotion: {
    name: string | null;
    label: string;
    discountType: DiscountType;
    discountValue: string;
    durationKind: DurationKind;
    periodsTotal: number | null;
  };
}

export function toPromotionView(p: PromotionEntity): PromotionView {
  return {
    id: p.id,
    name: p.name,
    state: p.state,
    audience: p.audience,
    code: p.code,
    codeKind: p.codeKind,
    offerDefinitionId: p.offerDefinitionId,
    discountType: p.discountType,
    discountValue: twoDecimals(p.discountValue),
    currency: p.currency,
    durationKind: p.durationKind,
    periodsTotal: p.periodsTotal,
    applicableOfferingIds: p.applicableOfferingIds,
    validFrom: p.validFrom,
    validTo: p.validTo,
    label: discountLabel(p, p.currency),
    createdBy: p.createdBy,
    createdAt: p.createdAt,
  };
}

export function toPromoTerms(p: PromotionEntity, base: string, loyaltyOfferId: string | null): PromoTerms {
  return {
    promotionId: p.id,
    name: p.name,
    code: p.code,
    audience: p.audience,
    discountType: p.discountType,
    discountValue: twoDecimals(p.discountValue),
    currency: p.currency,
    durationKind: p.durationKind,
    periodsTotal: p.periodsTotal,
    discountPeriodsTotal: discountPeriodsTotal(p.durationKind, p.periodsTotal),
    base: twoDecimals(base),
    effective: applyDiscount(base, p),
    label: discountLabel(p, p.currency),
    offerDefinitionId: p.offerDefinitionId ?? '',
    loyaltyOfferId,
  };
}

export function toPromoIntent(t: PromoTerms, source: PromoIntent['source']): PromoIntent {
  return {
    promotionId: t.promotionId,
    promoCode: t.code ?? t.promotionId,
    promoOfferDefinitionId: t.offerDefinitionId,
    promoOfferId: t.loyaltyOfferId,
    discountType: t.discountType,
    discountValue: t.discountValue,
    discountPeriodsTotal: t.discountPeriodsTotal,
    label: t.label,
    effectiveAmount: t.effective,
    source,
  };
}
