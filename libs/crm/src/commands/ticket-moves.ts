import { assertTransition } from '@bss/policies';
import type { WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { TicketEntity, TicketHistoryEntity } from '#crm/domain/ticket.entity';
import { TICKET_EVENT_BY_TRIGGER, TICKET_TRANSITIONS, type TicketState, type TicketTrigger } from '#crm/domain/ticket.state';
import {
  assertAckHasAgent,
  assertAgentActive,
  assertResolutionNotes,
  assertTicketCancellable,
} from '#crm/policies/ticket.policies';
import { findAgent } from './crm-loaders';
import type { InteractionLog } from './interaction-log';

export interface TicketMoveOptions {
  /** ack: the assignee, when the ticket has none yet (or to hand it to someone else). */
  assignedToAgentId?: string;
  /** resolve: what fixed it. */
  resolutionNotes?: string;
  reason?: string;
  changedByAgentId?: string;
  /** Cascades from a case log one interaction for the case instead of one per ticket. */
  logInteraction?: boolean;
}

/** Writes the `null → open` history row of a new ticket. */
export async function recordTicketOpened(w: WriteScope, ticket: TicketEntity, changedByAgentId: string | null): Promise<void> {
  await w.tx.insert(TicketHistoryEntity, {
    ticketId: ticket.id,
    fromState: null,
    toState: 'open',
    trigger: null,
    changedByAgentId,
    actor: w.auth.actor,
    reason: null,
    eventTime: w.now,
    tenantId: w.auth.tenant,
  });
}

/**
 * One ticket move with its §3.5 guards: FSM, history row, event and (unless cascaded) an
 * interaction. The ticket must be locked by the caller.
 */
export async function moveTicket(
  w: WriteScope,
  interactions: InteractionLog,
  ticket: TicketEntity,
  trigger: TicketTrigger,
  options: TicketMoveOptions = {},
): Promise<TicketEntity> {
  const from: TicketState = ticket.state;
  if (trigger === 'cancel') assertTicketCancellable(ticket);
  const to = assertTransition(TICKET_TRANSITIONS, from, trigger, CRM_RULES.ticketTransition, { type: 'ticket', id: ticket.id });
  if (trigger === 'ack') {
    const assigneeId = assertAckHasAgent(ticket, options.assignedToAgentId ?? ticket.assignedToAgentId);
    assertAgentActive(await findAgent(w, assigneeId));
    ticket.assignedToAgentId = assigneeId;
  }
  if (trigger === 'resolve') {
    ticket.resolutionNotes = assertResolutionNotes(ticket, options.resolutionNotes);
    ticket.resolvedAt = w.now;
  }
  if (trigger === 'reopen') ticket.resolvedAt = null;
  if (trigger === 'close' || trigger === 'cancel') ticket.closedAt = w.now;
  if (options.changedByAgentId) await findAgent(w, options.changedByAgentId);
  ticket.state = to;
  ticket.updatedAt = w.now;
  await w.tx.save(TicketEntity, ticket);

  const reason = options.reason?.trim() || null;
  await w.tx.insert(TicketHistoryEntity, {
    ticketId: ticket.id,
    fromState: from,
    toState: to,
    trigger,
    changedByAgentId: options.changedByAgentId ?? null,
    actor: w.auth.actor,
    reason,
    eventTime: w.now,
    tenantId: w.auth.tenant,
  });
  await w.emit({
    eventType: TICKET_EVENT_BY_TRIGGER[trigger],
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    payload: {
      ticketId: ticket.id,
      caseId: ticket.caseId,
      customerId: ticket.customerId,
      fromState: from,
      toState: to,
      trigger,
      assignedToAgentId: ticket.assignedToAgentId,
      reason,
    },
  });
  if (options.logInteraction ?? true) {
    await interactions.record(w, {
      customerId: ticket.customerId,
      summary: `Ticket ${trigger}: ${from} → ${to}`,
      body: trigger === 'resolve' ? ticket.resolutionNotes : reason,
      agentId: options.changedByAgentId ?? null,
      relatedCaseId: ticket.caseId,
      relatedTicketId: ticket.id,
    });
  }
  return ticket;
}
