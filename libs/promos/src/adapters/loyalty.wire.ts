import type { LoyaltyOfferRecord, OfferPage, OfferState } from '#promos/domain/loyalty.types';

/** The loyalty engine's JSON shapes (snake_case, spec §6.10), shared by the client and the test double. */

export const LOYALTY_TOOLS = [
  'customer.register',
  'offer_definition.register',
  'promo_code.register',
  'promo_code.show',
  'offer.issue',
  'offer.list',
  'offer.claim',
  'offer.advance_to_claimed',
  'offer.redeem',
  'offer.expire',
  'offer.revoke',
] as const;
export type LoyaltyTool = (typeof LOYALTY_TOOLS)[number];

/** Sent as `X-Actor-Roles` on every call. */
export const LOYALTY_ACTOR_ROLES = 'author,reviewer,publisher';

export interface OfferWire {
  offer_id: string;
  offer_definition_id: string;
  customer_id: string;
  state: OfferState;
  source: { type: 'promo_code'; code: string } | { type: 'campaign'; campaign_id: string };
  order_ref: string | null;
}

export interface OfferPageWire {
  rows: OfferWire[];
  limit: number;
  offset: number;
  has_more: boolean;
}

/** 422 body of a refusal: `detail.code` is the engine's rule. */
export interface RefusalWire {
  detail: { refused: true; code?: string; message?: string };
}

export function offerToWire(o: LoyaltyOfferRecord, campaignId: string | null = null): OfferWire {
  return {
    offer_id: o.offerId,
    offer_definition_id: o.offerDefinitionId,
    customer_id: o.customerId,
    state: o.state,
    source: o.sourceType === 'promo_code' ? { type: 'promo_code', code: o.sourceCode ?? '' } : { type: 'campaign', campaign_id: campaignId ?? '' },
    order_ref: o.orderRef,
  };
}

export function offerFromWire(w: OfferWire): LoyaltyOfferRecord {
  return {
    offerId: w.offer_id,
    offerDefinitionId: w.offer_definition_id,
    customerId: w.customer_id,
    state: w.state,
    sourceType: w.source?.type ?? 'campaign',
    sourceCode: w.source?.type === 'promo_code' ? w.source.code : null,
    orderRef: w.order_ref ?? null,
  };
}

export function pageFromWire(w: OfferPageWire): OfferPage {
  return { rows: w.rows.map(offerFromWire), limit: w.limit, offset: w.offset, hasMore: w.has_more };
}
