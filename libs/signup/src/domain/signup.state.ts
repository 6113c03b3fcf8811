import { assertTransition, type TransitionTable } from '@bss/policies';

/**
 * A signup journey collects facts (number, details, KYC, card) in whatever order the customer
 * navigates, then places exactly one order. From then on the order (COM) is the single source of
 * truth for activation progress; the journey only remembers which order is its own.
 */
export const SIGNUP_STATES = ['collecting', 'ordered'] as const;
export type SignupState = (typeof SIGNUP_STATES)[number];

export const SIGNUP_TRIGGERS = ['edit', 'place_order'] as const;
export type SignupTrigger = (typeof SIGNUP_TRIGGERS)[number];

export const SIGNUP_TRANSITIONS: TransitionTable<SignupState, SignupTrigger> = {
  edit: { from: ['collecting'], to: 'collecting' },
  place_order: { from: ['collecting'], to: 'ordered' },
};

export const SIGNUP_TRANSITION_RULE = 'signup.transition.valid_from_state';

export function nextSignupState(journey: { id: string; state: SignupState }, trigger: SignupTrigger): SignupState {
  return assertTransition(SIGNUP_TRANSITIONS, journey.state, trigger, SIGNUP_TRANSITION_RULE, { type: 'signup', id: journey.id });
}

/** The screens of the funnel, in order; the first incomplete one is where the customer continues. */
export const SIGNUP_STEPS = ['number', 'details', 'kyc', 'card', 'review'] as const;
export type SignupStep = (typeof SIGNUP_STEPS)[number];
