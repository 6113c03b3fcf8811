import { Injectable } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import type { TicketView } from '#crm/domain/ticket.view';
import { TransitionTicketCommand } from './transition-ticket.command';

export class CloseTicketInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
  /** The agent making the move, for the history row. */
  @IsOptional() @Matches(ID_PATTERNS.agent) changedByAgentId?: string;
}

/** `bss ticket close`: the ticket's `close` move, one verb per trigger so each has its own name and confirm. */
@Verb({ name: 'ticket.close', input: CloseTicketInput, summary: 'Close a resolved ticket (the customer confirmed the fix)' })
@Injectable()
export class CloseTicketCommand {
  constructor(private readonly transition: TransitionTicketCommand) {}

  async execute(input: CloseTicketInput): Promise<TicketView> {
    const dto = await validateInput(CloseTicketInput, input);
    return this.transition.execute({ ...dto, trigger: 'close' });
  }
}
