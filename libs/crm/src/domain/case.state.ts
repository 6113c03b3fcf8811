import type { TransitionTable } from '@bss/policies';

export const CASE_STATES = ['open', 'in_progress', 'pending_customer', 'resolved', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_TRIGGERS = ['take', 'await_customer', 'resume', 'resolve', 'close', 'cancel'] as const;
export type CaseTrigger = (typeof CASE_TRIGGERS)[number];

/** `closed` is terminal: there is no reopen. Guards (child tickets, resolution code) live in case.policies. */
export const CASE_TRANSITIONS: TransitionTable<CaseState, CaseTrigger> = {
  take: { from: ['open'], to: 'in_progress' },
  await_customer: { from: ['in_progress'], to: 'pending_customer' },
  resume: { from: ['pending_customer'], to: 'in_progress' },
  resolve: { from: ['open', 'in_progress'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  cancel: { from: ['open', 'in_progress', 'pending_customer'], to: 'closed' },
};

/** Past-tense event per trigger: `case.taken`, `case.closed`, … */
export const CASE_EVENT_BY_TRIGGER: Readonly<Record<CaseTrigger, string>> = {
  take: 'case.taken',
  await_customer: 'case.awaiting_customer',
  resume: 'case.resumed',
  resolve: 'case.resolved',
  close: 'case.closed',
  cancel: 'case.cancelled',
};
