import { assertTransition } from '@bss/policies';
import type { WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { CaseEntity } from '#crm/domain/case.entity';
import { CASE_EVENT_BY_TRIGGER, CASE_TRANSITIONS, type CaseState, type CaseTrigger } from '#crm/domain/case.state';
import { TicketEntity } from '#crm/domain/ticket.entity';
import { TICKET_DONE_STATES } from '#crm/domain/ticket.state';
import { assertAllTicketsDone } from '#crm/policies/case.policies';
import type { InteractionLog } from './interaction-log';
import { moveTicket } from './ticket-moves';

export interface CaseMoveOptions {
  resolutionCode?: string;
  agentId?: string;
}

/** The case's child tickets, row-locked so none can reopen while the case resolves or closes. */
async function lockChildTickets(w: WriteScope, caseId: string): Promise<TicketEntity[]> {
  return w.tx.find(TicketEntity, { where: { caseId }, order: { openedAt: 'ASC', seq: 'ASC' }, lock: { mode: 'pessimistic_write' } });
}

/**
 * One case move with its §3.4 guards and effects: resolve/close need every child ticket closed
 * or cancelled; cancel winds the open tickets down. The case must be locked by the caller.
 */
export async function moveCase(
  w: WriteScope,
  interactions: InteractionLog,
  kase: CaseEntity,
  trigger: CaseTrigger,
  options: CaseMoveOptions = {},
): Promise<CaseEntity> {
  const from: CaseState = kase.state;
  const to = assertTransition(CASE_TRANSITIONS, from, trigger, CRM_RULES.caseTransition, { type: 'case', id: kase.id });
  const tickets = trigger === 'resolve' || trigger === 'close' || trigger === 'cancel' ? await lockChildTickets(w, kase.id) : [];
  if (trigger === 'resolve' || trigger === 'close') assertAllTicketsDone(kase, tickets);

  const wound: string[] = [];
  if (trigger === 'cancel') {
    for (const ticket of tickets.filter((t) => !TICKET_DONE_STATES.includes(t.state))) {
      // A resolved ticket may not be cancelled (its fix is in); it is closed with the case instead.
      const ticketTrigger = ticket.state === 'resolved' ? 'close' : 'cancel';
      await moveTicket(w, interactions, ticket, ticketTrigger, { reason: `case ${kase.id} cancelled`, logInteraction: false });
      wound.push(ticket.id);
    }
  }
  if (trigger === 'resolve') kase.resolvedAt = w.now;
  if (trigger === 'close' || trigger === 'cancel') kase.closedAt = w.now;
  if (options.resolutionCode !== undefined) kase.resolutionCode = options.resolutionCode;
  kase.state = to;
  kase.updatedAt = w.now;
  await w.tx.save(CaseEntity, kase);

  await w.emit({
    eventType: CASE_EVENT_BY_TRIGGER[trigger],
    aggregateType: 'case',
    aggregateId: kase.id,
    payload: {
      caseId: kase.id,
      customerId: kase.customerId,
      fromState: from,
      toState: to,
      trigger,
      ...(kase.resolutionCode ? { resolutionCode: kase.resolutionCode } : {}),
      ...(wound.length ? { ticketsWoundDown: wound } : {}),
    },
  });
  await interactions.record(w, {
    customerId: kase.customerId,
    summary: `Case ${trigger}: ${from} → ${to}`,
    agentId: options.agentId ?? null,
    relatedCaseId: kase.id,
  });
  return kase;
}

