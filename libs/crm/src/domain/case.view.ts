import type { CaseEntity, CaseNoteEntity } from './case.entity';
import type { CaseState } from './case.state';
import type { Priority } from './crm.values';
import type { TicketView } from './ticket.view';

export interface CaseView {
  id: string;
  customerId: string;
  subject: string;
  description: string | null;
  state: CaseState;
  priority: Priority;
  category: string;
  resolutionCode: string | null;
  openedByAgentId: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  chatTranscriptHash: string | null;
}

export interface CaseNoteView {
  id: string;
  caseId: string;
  authorAgentId: string | null;
  body: string;
  actor: string;
  createdAt: Date;
}

/** A case with its child tickets and notes (the case card). */
export interface CaseDetailView extends CaseView {
  tickets: TicketView[];
  notes: CaseNoteView[];
}

export function toCaseView(c: CaseEntity): CaseView {
  return {
    id: c.id,
    customerId: c.customerId,
    subject: c.subject,
    description: c.description,
    state: c.state,
    priority: c.priority,
    category: c.category,
    resolutionCode: c.resolutionCode,
    openedByAgentId: c.openedByAgentId,
    openedAt: c.openedAt,
    resolvedAt: c.resolvedAt,
    closedAt: c.closedAt,
    chatTranscriptHash: c.chatTranscriptHash,
  };
}

export function toCaseNoteView(n: CaseNoteEntity): CaseNoteView {
  return { id: n.id, caseId: n.caseId, authorAgentId: n.authorAgentId, body: n.body, actor: n.actor, createdAt: n.createdAt };
}
