import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import type { TicketView } from '#crm/domain/ticket.view';
import { TransitionTicketCommand } from './transition-ticket.command';

export class ResolveTicketInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
  /** Required by rule ticket.resolve.requires_resolution_notes (optional here so the rule speaks). */
  @IsOptional() @IsString() @MaxLength(4000) resolutionNotes?: string;
  /** The agent making the move, for the history row. */
  @IsOptional() @Matches(ID_PATTERNS.agent) changedByAgentId?: string;
}

/** `bss ticket resolve`: the ticket's `resolve` move, one verb per trigger so each has its own name and confirm. */
@Verb({ name: 'ticket.resolve', input: ResolveTicketInput, summary: 'Resolve a ticket in progress, saying what fixed it' })
@Injectable()
export class ResolveTicketCommand {
  constructor(private readonly transition: TransitionTicketCommand) {}

  async execute(input: ResolveTicketInput): Promise<TicketView> {
    const dto = await validateInput(ResolveTicketInput, input);
    return this.transition.execute({ ...dto, trigger: 'resolve' });
  }
}
