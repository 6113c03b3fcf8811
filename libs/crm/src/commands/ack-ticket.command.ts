import { Injectable } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import type { TicketView } from '#crm/domain/ticket.view';
import { TransitionTicketCommand } from './transition-ticket.command';

export class AckTicketInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
  /** Who takes it, when the ticket has no assignee yet (or to hand it to someone else). */
  @IsOptional() @Matches(ID_PATTERNS.agent) assignedToAgentId?: string;
  /** The agent making the move, for the history row. */
  @IsOptional() @Matches(ID_PATTERNS.agent) changedByAgentId?: string;
}

/** `bss ticket ack`: the ticket's `ack` move, one verb per trigger so each has its own name and confirm. */
@Verb({ name: 'ticket.ack', input: AckTicketInput, summary: 'Acknowledge a ticket (it needs an assignee: already set, or assignedToAgentId)' })
@Injectable()
export class AckTicketCommand {
  constructor(private readonly transition: TransitionTicketCommand) {}

  async execute(input: AckTicketInput): Promise<TicketView> {
    const dto = await validateInput(AckTicketInput, input);
    return this.transition.execute({ ...dto, trigger: 'ack' });
  }
}
