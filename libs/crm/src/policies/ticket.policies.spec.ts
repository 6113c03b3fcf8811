import { expectRule } from '#crm/testing';
import {
  assertAckHasAgent,
  assertAgentActive,
  assertCaseAcceptsTickets,
  assertCustomerMatchesCase,
  assertResolutionNotes,
  assertTicketAssignable,
  assertTicketCancellable,
  assertTicketHasCustomer,
} from './ticket.policies';

const TICKET = { id: 'TKT-00000001' };

describe('ticket.open.requires_customer', () => {
  it('allows a customer id', () => {
    expect(assertTicketHasCustomer('CUST-00000001')).toBe('CUST-00000001');
  });
  it('refuses none', () => {
    expectRule(() => assertTicketHasCustomer(undefined), 'ticket.open.requires_customer');
  });
});

describe('ticket.open.customer_matches_case', () => {
  it("allows the case's own customer", () => {
    expect(() => assertCustomerMatchesCase({ id: 'CASE-00000001', customerId: 'CUST-00000001' }, 'CUST-00000001')).not.toThrow();
  });
  it('refuses another customer', () => {
    expectRule(() => assertCustomerMatchesCase({ id: 'CASE-00000001', customerId: 'CUST-00000001' }, 'CUST-00000002'), 'ticket.open.customer_matches_case');
  });
});

describe('ticket.open.case_is_closed', () => {
  it('allows an open case', () => {
    expect(() => assertCaseAcceptsTickets({ id: 'CASE-00000001', state: 'in_progress' })).not.toThrow();
  });
  it('refuses a closed case', () => {
    expectRule(() => assertCaseAcceptsTickets({ id: 'CASE-00000001', state: 'closed' }), 'ticket.open.case_is_closed');
  });
});

describe('ticket.assign.agent_must_be_active', () => {
  it('allows an active agent', () => {
    expect(() => assertAgentActive({ id: 'AGT-001', status: 'active' })).not.toThrow();
  });
  it('refuses a terminated agent', () => {
    expectRule(() => assertAgentActive({ id: 'AGT-001', status: 'terminated' }), 'ticket.assign.agent_must_be_active');
  });
});

describe('ticket.assign.ticket_is_done', () => {
  it('allows a ticket still being worked', () => {
    expect(() => assertTicketAssignable({ ...TICKET, state: 'resolved' })).not.toThrow();
  });
  it.each(['closed', 'cancelled'] as const)('refuses a %s ticket', (state) => {
    expectRule(() => assertTicketAssignable({ ...TICKET, state }), 'ticket.assign.ticket_is_done');
  });
});

describe('ticket.ack.requires_agent', () => {
  it('allows an assignee', () => {
    expect(assertAckHasAgent(TICKET, 'AGT-001')).toBe('AGT-001');
  });
  it('refuses none', () => {
    expectRule(() => assertAckHasAgent(TICKET, null), 'ticket.ack.requires_agent');
  });
});

describe('ticket.resolve.requires_resolution_notes', () => {
  it('allows notes', () => {
    expect(assertResolutionNotes(TICKET, ' rebooted HLR ')).toBe('rebooted HLR');
  });
  it('refuses missing or blank notes', () => {
    expectRule(() => assertResolutionNotes(TICKET, undefined), 'ticket.resolve.requires_resolution_notes');
    expectRule(() => assertResolutionNotes(TICKET, ' '), 'ticket.resolve.requires_resolution_notes');
  });
});

describe('ticket.cancel.not_if_resolved_or_closed', () => {
  it.each(['open', 'acknowledged', 'in_progress', 'pending'] as const)('allows cancelling a %s ticket', (state) => {
    expect(() => assertTicketCancellable({ ...TICKET, state })).not.toThrow();
  });
  it.each(['resolved', 'closed'] as const)('refuses cancelling a %s ticket', (state) => {
    expectRule(() => assertTicketCancellable({ ...TICKET, state }), 'ticket.cancel.not_if_resolved_or_closed');
  });
});
