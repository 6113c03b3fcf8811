import type { TransitionTable } from '@bss/policies';

export const PORT_REQUEST_STATES = ['requested', 'validated', 'completed', 'rejected'] as const;
export type PortRequestState = (typeof PORT_REQUEST_STATES)[number];

export const PORT_REQUEST_TRIGGERS = ['validate', 'approve', 'reject'] as const;
export type PortRequestTrigger = (typeof PORT_REQUEST_TRIGGERS)[number];

/** `validate` is a hook for a donor-carrier check nobody performs yet; approve completes the port. */
export const PORT_REQUEST_TRANSITIONS: TransitionTable<PortRequestState, PortRequestTrigger> = {
  validate: { from: ['requested'], to: 'validated' },
  approve: { from: ['requested', 'validated'], to: 'completed' },
  reject: { from: ['requested', 'validated'], to: 'rejected' },
};

/** States that hold the donor number (one such request per number and tenant). */
export const PORT_REQUEST_LIVE_STATES: readonly PortRequestState[] = ['requested', 'validated'];
