import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, randomId, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { CaseEntity, CaseNoteEntity } from '#crm/domain/case.entity';
import { toCaseNoteView, type CaseNoteView } from '#crm/domain/case.view';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { assertCaseNotClosed } from '#crm/policies/case.policies';
import { findAgent, lockCase } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class NoteCaseInput {
  @Matches(ID_PATTERNS.case) caseId!: string;
  @IsString() @MultiLine() @Matches(/\S/, { message: 'body must not be blank' }) @MaxLength(4000) body!: string;
  @IsOptional() @Matches(ID_PATTERNS.agent) authorAgentId?: string;
}

@Verb({ name: 'case.note', input: NoteCaseInput, summary: 'Add a note to an open case' })
@Injectable()
export class NoteCaseCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: NoteCaseInput): Promise<CaseNoteView> {
    const dto = await validateInput(NoteCaseInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: NoteCaseInput): Promise<CaseNoteView> {
    return this.apply(w, await validateInput(NoteCaseInput, input));
  }

  private async apply(w: WriteScope, dto: NoteCaseInput): Promise<CaseNoteView> {
    const kase = await lockCase(w, dto.caseId);
    assertCaseNotClosed(kase, CRM_RULES.caseNoteClosed);
    if (dto.authorAgentId) await findAgent(w, dto.authorAgentId);
    const note = w.tx.create(CaseNoteEntity, {
      id: randomId('NOTE'),
      caseId: kase.id,
      authorAgentId: dto.authorAgentId ?? null,
      body: dto.body.trim(),
      actor: w.auth.actor,
      createdAt: w.now,
      tenantId: w.auth.tenant,
    });
    await w.tx.insert(CaseNoteEntity, note);
    await w.tx.update(CaseEntity, { id: kase.id }, { updatedAt: w.now });
    await w.emit({
      eventType: 'case.noted',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: { caseId: kase.id, noteId: note.id, authorAgentId: note.authorAgentId },
    });
    await this.interactions.record(w, {
      customerId: kase.customerId,
      summary: 'Case note added',
      body: note.body,
      agentId: note.authorAgentId,
      relatedCaseId: kase.id,
    });
    return toCaseNoteView(note);
  }
}
