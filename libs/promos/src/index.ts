export * from './promos.module';
export * from './promos.errors';
export {
  AUDIENCES,
  CODE_KINDS,
  DISCOUNT_TYPES,
  DURATION_KINDS,
  PROMOTION_STATES,
  type Audience,
  type CodeKind,
  type DiscountType,
  type DurationKind,
  type PromotionState,
} from './domain/promotion.types';
export { LOYALTY_MODES, type LoyaltyMode } from './domain/loyalty.types';
export { applyDiscount, discountLabel, type DiscountTerms } from './domain/discount.calc';
export type {
  CustomerOffer,
  PromoDiscount,
  PromoIntent,
  PromoPreview,
  PromoSelection,
  PromoTerms,
  PromoValidation,
  PromotionView,
} from './domain/promotion.views';
export { CreatePromotionCommand, CreatePromotionInput } from './commands/create-promotion.command';
export { AssignPromotionCommand, AssignPromotionInput, type PromotionAssignment } from './commands/assign-promotion.command';
export { UnassignPromotionCommand, UnassignPromotionInput, type PromotionUnassignment } from './commands/unassign-promotion.command';
export { ExhaustPromotionCommand, ExhaustPromotionInput } from './commands/exhaust-promotion.command';
export { ClaimPromoCommand, ClaimPromoInput, type PromoClaim } from './commands/claim-promo.command';
export { RedeemPromoCommand, RedeemPromoInput, type PromoRedemption } from './commands/redeem-promo.command';
export { RevokePromoClaimCommand, RevokePromoClaimInput, type PromoRevocation } from './commands/revoke-promo-claim.command';
export {
  PromoQueries,
  type PromotionListFilter,
  type ResolveEligibleInput,
  type SelectForOrderInput,
  type ValidateForOrderInput,
} from './queries/promo.queries';
