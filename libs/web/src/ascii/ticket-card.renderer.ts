// Ticket card: the unit of work an agent picks up.

import { box } from './box.renderer';

export const TICKET_CARD_WIDTH = 64;

export interface TicketCardInput {
  id: string;
  subject: string;
  ticketType: string;
  state: string;
  priority: string;
  assignedAgentId?: string | null;
  /** The related entity of type `case`, when the ticket hangs off one. */
  caseId?: string | null;
}

export function renderTicketCard(input: TicketCardInput): string {
  const lines = [
    `Subject:  ${input.subject}`,
    `Type:     ${input.ticketType}`,
    `State:    ${input.state}`,
    `Priority: ${input.priority}`,
    `Assigned: ${input.assignedAgentId || '—'}`,
    `Case:     ${input.caseId || '—'}`,
  ];
  return box(lines, `Ticket ${input.id}`, TICKET_CARD_WIDTH);
}
