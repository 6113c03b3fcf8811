import type { TransitionTable } from '@bss/policies';

export const TICKET_STATES = ['open', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_TRIGGERS = ['ack', 'start', 'wait', 'resume', 'resolve', 'close', 'reopen', 'cancel'] as const;
export type TicketTrigger = (typeof TICKET_TRIGGERS)[number];

/** Guards (assignee, notes, cancel-before-resolution) live in ticket.policies. */
export const TICKET_TRANSITIONS: TransitionTable<TicketState, TicketTrigger> = {
  ack: { from: ['open'], to: 'acknowledged' },
  start: { from: ['acknowledged'], to: 'in_progress' },
  wait: { from: ['in_progress'], to: 'pending' },
  resume: { from: ['pending'], to: 'in_progress' },
  resolve: { from: ['in_progress'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'in_progress' },
  cancel: { from: ['open', 'acknowledged', 'in_progress', 'pending'], to: 'cancelled' },
};

export const TICKET_EVENT_BY_TRIGGER: Readonly<Record<TicketTrigger, string>> = {
  ack: 'ticket.acknowledged',
  start: 'ticket.started',
  wait: 'ticket.waiting',
  resume: 'ticket.resumed',
  resolve: 'ticket.resolved',
  close: 'ticket.closed',
  reopen: 'ticket.reopened',
  cancel: 'ticket.cancelled',
};

/** A case may resolve or close only when every child ticket is in one of these. */
export const TICKET_DONE_STATES: readonly TicketState[] = ['closed', 'cancelled'];
