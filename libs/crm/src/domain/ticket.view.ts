import type { Priority, TicketType } from './crm.values';
import type { TicketEntity, TicketHistoryEntity } from './ticket.entity';
import type { TicketState, TicketTrigger } from './ticket.state';

export interface TicketView {
  id: string;
  caseId: string | null;
  customerId: string;
  ticketType: TicketType;
  subject: string;
  description: string | null;
  state: TicketState;
  priority: Priority;
  assignedToAgentId: string | null;
  relatedOrderId: string | null;
  relatedSubscriptionId: string | null;
  relatedServiceId: string | null;
  slaDueAt: Date | null;
  resolutionNotes: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

export interface TicketHistoryView {
  fromState: TicketState | null;
  toState: TicketState;
  trigger: TicketTrigger | null;
  changedByAgentId: string | null;
  actor: string;
  reason: string | null;
  eventTime: Date;
}

export interface TicketDetailView extends TicketView {
  history: TicketHistoryView[];
}

export function toTicketView(t: TicketEntity): TicketView {
  return {
    id: t.id,
    caseId: t.caseId,
    customerId: t.customerId,
    ticketType: t.ticketType,
    subject: t.subject,
    description: t.description,
    state: t.state,
    priority: t.priority,
    assignedToAgentId: t.assignedToAgentId,
    relatedOrderId: t.relatedOrderId,
    relatedSubscriptionId: t.relatedSubscriptionId,
    relatedServiceId: t.relatedServiceId,
    slaDueAt: t.slaDueAt,
    resolutionNotes: t.resolutionNotes,
    openedAt: t.openedAt,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
  };
}

export function toTicketHistoryView(h: TicketHistoryEntity): TicketHistoryView {
  return {
    fromState: h.fromState,
    toState: h.toState,
    trigger: h.trigger,
    changedByAgentId: h.changedByAgentId,
    actor: h.actor,
    reason: h.reason,
    eventTime: h.eventTime,
  };
}
