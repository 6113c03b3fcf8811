import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, validateInput, Verb } from '@bss/platform';
import { CHANNELS, type Channel } from '@bss/policies';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ID_PATTERNS, INTERACTION_DIRECTIONS, type InteractionDirection } from '#crm/domain/crm.values';
import type { InteractionView } from '#crm/domain/interaction.view';
import { findAgent, lockCase, lockTicket } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class LogInteractionInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @IsString() @Matches(/\S/, { message: 'summary must not be blank' }) @MaxLength(200) summary!: string;
  @IsOptional() @IsString() @MultiLine() @MaxLength(4000) body?: string;
  /** Default: the channel of the request (a CSR may log a phone call or an email). */
  @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @IsOptional() @IsIn(INTERACTION_DIRECTIONS) direction?: InteractionDirection;
  @IsOptional() @Matches(ID_PATTERNS.agent) agentId?: string;
  @IsOptional() @Matches(ID_PATTERNS.case) relatedCaseId?: string;
  @IsOptional() @Matches(ID_PATTERNS.ticket) relatedTicketId?: string;
}

/** A manually posted interaction (TMF683 POST), e.g. a CSR noting a phone call. */
@Verb({
  name: 'customer.log_interaction',
  input: LogInteractionInput,
  summary: 'Log a customer interaction (call, chat, email) on the customer timeline',
  cliExempt: 'interactions are logged by the commands that cause them; this standalone verb has no CLI verb yet',
})
@Injectable()
export class LogInteractionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: LogInteractionInput): Promise<InteractionView> {
    const dto = await validateInput(LogInteractionInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: LogInteractionInput): Promise<InteractionView> {
    return this.apply(w, await validateInput(LogInteractionInput, input));
  }

  private async apply(w: WriteScope, dto: LogInteractionInput): Promise<InteractionView> {
    if (dto.agentId) await findAgent(w, dto.agentId);
    if (dto.relatedCaseId) await lockCase(w, dto.relatedCaseId);
    if (dto.relatedTicketId) await lockTicket(w, dto.relatedTicketId);
    const interaction = await this.interactions.record(w, { ...dto, body: dto.body ?? null });
    await w.emit({
      eventType: 'interaction.logged',
      aggregateType: 'customer',
      aggregateId: dto.customerId,
      payload: { interactionId: interaction.id, customerId: dto.customerId, channel: interaction.channel, direction: interaction.direction },
    });
    return interaction;
  }
}
