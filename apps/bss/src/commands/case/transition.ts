import { Args, Flags } from '@oclif/core';
import { CASE_TRANSITION_TRIGGERS, TransitionCaseCommand, type CaseTransitionTrigger, type CaseView } from '@bss/crm';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class CaseTransition extends BssCommand<CaseView> {
  static override summary = 'Move a case: take, await_customer, resume, resolve, or cancel (cancel needs --yes)';
  static override examples = ['<%= config.bin %> case transition CASE-3f9a0c12 --trigger take --agent AGT-001'];
  static override args = { id: Args.string({ required: true, description: 'Case id (CASE-…)' }) };
  static override flags = {
    trigger: Flags.string({ description: 'What happens to the case', options: [...CASE_TRANSITION_TRIGGERS], required: true }),
    agent: Flags.string({ description: 'Agent doing it (AGT-…)' }),
    yes: yesFlag,
  };

  protected async execute(): Promise<CaseView> {
    const { args, flags } = await this.parse(CaseTransition);
    // Cancelling closes the case for good and cancels its open tickets.
    if (flags.trigger === 'cancel') this.requireYes(flags.yes, 'case transition --trigger cancel');
    return (await this.service(TransitionCaseCommand)).execute({ caseId: args.id, trigger: flags.trigger as CaseTransitionTrigger, agentId: flags.agent });
  }

  protected render(kase: CaseView): string {
    return `${kase.id} → ${kase.state}`;
  }
}
