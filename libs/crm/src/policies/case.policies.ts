import { PolicyViolation } from '@bss/platform';
import { CRM_RULES } from '#crm/crm.errors';
import type { CaseState } from '#crm/domain/case.state';
import { PRIORITIES, type CustomerStatus, type Priority } from '#crm/domain/crm.values';
import { TICKET_DONE_STATES, type TicketState } from '#crm/domain/ticket.state';

/** case.open.customer_must_be_active: support work is opened for active customers only. */
export function assertCustomerCanOpenCase(customer: { id: string; status: CustomerStatus }): void {
  if (customer.status !== 'active') {
    throw new PolicyViolation(CRM_RULES.caseCustomerMustBeActive, `Customer ${customer.id} is ${customer.status}, not active`, {
      customerId: customer.id,
      status: customer.status,
    });
  }
}

/**
 * case.close.requires_all_tickets_resolved: a case resolves or closes only when every child
 * ticket is closed or cancelled — a merely `resolved` ticket still blocks, because the customer
 * has not confirmed the fix yet.
 */
export function assertAllTicketsDone(kase: { id: string }, tickets: readonly { id: string; state: TicketState }[]): void {
  const blocking = tickets.filter((t) => !TICKET_DONE_STATES.includes(t.state));
  if (blocking.length > 0) {
    throw new PolicyViolation(
      CRM_RULES.caseRequiresAllTicketsResolved,
      `Case ${kase.id} has tickets that are not closed or cancelled: ${blocking.map((t) => `${t.id} (${t.state})`).join(', ')}`,
      { caseId: kase.id, blockingTickets: blocking.map((t) => ({ id: t.id, state: t.state })) },
    );
  }
}

/** case.close.requires_resolution_code: a closed case records how it ended. */
export function assertResolutionCode(kase: { id: string }, resolutionCode: string | undefined | null): string {
  const code = resolutionCode?.trim();
  if (!code) {
    throw new PolicyViolation(CRM_RULES.caseRequiresResolutionCode, `Closing case ${kase.id} needs a resolution code`, { caseId: kase.id });
  }
  return code;
}

/** case.update.case_is_closed / case.note.case_is_closed: a closed case is read-only. */
export function assertCaseNotClosed(
  kase: { id: string; state: CaseState },
  rule: typeof CRM_RULES.caseUpdateClosed | typeof CRM_RULES.caseNoteClosed,
): void {
  if (kase.state === 'closed') {
    throw new PolicyViolation(rule, `Case ${kase.id} is closed and read-only`, { caseId: kase.id });
  }
}

/** case.update.invalid_priority: the union of every priority word the channels use. */
export function assertKnownPriority(priority: string): Priority {
  if (!(PRIORITIES as readonly string[]).includes(priority)) {
    throw new PolicyViolation(CRM_RULES.caseUpdateInvalidPriority, `Unknown priority "${priority}"`, {
      priority,
      allowed: [...PRIORITIES],
    });
  }
  return priority as Priority;
}

/** case.update.no_fields: an update must change something. */
export function assertCaseUpdateHasFields(update: { subject?: string; description?: string; priority?: string; category?: string }): void {
  if (update.subject === undefined && update.description === undefined && update.priority === undefined && update.category === undefined) {
    throw new PolicyViolation(CRM_RULES.caseUpdateNoFields, 'Give at least one of subject, description, priority, category', {});
  }
}
