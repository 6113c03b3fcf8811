import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { PROMOTION_STATES, type PromotionState } from './promotion.types';
import { PROMOTION_TRANSITIONS, PROMOTION_TRIGGERS, type PromotionTrigger } from './promotion.state';

const RULE = 'promotion.transition.valid_from_state';
const allowed: Record<PromotionTrigger, Partial<Record<PromotionState, PromotionState>>> = {
  link: { pending_link: 'active' },
  exhaust: { active: 'exhausted' },
  retire: { active: 'retired', exhausted: 'retired' },
};

describe('promotion FSM', () => {
  const cases = PROMOTION_TRIGGERS.flatMap((trigger) => PROMOTION_STATES.map((from) => [trigger, from] as const));

  it.each(cases)('%s from %s', (trigger, from) => {
    const to = allowed[trigger][from];
    const fire = () => assertTransition(PROMOTION_TRANSITIONS, from, trigger, RULE, { type: 'promotion', id: 'PROMO_X' });
    if (to) {
      expect(fire()).toBe(to);
    } else {
      expect(fire).toThrow(PolicyViolation);
      expect(fire).toThrow(expect.objectContaining({ rule: RULE, context: expect.objectContaining({ from, trigger }) }));
    }
  });
});
