import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { OFFER_STATES, type OfferState } from './loyalty.types';
import { OFFER_TRANSITIONS, OFFER_TRIGGERS, type OfferTrigger } from './loyalty-offer.state';

const allowed: Record<OfferTrigger, Partial<Record<OfferState, OfferState>>> = {
  advance_to_claimed: { issued: 'claimed' },
  redeem: { claimed: 'redeemed' },
  expire: { issued: 'expired' },
  revoke: { issued: 'revoked', claimed: 'revoked' },
};

describe('loyalty offer FSM', () => {
  const cases = OFFER_TRIGGERS.flatMap((trigger) => OFFER_STATES.map((from) => [trigger, from] as const));

  it.each(cases)('%s from %s', (trigger, from) => {
    const to = allowed[trigger][from];
    const rule = `offer.${trigger}.illegal_state`;
    const fire = () => assertTransition(OFFER_TRANSITIONS, from, trigger, rule, { type: 'offer', id: 'OFF-1' });
    if (to) {
      expect(fire()).toBe(to);
    } else {
      expect(fire).toThrow(PolicyViolation);
      expect(fire).toThrow(expect.objectContaining({ rule }));
    }
  });
});
