import { PolicyViolation } from '@bss/platform';
import { nextSubscriptionState, SUBSCRIPTION_STATES, SUBSCRIPTION_TRANSITIONS, type SubscriptionState, type SubscriptionTrigger } from './subscription.state';

const EXPECTED: Record<SubscriptionTrigger, Partial<Record<SubscriptionState, SubscriptionState>>> = {
  activate: { pending: 'active' },
  fail_activate: { pending: 'terminated' },
  exhaust: { active: 'blocked' },
  top_up: { active: 'active', blocked: 'active' },
  renew: { active: 'active', blocked: 'active' },
  renew_fail: { active: 'blocked', blocked: 'blocked' },
  terminate: { active: 'terminated', blocked: 'terminated' },
};

describe('subscription state table', () => {
  for (const trigger of Object.keys(SUBSCRIPTION_TRANSITIONS) as SubscriptionTrigger[]) {
    for (const from of SUBSCRIPTION_STATES) {
      const to = EXPECTED[trigger][from];
      if (to) {
        it(`${trigger} from ${from} → ${to}`, () => {
          expect(nextSubscriptionState({ id: 'SUB-0001', state: from }, trigger)).toBe(to);
        });
      } else {
        it(`${trigger} from ${from} is refused with subscription.transition.invalid`, () => {
          try {
            nextSubscriptionState({ id: 'SUB-0001', state: from }, trigger);
            throw new Error('expected a PolicyViolation');
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyViolation);
            expect((error as PolicyViolation).rule).toBe('subscription.transition.invalid');
            expect((error as PolicyViolation).context).toMatchObject({ subscriptionId: 'SUB-0001', from, trigger });
          }
        });
      }
    }
  }

  it('covers exactly the triggers of the spec', () => {
    expect(Object.keys(SUBSCRIPTION_TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('terminated is terminal', () => {
    for (const trigger of Object.keys(SUBSCRIPTION_TRANSITIONS) as SubscriptionTrigger[]) {
      expect(SUBSCRIPTION_TRANSITIONS[trigger].from).not.toContain('terminated');
    }
  });

  it('raises the caller-named rule', () => {
    expect(() => nextSubscriptionState({ id: 'SUB-0001', state: 'terminated' }, 'renew', 'subscription.renew.only_if_active_or_blocked')).toThrow(
      expect.objectContaining({ rule: 'subscription.renew.only_if_active_or_blocked' }),
    );
  });
});
