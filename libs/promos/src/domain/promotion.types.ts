/** Value types of a promotion's money terms (portals-and-promos spec §6.1). */

export const DISCOUNT_TYPES = ['percent', 'absolute'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];

/** single: 1 period; multi: `periodsTotal` ≥ 2 periods; perpetual: every period. */
export const DURATION_KINDS = ['single', 'multi', 'perpetual'] as const;
export type DurationKind = (typeof DURATION_KINDS)[number];

export const AUDIENCES = ['public', 'targeted'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * single_use_shared: one claim in total, first wins; single_use_unique_per_customer: one claim
 * per customer; multi_use: any number.
 */
export const CODE_KINDS = ['single_use_shared', 'single_use_unique_per_customer', 'multi_use'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

export const PROMOTION_STATES = ['pending_link', 'active', 'exhausted', 'retired'] as const;
export type PromotionState = (typeof PROMOTION_STATES)[number];

export const DEFAULT_PROMO_CURRENCY = 'SGD';

/** `PROMO_WELCOME10`; at most 61 characters, so `OD_<id>` fits the 64 a price snapshot carries. */
export const PROMOTION_ID_PATTERN = /^PROMO_[A-Z0-9_]{1,55}$/;
/** What a customer types: letters, digits, `_` and `-`; matched case-insensitively (stored upper-case). */
export const PROMO_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,63}$/;
/** A positive amount or percentage with at most 2 decimals: "10", "12.5", "5.00". */
export const DISCOUNT_VALUE_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;
export const OFFERING_ID_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;
export const CUSTOMER_ID_PATTERN = /^CUST-[0-9a-f]{8}$/;

/** The loyalty engine's offer definition of a promotion: `OD_PROMO_WELCOME10`. */
export function offerDefinitionIdOf(promotionId: string): string {
  return `OD_${promotionId}`;
}

/** The pre-paired offer of a targeted promotion for one customer. */
export function targetedOfferIdOf(customerId: string, promotionId: string): string {
  return `OFF-${customerId}-${promotionId}`;
}

/** Codes are matched case-insensitively and without surrounding blanks. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
