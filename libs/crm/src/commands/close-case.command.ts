import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CASE_TRANSITIONS } from '#crm/domain/case.state';
import { toCaseView, type CaseView } from '#crm/domain/case.view';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { assertResolutionCode } from '#crm/policies/case.policies';
import { moveCase } from './case-moves';
import { findAgent, lockCase } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class CloseCaseInput {
  @Matches(ID_PATTERNS.case) caseId!: string;
  /** Required by rule case.close.requires_resolution_code (kept optional here so the rule speaks). */
  @IsOptional() @IsString() @MaxLength(100) resolutionCode?: string;
  @IsOptional() @Matches(ID_PATTERNS.agent) agentId?: string;
}

/** Closes a case, resolving it first when that is legal (open / in_progress). */
@Verb({
  name: 'case.close',
  input: CloseCaseInput,
  summary: 'Close a case with a resolution code (resolving it first when it is open or in progress)',
  destructive: true,
})
@Injectable()
export class CloseCaseCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: CloseCaseInput): Promise<CaseView> {
    const dto = await validateInput(CloseCaseInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: CloseCaseInput): Promise<CaseView> {
    return this.apply(w, await validateInput(CloseCaseInput, input));
  }

  private async apply(w: WriteScope, dto: CloseCaseInput): Promise<CaseView> {
    const kase = await lockCase(w, dto.caseId);
    const resolutionCode = assertResolutionCode(kase, dto.resolutionCode);
    if (dto.agentId) await findAgent(w, dto.agentId);
    if (CASE_TRANSITIONS.resolve.from.includes(kase.state)) {
      await moveCase(w, this.interactions, kase, 'resolve', { agentId: dto.agentId });
    }
    return toCaseView(await moveCase(w, this.interactions, kase, 'close', { resolutionCode, agentId: dto.agentId }));
  }
}
