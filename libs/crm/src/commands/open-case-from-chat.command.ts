import { Injectable } from '@nestjs/common';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, validateInput, Verb } from '@bss/platform';
import { ChatTranscripts, UnitOfWork } from '@bss/audit';
import type { CaseView } from '#crm/domain/case.view';
import { ID_PATTERNS, type CaseCategory, type Priority } from '#crm/domain/crm.values';
import { OpenCaseCommand } from './open-case.command';

/** What a customer may escalate from the chat (spec §5), plus `other` for CSR triage. */
export const CHAT_ESCALATION_CATEGORIES = ['fraud', 'billing_dispute', 'regulator_complaint', 'identity_recovery', 'bereavement', 'other'] as const;
export type ChatEscalationCategory = (typeof CHAT_ESCALATION_CATEGORIES)[number];

/** Spec §5: the case category and priority each escalation category opens with. */
export const CHAT_ESCALATION_CASE: Record<ChatEscalationCategory, { category: CaseCategory; priority: Priority }> = {
  fraud: { category: 'account', priority: 'high' },
  regulator_complaint: { category: 'account', priority: 'high' },
  identity_recovery: { category: 'account', priority: 'high' },
  bereavement: { category: 'account', priority: 'medium' },
  billing_dispute: { category: 'billing', priority: 'medium' },
  other: { category: 'information', priority: 'medium' },
};

/** A transcript larger than this is cut to its newest part (a case note, not an archive). */
export const CHAT_TRANSCRIPT_MAX_CHARS = 64_000;

export class OpenCaseFromChatInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @IsIn(CHAT_ESCALATION_CATEGORIES) category!: ChatEscalationCategory;
  @IsString() @Matches(/\S/, { message: 'subject must not be blank' }) @MaxLength(200) subject!: string;
  @IsString() @Matches(/\S/, { message: 'description must not be blank' }) @MultiLine() @MaxLength(3900) description!: string;
  /** The conversation that led here (`User: …` / `Assistant: …`), including the customer's last message. */
  @IsString() @Matches(/\S/, { message: 'transcript must not be blank' }) @MultiLine() @MaxLength(CHAT_TRANSCRIPT_MAX_CHARS) transcript!: string;
}

/**
 * The customer chat's escalation: files the transcript append-only under its SHA-256, then opens
 * the case on the customer with that hash, in one transaction — a case never points at a
 * transcript that was not stored, and a stored transcript without its case rolls back.
 */
@Verb({
  name: 'case.open_from_chat',
  input: OpenCaseFromChatInput,
  summary: 'Open a case from a customer chat escalation, keeping the hashed transcript',
  cliExempt: 'only the customer chat escalates (tool case.open_for_me); operators open cases with case.open',
})
@Injectable()
export class OpenCaseFromChatCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly openCase: OpenCaseCommand,
    private readonly transcripts: ChatTranscripts,
  ) {}

  async execute(input: OpenCaseFromChatInput): Promise<CaseView> {
    const dto = await validateInput(OpenCaseFromChatInput, input);
    return this.uow.run(async (w) => {
      const hash = await this.transcripts.append(w.tx, { customerId: dto.customerId, body: dto.transcript, recordedAt: w.now, tenantId: w.auth.tenant });
      const mapped = CHAT_ESCALATION_CASE[dto.category];
      return this.openCase.executeIn(w, {
        customerId: dto.customerId,
        subject: dto.subject,
        description: `[${dto.category}] ${dto.description}`,
        category: mapped.category,
        priority: mapped.priority,
        chatTranscriptHash: hash,
      });
    });
  }
}
