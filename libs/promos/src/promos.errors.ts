/** Every rule id promos raises as a PolicyViolation (domain spec §8 `catalog.promotion.*`). */
export const PROMO_RULES = {
  adminOnly: 'catalog.admin_only',
  alreadyExists: 'catalog.promotion.already_exists',
  codeInUse: 'catalog.promotion.code_in_use',
  exhaustNotActive: 'catalog.promotion.exhaust.not_active',
  assignNotActive: 'catalog.promotion.assign.not_active',
  invalidAudience: 'catalog.promotion.invalid_audience',
  invalidDiscountType: 'catalog.promotion.invalid_discount_type',
  invalidDiscountValue: 'catalog.promotion.invalid_discount_value',
  invalidDurationKind: 'catalog.promotion.invalid_duration_kind',
  invalidPeriodsTotal: 'catalog.promotion.invalid_periods_total',
  invalidPromoCodeKind: 'catalog.promotion.invalid_promo_code_kind',
  loyaltyNotConfigured: 'catalog.promotion.loyalty_not_configured',
  loyaltyRefused: 'catalog.promotion.loyalty_refused',
  notTargeted: 'catalog.promotion.not_targeted',
  requiresCode: 'catalog.promotion.requires_code',
  transition: 'promotion.transition.valid_from_state',
} as const;
export type PromoRule = (typeof PROMO_RULES)[keyof typeof PROMO_RULES];

/**
 * Why a code or offer does not apply to an order, in check order (spec §6.3). A loyalty refusal
 * of `promo_code.show` reports the engine's own rule instead (e.g. `promo_code.show.exhausted`).
 */
export const PROMO_REASONS = {
  loyaltyNotConfigured: 'loyalty_not_configured',
  unknownCode: 'unknown_code',
  unlinkedCode: 'unlinked_code',
  noActivePromotion: 'no_active_promotion',
  notEligible: 'not_eligible',
  notApplicableToOffering: 'not_applicable_to_offering',
  notYetValid: 'not_yet_valid',
  expired: 'expired',
  offeringNotPriced: 'offering_not_priced',
  /** A discount down to 0.00: payment cannot take a zero charge (domain spec §11.16). */
  zeroAmount: 'zero_amount_not_supported',
  noEligiblePromo: 'no_eligible_promo',
  loyaltyUnavailable: 'loyalty_unavailable',
  claimRefused: 'claim_refused',
} as const;
export type PromoReason = (typeof PROMO_REASONS)[keyof typeof PROMO_REASONS];
