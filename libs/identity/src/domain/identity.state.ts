import { assertTransition, type TransitionTable } from '@bss/policies';
import type { IdentityStatus } from './identity.values';

export const IDENTITY_TRIGGERS = ['verify_email', 'link_customer', 'delete'] as const;
export type IdentityTrigger = (typeof IDENTITY_TRIGGERS)[number];

/**
 * unverified → verified (first code back) → registered (linked to a CRM customer); a first login
 * that links straight away goes unverified → registered. `deleted` is terminal.
 */
export const IDENTITY_TRANSITIONS: TransitionTable<IdentityStatus, IdentityTrigger> = {
  verify_email: { from: ['unverified', 'verified'], to: 'verified' },
  link_customer: { from: ['unverified', 'verified', 'registered'], to: 'registered' },
  delete: { from: ['unverified', 'verified', 'registered'], to: 'deleted' },
};

export const IDENTITY_TRANSITION_RULE = 'identity.transition.valid_from_state';

export function nextIdentityStatus(identity: { id: string; status: IdentityStatus }, trigger: IdentityTrigger): IdentityStatus {
  return assertTransition(IDENTITY_TRANSITIONS, identity.status, trigger, IDENTITY_TRANSITION_RULE, { type: 'identity', id: identity.id });
}
