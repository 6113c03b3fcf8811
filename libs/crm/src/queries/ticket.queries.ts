import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { TicketEntity, TicketHistoryEntity } from '#crm/domain/ticket.entity';
import type { TicketState } from '#crm/domain/ticket.state';
import { toTicketHistoryView, toTicketView, type TicketDetailView, type TicketView } from '#crm/domain/ticket.view';
import { compactWhere } from './where.util';

export interface TicketListFilter {
  caseId?: string;
  customerId?: string;
  state?: TicketState;
  /** Assigned agent. */
  agentId?: string;
  limit?: number;
}

@Injectable()
export class TicketQueries {
  constructor(private readonly db: Database) {}

  async get(ticketId: string): Promise<TicketView> {
    const ticket = await this.db.manager.findOne(TicketEntity, { where: { id: ticketId, tenantId: currentAuth().tenant } });
    if (!ticket) throw new NotFound('ticket', ticketId);
    return toTicketView(ticket);
  }

  /** The ticket with its state history, oldest move first. */
  async getDetail(ticketId: string): Promise<TicketDetailView> {
    const ticket = await this.get(ticketId);
    const history = await this.db.manager.find(TicketHistoryEntity, { where: { ticketId }, order: { id: 'ASC' } });
    return { ...ticket, history: history.map(toTicketHistoryView) };
  }

  /** Newest first. */
  async list(filter: TicketListFilter = {}): Promise<TicketView[]> {
    const rows = await this.db.manager.find(TicketEntity, {
      where: compactWhere({
        tenantId: currentAuth().tenant,
        caseId: filter.caseId,
        customerId: filter.customerId,
        state: filter.state,
        assignedToAgentId: filter.agentId,
      }),
      order: { openedAt: 'DESC', seq: 'DESC' },
      take: Math.min(Math.max(filter.limit ?? 50, 1), 1000),
    });
    return rows.map(toTicketView);
  }
}
