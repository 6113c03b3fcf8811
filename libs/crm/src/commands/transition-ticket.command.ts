import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { InvalidInput, MultiLine, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { TICKET_TRIGGERS, type TicketTrigger } from '#crm/domain/ticket.state';
import { toTicketView, type TicketView } from '#crm/domain/ticket.view';
import { lockTicket } from './crm-loaders';
import { InteractionLog } from './interaction-log';
import { moveTicket } from './ticket-moves';

export class TransitionTicketInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
  @IsIn(TICKET_TRIGGERS) trigger!: TicketTrigger;
  /** ack only: who takes it (needed when the ticket has no assignee yet). */
  @IsOptional() @Matches(ID_PATTERNS.agent) assignedToAgentId?: string;
  /** resolve only: required by rule ticket.resolve.requires_resolution_notes. */
  @IsOptional() @IsString() @MultiLine() @MaxLength(4000) resolutionNotes?: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
  /** The agent making the move, for the history row. */
  @IsOptional() @Matches(ID_PATTERNS.agent) changedByAgentId?: string;
}

@Verb({
  name: 'ticket.transition',
  input: TransitionTicketInput,
  summary: 'Move a ticket by any trigger (ack, start, resolve, close, cancel)',
  cliExempt: 'the generic move behind the per-trigger CLI verbs ticket ack/start/resolve/close/cancel',
})
@Injectable()
export class TransitionTicketCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: TransitionTicketInput): Promise<TicketView> {
    const dto = await validateInput(TransitionTicketInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: TransitionTicketInput): Promise<TicketView> {
    return this.apply(w, await validateInput(TransitionTicketInput, input));
  }

  private async apply(w: WriteScope, dto: TransitionTicketInput): Promise<TicketView> {
    // Fields that only one trigger reads are refused elsewhere rather than silently dropped.
    if (dto.assignedToAgentId !== undefined && dto.trigger !== 'ack') {
      throw new InvalidInput([{ field: 'assignedToAgentId', messages: ['only with trigger ack; use ticket assign otherwise'] }]);
    }
    if (dto.resolutionNotes !== undefined && dto.trigger !== 'resolve') {
      throw new InvalidInput([{ field: 'resolutionNotes', messages: ['only with trigger resolve'] }]);
    }
    const ticket = await lockTicket(w, dto.ticketId);
    const moved = await moveTicket(w, this.interactions, ticket, dto.trigger, {
      assignedToAgentId: dto.assignedToAgentId,
      resolutionNotes: dto.resolutionNotes,
      reason: dto.reason,
      changedByAgentId: dto.changedByAgentId,
    });
    return toTicketView(moved);
  }
}
