import type { Tx } from '@bss/platform';
import type {
  LoyaltyMode,
  LoyaltyOfferRecord,
  OfferDefinitionKind,
  OfferDefinitionRecord,
  OfferPage,
  OfferState,
  PromoCodeRecord,
  RevokeReason,
} from '#promos/domain/loyalty.types';
import type { CodeKind } from '#promos/domain/promotion.types';

/** Who calls and how the call dedupes; one per loyalty tool call. */
export interface LoyaltyCall {
  /** The BSS actor (`X-Actor-Id`): the engine dedupes on actor + key. */
  actor: string;
  tenant: string;
  /** Writes: stable per business step (`<order>:claim`, `<promo>:od`); reads: omitted. */
  idempotencyKey?: string;
  /** The caller's transaction: the embedded engine joins it (a remote one cannot). */
  tx?: Tx;
  /** The caller's clock reading, so embedded timestamps match the write's. */
  now?: Date;
  /** What `audit.external_call.aggregate_id` names (order, promotion). */
  aggregateId?: string;
}

export interface RegisterOfferDefinitionArgs {
  id: string;
  displayName: string;
  kind: OfferDefinitionKind;
}

export interface RegisterPromoCodeArgs {
  code: string;
  offerDefinitionId: string;
  kind: CodeKind;
}

export interface IssueOfferArgs {
  offerId: string;
  offerDefinitionId: string;
  customerId: string;
  campaignId: string;
}

export interface ListOffersArgs {
  customerId?: string;
  state?: OfferState;
  offerDefinitionId?: string;
  /** At most 100. */
  limit?: number;
  offset?: number;
}

export interface RevokeOfferArgs {
  offerId: string;
  reason: RevokeReason;
  /** Default true: the code's claim is given back. */
  restoreInventory?: boolean;
  orderRef?: string;
}

/**
 * The entitlement engine (portals-and-promos spec §6.10): codes, offer definitions and offers
 * with their FSM. BSS keeps the money terms and the eligibility gate; this port is everything it
 * asks the engine. Refusals are PolicyViolations carrying the engine's rule; unknown things are
 * NotFound; transport trouble is UpstreamFailed.
 */
export abstract class LoyaltyPort {
  abstract readonly mode: LoyaltyMode;
  abstract registerOfferDefinition(call: LoyaltyCall, args: RegisterOfferDefinitionArgs): Promise<OfferDefinitionRecord>;
  abstract registerPromoCode(call: LoyaltyCall, args: RegisterPromoCodeArgs): Promise<PromoCodeRecord>;
  abstract showPromoCode(call: LoyaltyCall, args: { code: string }): Promise<PromoCodeRecord>;
  abstract issueOffer(call: LoyaltyCall, args: IssueOfferArgs): Promise<LoyaltyOfferRecord>;
  abstract listOffers(call: LoyaltyCall, args: ListOffersArgs): Promise<OfferPage>;
  /** A new offer for `customerId`, claimed by typing `code`. */
  abstract claimOffer(call: LoyaltyCall, args: { customerId: string; code: string }): Promise<{ offerId: string }>;
  abstract advanceToClaimed(call: LoyaltyCall, args: { offerId: string; orderRef?: string }): Promise<LoyaltyOfferRecord>;
  abstract redeemOffer(call: LoyaltyCall, args: { offerId: string; orderRef: string }): Promise<LoyaltyOfferRecord>;
  /** Only an issued (untouched) offer expires: `offer.expire.illegal_state` otherwise. */
  abstract expireOffer(call: LoyaltyCall, args: { offerId: string }): Promise<LoyaltyOfferRecord>;
  abstract revokeOffer(call: LoyaltyCall, args: RevokeOfferArgs): Promise<LoyaltyOfferRecord>;
}
