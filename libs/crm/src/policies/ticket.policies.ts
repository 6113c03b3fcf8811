import { PolicyViolation } from '@bss/platform';
import { CRM_RULES } from '#crm/crm.errors';
import type { CaseState } from '#crm/domain/case.state';
import type { AgentStatus } from '#crm/domain/crm.values';
import type { TicketState } from '#crm/domain/ticket.state';

/** ticket.open.requires_customer: every ticket belongs to a customer, given directly or via its case. */
export function assertTicketHasCustomer(customerId: string | null | undefined): string {
  if (!customerId) {
    throw new PolicyViolation(CRM_RULES.ticketRequiresCustomer, 'A ticket needs a customer (give customerId or a caseId)', {});
  }
  return customerId;
}

/** ticket.open.customer_matches_case: a ticket cannot hang off another customer's case. */
export function assertCustomerMatchesCase(kase: { id: string; customerId: string }, customerId: string): void {
  if (kase.customerId !== customerId) {
    throw new PolicyViolation(CRM_RULES.ticketCustomerMatchesCase, `Case ${kase.id} belongs to another customer`, {
      caseId: kase.id,
      customerId,
    });
  }
}

/** ticket.open.case_is_closed: no new work under a closed case. */
export function assertCaseAcceptsTickets(kase: { id: string; state: CaseState }): void {
  if (kase.state === 'closed') {
    throw new PolicyViolation(CRM_RULES.ticketCaseIsClosed, `Case ${kase.id} is closed`, { caseId: kase.id });
  }
}

/** ticket.assign.agent_must_be_active: work goes to people who still work here. */
export function assertAgentActive(agent: { id: string; status: AgentStatus }): void {
  if (agent.status !== 'active') {
    throw new PolicyViolation(CRM_RULES.ticketAgentMustBeActive, `Agent ${agent.id} is ${agent.status}`, {
      agentId: agent.id,
      status: agent.status,
    });
  }
}

/** ticket.assign.ticket_is_done: a closed or cancelled ticket has nobody to work it. */
export function assertTicketAssignable(ticket: { id: string; state: TicketState }): void {
  if (ticket.state === 'closed' || ticket.state === 'cancelled') {
    throw new PolicyViolation(CRM_RULES.ticketAssignTicketIsDone, `Ticket ${ticket.id} is ${ticket.state}`, {
      ticketId: ticket.id,
      state: ticket.state,
    });
  }
}

/** ticket.ack.requires_agent: acknowledging means someone owns it. */
export function assertAckHasAgent(ticket: { id: string }, assigneeId: string | null | undefined): string {
  if (!assigneeId) {
    throw new PolicyViolation(CRM_RULES.ticketAckRequiresAgent, `Ticket ${ticket.id} has no assignee; assign an agent to acknowledge it`, {
      ticketId: ticket.id,
    });
  }
  return assigneeId;
}

/** ticket.resolve.requires_resolution_notes: the fix is written down. */
export function assertResolutionNotes(ticket: { id: string }, notes: string | null | undefined): string {
  const text = notes?.trim();
  if (!text) {
    throw new PolicyViolation(CRM_RULES.ticketResolveRequiresNotes, `Resolving ticket ${ticket.id} needs resolution notes`, {
      ticketId: ticket.id,
    });
  }
  return text;
}

/** ticket.cancel.not_if_resolved_or_closed: once the fix is in, the ticket closes instead. */
export function assertTicketCancellable(ticket: { id: string; state: TicketState }): void {
  if (ticket.state === 'resolved' || ticket.state === 'closed') {
    throw new PolicyViolation(CRM_RULES.ticketCancelNotIfResolved, `Ticket ${ticket.id} is ${ticket.state} and cannot be cancelled`, {
      ticketId: ticket.id,
      state: ticket.state,
    });
  }
}
