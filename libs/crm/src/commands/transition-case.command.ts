import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import type { CaseTrigger } from '#crm/domain/case.state';
import { toCaseView, type CaseView } from '#crm/domain/case.view';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { moveCase } from './case-moves';
import { findAgent, lockCase } from './crm-loaders';
import { InteractionLog } from './interaction-log';

/** `close` needs a resolution code and goes through CloseCaseCommand. */
export const CASE_TRANSITION_TRIGGERS = ['take', 'await_customer', 'resume', 'resolve', 'cancel'] as const satisfies readonly CaseTrigger[];
export type CaseTransitionTrigger = (typeof CASE_TRANSITION_TRIGGERS)[number];

export class TransitionCaseInput {
  @Matches(ID_PATTERNS.case) caseId!: string;
  @IsIn(CASE_TRANSITION_TRIGGERS) trigger!: CaseTransitionTrigger;
  /** The agent doing it, recorded on the interaction. */
  @IsOptional() @Matches(ID_PATTERNS.agent) agentId?: string;
}

@Verb({
  name: 'case.transition',
  input: TransitionCaseInput,
  summary: 'Move a case: take, await_customer, resume, resolve, or cancel (cancel needs --yes)',
})
@Injectable()
export class TransitionCaseCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: TransitionCaseInput): Promise<CaseView> {
    const dto = await validateInput(TransitionCaseInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: TransitionCaseInput): Promise<CaseView> {
    return this.apply(w, await validateInput(TransitionCaseInput, input));
  }

  private async apply(w: WriteScope, dto: TransitionCaseInput): Promise<CaseView> {
    const kase = await lockCase(w, dto.caseId);
    if (dto.agentId) await findAgent(w, dto.agentId);
    return toCaseView(await moveCase(w, this.interactions, kase, dto.trigger, { agentId: dto.agentId }));
  }
}
