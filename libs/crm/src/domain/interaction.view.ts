import type { InteractionDirection } from './crm.values';
import type { InteractionEntity } from './interaction.entity';

export interface InteractionView {
  id: string;
  customerId: string;
  channel: string;
  direction: InteractionDirection;
  summary: string;
  body: string | null;
  agentId: string | null;
  relatedCaseId: string | null;
  relatedTicketId: string | null;
  actor: string;
  occurredAt: Date;
}

export function toInteractionView(i: InteractionEntity): InteractionView {
  return {
    id: i.id,
    customerId: i.customerId,
    channel: i.channel,
    direction: i.direction,
    summary: i.summary,
    body: i.body,
    agentId: i.agentId,
    relatedCaseId: i.relatedCaseId,
    relatedTicketId: i.relatedTicketId,
    actor: i.actor,
    occurredAt: i.occurredAt,
  };
}
