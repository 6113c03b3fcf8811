import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import type { TicketView } from '#crm/domain/ticket.view';
import { TransitionTicketCommand } from './transition-ticket.command';

export class CancelTicketInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
  /** The agent making the move, for the history row. */
  @IsOptional() @Matches(ID_PATTERNS.agent) changedByAgentId?: string;
}

/** `bss ticket cancel`: the ticket's `cancel` move, one verb per trigger so each has its own name and confirm. */
@Verb({ name: 'ticket.cancel', input: CancelTicketInput, summary: 'Cancel a ticket that is not resolved yet', destructive: true })
@Injectable()
export class CancelTicketCommand {
  constructor(private readonly transition: TransitionTicketCommand) {}

  async execute(input: CancelTicketInput): Promise<TicketView> {
    const dto = await validateInput(CancelTicketInput, input);
    return this.transition.execute({ ...dto, trigger: 'cancel' });
  }
}
