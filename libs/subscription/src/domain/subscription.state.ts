import { assertTransition, type TransitionTable } from '@bss/policies';

export const SUBSCRIPTION_STATES = ['pending', 'active', 'blocked', 'terminated'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

export const SUBSCRIPTION_TRIGGERS = ['activate', 'fail_activate', 'exhaust', 'top_up', 'renew', 'renew_fail', 'terminate'] as const;
export type SubscriptionTrigger = (typeof SUBSCRIPTION_TRIGGERS)[number];

/** States in which a line holds its MSISDN and eSIM (and counts as a customer's live line). */
export const LIVE_SUBSCRIPTION_STATES: readonly SubscriptionState[] = ['pending', 'active', 'blocked'];

/**
 * pending → active ⇄ blocked → terminated. `renew` also fires from `blocked` (§11 item 2: a paid
 * renewal brings a blocked line back), and a declined renewal of a blocked line keeps it blocked.
 */
export const SUBSCRIPTION_TRANSITIONS: TransitionTable<SubscriptionState, SubscriptionTrigger> = {
  activate: { from: ['pending'], to: 'active' },
  fail_activate: { from: ['pending'], to: 'terminated' },
  exhaust: { from: ['active'], to: 'blocked' },
  top_up: { from: ['active', 'blocked'], to: 'active' },
  renew: { from: ['active', 'blocked'], to: 'active' },
  renew_fail: { from: ['active', 'blocked'], to: 'blocked' },
  terminate: { from: ['active', 'blocked'], to: 'terminated' },
};

export const SUBSCRIPTION_TRANSITION_RULE = 'subscription.transition.invalid';

/** The target state of `trigger`, or PolicyViolation `rule` (default `subscription.transition.invalid`). */
export function nextSubscriptionState(
  subscription: { id: string; state: SubscriptionState },
  trigger: SubscriptionTrigger,
  rule: string = SUBSCRIPTION_TRANSITION_RULE,
): SubscriptionState {
  return assertTransition(SUBSCRIPTION_TRANSITIONS, subscription.state, trigger, rule, { type: 'subscription', id: subscription.id });
}
