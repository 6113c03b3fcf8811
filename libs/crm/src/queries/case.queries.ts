import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ChatTranscripts, type ChatTranscriptView } from '@bss/audit';
import { Database, entityColumns, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { CaseEntity, CaseNoteEntity } from '#crm/domain/case.entity';
import type { CaseState } from '#crm/domain/case.state';
import { toCaseNoteView, toCaseView, type CaseDetailView, type CaseView } from '#crm/domain/case.view';
import { TicketEntity } from '#crm/domain/ticket.entity';
import { toTicketView, type TicketView } from '#crm/domain/ticket.view';

export interface CaseListFilter {
  customerId?: string;
  state?: CaseState;
  limit?: number;
}

@Injectable()
export class CaseQueries {
  constructor(
    private readonly db: Database,
    private readonly transcripts: ChatTranscripts,
  ) {}

  /**
   * The chat transcript a case was escalated with, re-hashed on read (`verified`); null when the
   * case came from elsewhere. A hash whose row is missing reads as an unverified empty transcript.
   */
  async transcriptFor(caseId: string): Promise<ChatTranscriptView | null> {
    const kase = await this.get(caseId);
    if (!kase.chatTranscriptHash) return null;
    return (
      (await this.transcripts.read(kase.chatTranscriptHash)) ?? { hash: kase.chatTranscriptHash, customerId: kase.customerId, body: '', recordedAt: kase.openedAt, verified: false }
    );
  }

  async get(caseId: string): Promise<CaseView> {
    const kase = await this.db.manager.findOne(CaseEntity, { where: { id: caseId, tenantId: currentAuth().tenant } });
    if (!kase) throw new NotFound('case', caseId);
    return toCaseView(kase);
  }

  /** The case card: the case, its tickets (oldest first) and its notes (oldest first). */
  async getDetail(caseId: string): Promise<CaseDetailView> {
    const kase = await this.get(caseId);
    const [tickets, notes] = await Promise.all([
      this.db.manager.find(TicketEntity, { where: { caseId }, order: { openedAt: 'ASC', seq: 'ASC' } }),
      this.db.manager.find(CaseNoteEntity, { where: { caseId }, order: { createdAt: 'ASC', seq: 'ASC' } }),
    ]);
    return { ...kase, tickets: tickets.map(toTicketView), notes: notes.map(toCaseNoteView) };
  }

  /** Newest first; one raw query (the 360's cases panel reads it on every page). */
  async list(filter: CaseListFilter = {}): Promise<CaseView[]> {
    const em = this.db.manager;
    const params: unknown[] = [currentAuth().tenant];
    const where = ['k.tenant_id = $1'];
    if (filter.customerId !== undefined) where.push(`k.customer_id = $${params.push(filter.customerId)}`);
    if (filter.state !== undefined) where.push(`k.state = $${params.push(filter.state)}`);
    const limit = params.push(Math.min(Math.max(filter.limit ?? 50, 1), 1000));
    // Prepared: one statement text per combination of filters, so at most four per connection.
    const rows = (await this.db.prepared(
      `select ${entityColumns(em, CaseEntity, 'k')} from crm."case" k where ${where.join(' and ')} order by k.opened_at desc, k.seq desc limit $${limit}`,
      params,
    )) as CaseEntity[];
    return rows.map(toCaseView);
  }


  /** Every case of a customer, newest first, each with its tickets (for the 360). */
  async listWithTickets(filter: { customerId: string }): Promise<(CaseView & { tickets: TicketView[] })[]> {
    const cases = await this.db.manager.find(CaseEntity, {
      where: { tenantId: currentAuth().tenant, customerId: filter.customerId },
      order: { openedAt: 'DESC', seq: 'DESC' },
    });
    if (cases.length === 0) return [];
    const tickets = await this.db.manager.find(TicketEntity, {
      where: { caseId: In(cases.map((c) => c.id)) },
      order: { openedAt: 'ASC', seq: 'ASC' },
    });
    return cases.map((c) => ({ ...toCaseView(c), tickets: tickets.filter((t) => t.caseId === c.id).map(toTicketView) }));
  }
}
