import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { TICKET_STATES, TICKET_TRANSITIONS, TICKET_TRIGGERS, type TicketState, type TicketTrigger } from './ticket.state';

const ALLOWED: Record<TicketTrigger, Partial<Record<TicketState, TicketState>>> = {
  ack: { open: 'acknowledged' },
  start: { acknowledged: 'in_progress' },
  wait: { in_progress: 'pending' },
  resume: { pending: 'in_progress' },
  resolve: { in_progress: 'resolved' },
  close: { resolved: 'closed' },
  reopen: { resolved: 'in_progress' },
  cancel: { open: 'cancelled', acknowledged: 'cancelled', in_progress: 'cancelled', pending: 'cancelled' },
};

const move = (from: TicketState, trigger: TicketTrigger) =>
  assertTransition(TICKET_TRANSITIONS, from, trigger, 'ticket.transition.valid_from_state', { type: 'ticket', id: 'TKT-00000001' });

describe('TICKET_TRANSITIONS', () => {
  const pairs = TICKET_STATES.flatMap((from) => TICKET_TRIGGERS.map((trigger) => [from, trigger] as const));

  it.each(pairs.filter(([from, trigger]) => ALLOWED[trigger][from]))('%s -%s→ allowed', (from, trigger) => {
    expect(move(from, trigger)).toBe(ALLOWED[trigger][from]);
  });

  it.each(pairs.filter(([from, trigger]) => !ALLOWED[trigger][from]))('%s -%s→ refused', (from, trigger) => {
    let thrown: unknown;
    try {
      move(from, trigger);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyViolation);
    expect((thrown as PolicyViolation).rule).toBe('ticket.transition.valid_from_state');
  });

  it('treats closed and cancelled as terminal', () => {
    expect(TICKET_TRIGGERS.filter((t) => TICKET_TRANSITIONS[t].from.some((s) => s === 'closed' || s === 'cancelled'))).toEqual([]);
  });
});
