// Case card: one support case with its tickets and notes, as a CSR works it.

import { box, sectionRule } from './box.renderer';
import { formatMinute, type Instant } from './format.util';
import { padTextEnd, textWidth, truncateText } from './text.util';

export const CASE_CARD_WIDTH = 72;

export interface CaseCardTicket {
  id: string;
  ticketType: string;
  state: string;
  priority: string;
  assignedAgentId?: string | null;
}

export interface CaseCardNote {
  authorId: string;
  createdAt: Instant;
  body: string;
}

export interface CaseCardInput {
  id: string;
  subject: string;
  state: string;
  priority: string;
  customerId: string;
  customerName?: string | null;
  category?: string | null;
  createdAt: Instant;
  openedBy?: string | null;
  tickets: readonly CaseCardTicket[];
  notes: readonly CaseCardNote[];
}

export function renderCaseCard(input: CaseCardInput): string {
  const customer = input.customerName ? `${input.customerName} (${input.customerId})` : input.customerId;
  const lines = [
    `Customer: ${customer}`,
    ...(input.category ? [`Category: ${input.category}`] : []),
    `Opened:   ${formatMinute(input.createdAt)} by ${input.openedBy || '—'}`,
    '',
    sectionRule(`Tickets (${input.tickets.length})`),
    ...(input.tickets.length === 0
      ? ['  (none)']
      : input.tickets.map(
          (ticket) =>
            `  ${padTextEnd(ticket.id, 8)} ${padTextEnd(ticket.ticketType, 18)} ${padTextEnd(ticket.state, 14)} ` +
            `${padTextEnd(ticket.priority, 6)} ${ticket.assignedAgentId || '—'}`,
        )),
    '',
    sectionRule(`Notes (${input.notes.length})`),
    ...(input.notes.length === 0
      ? ['  (none)']
      : input.notes.map((note) => {
          const prefix = `  [${note.authorId} ${formatMinute(note.createdAt)}] `;
          // Cut to what the row can hold (at most 60) and show the cut, so a
          // CSR knows to open the full note rather than act on half of it.
          const room = Math.min(60, CASE_CARD_WIDTH - 4 - textWidth(prefix));
          return prefix + truncateText(note.body, room, '…');
        })),
  ];
  const title = `${input.id}  '${input.subject}'  [${input.state}]  ${input.priority}`;
  return box(lines, title, CASE_CARD_WIDTH);
}
