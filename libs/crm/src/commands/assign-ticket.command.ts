import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { TicketEntity } from '#crm/domain/ticket.entity';
import { toTicketView, type TicketView } from '#crm/domain/ticket.view';
import { assertAgentActive, assertTicketAssignable } from '#crm/policies/ticket.policies';
import { findAgent, lockTicket } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class AssignTicketInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
  @Matches(ID_PATTERNS.agent) agentId!: string;
}

@Verb({ name: 'ticket.assign', input: AssignTicketInput, summary: 'Assign a ticket to an active agent' })
@Injectable()
export class AssignTicketCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: AssignTicketInput): Promise<TicketView> {
    const dto = await validateInput(AssignTicketInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: AssignTicketInput): Promise<TicketView> {
    return this.apply(w, await validateInput(AssignTicketInput, input));
  }

  private async apply(w: WriteScope, dto: AssignTicketInput): Promise<TicketView> {
    const ticket = await lockTicket(w, dto.ticketId);
    assertTicketAssignable(ticket);
    assertAgentActive(await findAgent(w, dto.agentId));
    const fromAgentId = ticket.assignedToAgentId;
    ticket.assignedToAgentId = dto.agentId;
    ticket.updatedAt = w.now;
    await w.tx.save(TicketEntity, ticket);
    await w.emit({
      eventType: 'ticket.assigned',
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      payload: { ticketId: ticket.id, caseId: ticket.caseId, customerId: ticket.customerId, fromAgentId, toAgentId: dto.agentId },
    });
    await this.interactions.record(w, {
      customerId: ticket.customerId,
      summary: `Ticket assigned to ${dto.agentId}`,
      agentId: dto.agentId,
      relatedCaseId: ticket.caseId,
      relatedTicketId: ticket.id,
    });
    return toTicketView(ticket);
  }
}
