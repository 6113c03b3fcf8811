/** Every rule id promos raises as a PolicyViolation, prefixed by the promo verb that checks it (domain spec §8 calls them `catalog.promotion.*`). */
export const PROMO_RULES = {
  adminOnly: 'catalog.admin_only',
  alreadyExists: 'promo.create.already_exists',
  codeInUse: 'promo.create.code_in_use',
  exhaustNotActive: 'promo.exhaust.not_active',
  assignNotActive: 'promo.assign.not_active',
  invalidAudience: 'promo.create.invalid_audience',
  invalidDiscountType: 'promo.create.invalid_discount_type',
  invalidDiscountValue: 'promo.create.invalid_discount_value',
  invalidDurationKind: 'promo.create.invalid_duration_kind',
  invalidPeriodsTotal: 'promo.create.invalid_periods_total',
  invalidPromoCodeKind: 'promo.create.invalid_promo_code_kind',
  loyaltyNotConfigured: 'promo.loyalty_not_configured',
  loyaltyRefused: 'promo.create.loyalty_refused',
  notTargeted: 'promo.not_targeted',
  requiresCode: 'promo.create.requires_code',
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
