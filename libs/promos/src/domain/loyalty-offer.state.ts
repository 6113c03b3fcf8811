import type { TransitionTable } from '@bss/policies';
import type { OfferState } from './loyalty.types';

export const OFFER_TRIGGERS = ['advance_to_claimed', 'redeem', 'expire', 'revoke'] as const;
export type OfferTrigger = (typeof OFFER_TRIGGERS)[number];

/**
 * An offer is issued (targeted, pre-paired) or born claimed (claim by code). A claim becomes
 * redeemed once its order activated, or is revoked when the activation charge is declined;
 * only an untouched issued offer can expire. Redeemed, expired and revoked are final.
 */
export const OFFER_TRANSITIONS: TransitionTable<OfferState, OfferTrigger> = {
  advance_to_claimed: { from: ['issued'], to: 'claimed' },
  redeem: { from: ['claimed'], to: 'redeemed' },
  expire: { from: ['issued'], to: 'expired' },
  revoke: { from: ['issued', 'claimed'], to: 'revoked' },
};
