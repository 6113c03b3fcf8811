import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { CaseEntity } from '#crm/domain/case.entity';
import { toCaseView, type CaseView } from '#crm/domain/case.view';
import { CASE_CATEGORIES, ID_PATTERNS, type CaseCategory } from '#crm/domain/crm.values';
import { assertCaseNotClosed, assertCaseUpdateHasFields, assertKnownPriority } from '#crm/policies/case.policies';
import { lockCase } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class UpdateCaseInput {
  @Matches(ID_PATTERNS.case) caseId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'subject must not be blank' }) @MaxLength(200) subject?: string;
  @IsOptional() @IsString() @MultiLine() @MaxLength(4000) description?: string;
  /** Checked by rule case.update.invalid_priority: low|normal|medium|high|urgent|critical. */
  @IsOptional() @IsString() priority?: string;
  @IsOptional() @IsIn(CASE_CATEGORIES) category?: CaseCategory;
}

@Verb({
  name: 'case.update',
  input: UpdateCaseInput,
  summary: 'Change the subject, priority or assignee of a case',
  cliExempt: 'no operator verb yet: case edits come from the agent console to be built',
})
@Injectable()
export class UpdateCaseCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: UpdateCaseInput): Promise<CaseView> {
    const dto = await validateInput(UpdateCaseInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: UpdateCaseInput): Promise<CaseView> {
    return this.apply(w, await validateInput(UpdateCaseInput, input));
  }

  private async apply(w: WriteScope, dto: UpdateCaseInput): Promise<CaseView> {
    const kase = await lockCase(w, dto.caseId);
    assertCaseNotClosed(kase, CRM_RULES.caseUpdateClosed);
    assertCaseUpdateHasFields(dto);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const set = <K extends 'subject' | 'description' | 'priority' | 'category'>(key: K, value: CaseEntity[K]) => {
      if (kase[key] !== value) changed[key] = { from: kase[key], to: value };
      kase[key] = value;
    };
    if (dto.priority !== undefined) set('priority', assertKnownPriority(dto.priority));
    if (dto.subject !== undefined) set('subject', dto.subject.trim());
    if (dto.description !== undefined) set('description', dto.description.trim() || null);
    if (dto.category !== undefined) set('category', dto.category);
    kase.updatedAt = w.now;
    await w.tx.save(CaseEntity, kase);
    await w.emit({
      eventType: 'case.updated',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: { caseId: kase.id, changed },
    });
    await this.interactions.record(w, {
      customerId: kase.customerId,
      summary: `Case updated: ${Object.keys(changed).join(', ') || 'no change'}`,
      relatedCaseId: kase.id,
    });
    return toCaseView(kase);
  }
}
