import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, NotFound, randomId, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CaseEntity } from '#crm/domain/case.entity';
import { ID_PATTERNS, PRIORITIES, TICKET_TYPES, type Priority, type TicketType } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { SlaPolicyEntity } from '#crm/domain/sla-policy.entity';
import { slaDueAt } from '#crm/domain/sla';
import { TicketEntity } from '#crm/domain/ticket.entity';
import { toTicketView, type TicketView } from '#crm/domain/ticket.view';
import { assertAgentActive, assertCaseAcceptsTickets, assertCustomerMatchesCase, assertTicketHasCustomer } from '#crm/policies/ticket.policies';
import { findAgent, lockCase } from './crm-loaders';
import { InteractionLog } from './interaction-log';
import { recordTicketOpened } from './ticket-moves';

export class OpenTicketInput {
  @IsOptional() @IsIn(TICKET_TYPES) ticketType?: TicketType;
  @IsString() @Matches(/\S/, { message: 'subject must not be blank' }) @MaxLength(200) subject!: string;
  @IsOptional() @IsString() @MultiLine() @MaxLength(4000) description?: string;
  /** Parent case; the customer defaults to the case's. */
  @IsOptional() @Matches(ID_PATTERNS.case) caseId?: string;
  @IsOptional() @Matches(ID_PATTERNS.customer) customerId?: string;
  @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  @IsOptional() @Matches(ID_PATTERNS.agent) assignedToAgentId?: string;
  @IsOptional() @IsString() @MaxLength(64) relatedOrderId?: string;
  @IsOptional() @IsString() @MaxLength(64) relatedSubscriptionId?: string;
  @IsOptional() @IsString() @MaxLength(64) relatedServiceId?: string;
}

/** Opens a ticket with its SLA due date from the (type, priority) policy (reference defect 11). */
@Verb({
  name: 'ticket.open',
  input: OpenTicketInput,
  summary: 'Open a trouble ticket (under a case, or for a customer); its SLA due date follows the type and priority',
})
@Injectable()
export class OpenTicketCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: OpenTicketInput): Promise<TicketView> {
    const dto = await validateInput(OpenTicketInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: OpenTicketInput): Promise<TicketView> {
    return this.apply(w, await validateInput(OpenTicketInput, input));
  }

  private async apply(w: WriteScope, dto: OpenTicketInput): Promise<TicketView> {
    let kase: CaseEntity | null = null;
    if (dto.caseId) {
      kase = await lockCase(w, dto.caseId);
      assertCaseAcceptsTickets(kase);
      if (dto.customerId) assertCustomerMatchesCase(kase, dto.customerId);
    }
    const customerId = assertTicketHasCustomer(dto.customerId ?? kase?.customerId);
    const customerExists = await w.tx.exists(CustomerEntity, { where: { id: customerId, tenantId: w.auth.tenant } });
    if (!customerExists) throw new NotFound('customer', customerId);
    if (dto.assignedToAgentId) assertAgentActive(await findAgent(w, dto.assignedToAgentId));

    const ticketType = dto.ticketType ?? 'information_request';
    const priority = dto.priority ?? 'normal';
    const sla = await w.tx.findOne(SlaPolicyEntity, { where: { tenantId: w.auth.tenant, ticketType, priority } });
    const ticket = w.tx.create(TicketEntity, {
      id: randomId('TKT'),
      caseId: kase?.id ?? null,
      customerId,
      ticketType,
      subject: dto.subject.trim(),
      description: dto.description?.trim() || null,
      state: 'open',
      priority,
      assignedToAgentId: dto.assignedToAgentId ?? null,
      relatedOrderId: dto.relatedOrderId ?? null,
      relatedSubscriptionId: dto.relatedSubscriptionId ?? null,
      relatedServiceId: dto.relatedServiceId ?? null,
      slaDueAt: slaDueAt(w.now, sla?.targetMinutes),
      resolutionNotes: null,
      openedAt: w.now,
      resolvedAt: null,
      closedAt: null,
      updatedAt: w.now,
      tenantId: w.auth.tenant,
    });
    await w.tx.insert(TicketEntity, ticket);
    await recordTicketOpened(w, ticket, null);
    await w.emit({
      eventType: 'ticket.opened',
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      payload: {
        ticketId: ticket.id,
        caseId: ticket.caseId,
        customerId,
        ticketType,
        priority,
        assignedToAgentId: ticket.assignedToAgentId,
        slaDueAt: ticket.slaDueAt?.toISOString() ?? null,
        slaPolicyId: sla?.id ?? null,
      },
    });
    await this.interactions.record(w, {
      customerId,
      summary: `Ticket opened: ${ticketType} — ${ticket.subject}`,
      relatedCaseId: ticket.caseId,
      relatedTicketId: ticket.id,
    });
    return toTicketView(ticket);
  }
}
