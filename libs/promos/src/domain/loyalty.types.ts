import type { CodeKind } from './promotion.types';

/** The loyalty engine's vocabulary (portals-and-promos spec §6.10), shared by every adapter. */

export const LOYALTY_MODES = ['off', 'embedded', 'remote'] as const;
export type LoyaltyMode = (typeof LOYALTY_MODES)[number];

export const OFFER_STATES = ['issued', 'claimed', 'redeemed', 'expired', 'revoked'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

export const REVOKE_REASONS = ['order_cancelled', 'operator_action', 'customer_changed_mind'] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

export const OFFER_DEFINITION_KINDS = ['regular'] as const;
export type OfferDefinitionKind = (typeof OFFER_DEFINITION_KINDS)[number];

export type OfferSource = { type: 'promo_code'; code: string } | { type: 'campaign'; campaignId: string };

export interface OfferDefinitionRecord {
  id: string;
  displayName: string;
  kind: OfferDefinitionKind;
}

export interface PromoCodeRecord {
  code: string;
  offerDefinitionId: string;
  kind: CodeKind;
}

export interface LoyaltyOfferRecord {
  offerId: string;
  offerDefinitionId: string;
  customerId: string;
  state: OfferState;
  sourceType: OfferSource['type'];
  sourceCode: string | null;
  orderRef: string | null;
}

export interface OfferPage {
  rows: LoyaltyOfferRecord[];
  limit: number;
  offset: number;
  hasMore: boolean;
}

/** Offers in these states have used their entitlement: a targeted promo is no longer on offer. */
export const USED_OFFER_STATES: readonly OfferState[] = ['claimed', 'redeemed'];

/** The loyalty engine's own rule ids (what a remote engine answers in `detail.code`). */
export const LOYALTY_RULES = {
  keyReused: 'loyalty.idempotency.key_reused',
  codeTaken: 'promo_code.register.code_taken',
  codeExhausted: 'promo_code.show.exhausted',
  unknownOfferDefinition: 'offer_definition.not_found',
  offerDefinitionConflict: 'offer_definition.register.conflict',
  offerConflict: 'offer.issue.conflict',
  claimCodeExhausted: 'offer.claim.code_exhausted',
  claimAlreadyClaimed: 'offer.claim.already_claimed_by_customer',
  /** `offer.<trigger>.illegal_state`, e.g. `offer.expire.illegal_state`. */
  illegalState: (trigger: string) => `offer.${trigger}.illegal_state`,
  /** Default rule of a refusal that names none. */
  refused: 'loyalty.refused',
} as const;
