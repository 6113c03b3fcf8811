import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, randomId, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CaseEntity } from '#crm/domain/case.entity';
import { toCaseView, type CaseView } from '#crm/domain/case.view';
import { CASE_CATEGORIES, ID_PATTERNS, PRIORITIES, type CaseCategory, type Priority } from '#crm/domain/crm.values';
import { assertCustomerCanOpenCase } from '#crm/policies/case.policies';
import { findAgent, lockCustomer } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class OpenCaseInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @IsString() @Matches(/\S/, { message: 'subject must not be blank' }) @MaxLength(200) subject!: string;
  @IsOptional() @IsString() @MultiLine() @MaxLength(4000) description?: string;
  @IsOptional() @IsIn(CASE_CATEGORIES) category?: CaseCategory;
  @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  @IsOptional() @Matches(ID_PATTERNS.agent) openedByAgentId?: string;
  /** SHA-256 of the chat transcript that led to this case (chat escalations). */
  @IsOptional() @Matches(/^[0-9a-f]{64}$/) chatTranscriptHash?: string;
}

@Verb({ name: 'case.open', input: OpenCaseInput, summary: 'Open a case for an active customer' })
@Injectable()
export class OpenCaseCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: OpenCaseInput): Promise<CaseView> {
    const dto = await validateInput(OpenCaseInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: OpenCaseInput): Promise<CaseView> {
    return this.apply(w, await validateInput(OpenCaseInput, input));
  }

  private async apply(w: WriteScope, dto: OpenCaseInput): Promise<CaseView> {
    const customer = await lockCustomer(w, dto.customerId);
    assertCustomerCanOpenCase(customer);
    if (dto.openedByAgentId) await findAgent(w, dto.openedByAgentId);
    const kase = w.tx.create(CaseEntity, {
      id: randomId('CASE'),
      customerId: customer.id,
      subject: dto.subject.trim(),
      description: dto.description?.trim() || null,
      state: 'open',
      priority: dto.priority ?? 'normal',
      category: dto.category ?? 'general',
      resolutionCode: null,
      openedByAgentId: dto.openedByAgentId ?? null,
      openedAt: w.now,
      resolvedAt: null,
      closedAt: null,
      chatTranscriptHash: dto.chatTranscriptHash ?? null,
      updatedAt: w.now,
      tenantId: w.auth.tenant,
    });
    await w.tx.insert(CaseEntity, kase);
    await w.emit({
      eventType: 'case.opened',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: { caseId: kase.id, customerId: kase.customerId, subject: kase.subject, category: kase.category, priority: kase.priority },
    });
    await this.interactions.record(w, {
      customerId: customer.id,
      summary: `Case opened: ${kase.subject}`,
      agentId: kase.openedByAgentId,
      relatedCaseId: kase.id,
    });
    return toCaseView(kase);
  }
}
