import { Injectable } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import type { TicketView } from '#crm/domain/ticket.view';
import { TransitionTicketCommand } from './transition-ticket.command';

export class StartTicketInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
  /** The agent making the move, for the history row. */
  @IsOptional() @Matches(ID_PATTERNS.agent) changedByAgentId?: string;
}

/** `bss ticket start`: the ticket's `start` move, one verb per trigger so each has its own name and confirm. */
@Verb({ name: 'ticket.start', input: StartTicketInput, summary: 'Start work on an acknowledged ticket' })
@Injectable()
export class StartTicketCommand {
  constructor(private readonly transition: TransitionTicketCommand) {}

  async execute(input: StartTicketInput): Promise<TicketView> {
    const dto = await validateInput(StartTicketInput, input);
    return this.transition.execute({ ...dto, trigger: 'start' });
  }
}
