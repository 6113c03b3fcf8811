import { Args, Flags } from '@oclif/core';
import { CloseCaseCommand, type CaseView } from '@bss/crm';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class CaseClose extends BssCommand<CaseView> {
  static override summary = 'Close a case with a resolution code (resolving it first when it is open or in progress)';
  static override examples = ['<%= config.bin %> case close CASE-3f9a0c12 --resolution fixed --yes'];
  static override args = { id: Args.string({ required: true, description: 'Case id (CASE-…)' }) };
  static override flags = {
    resolution: Flags.string({ description: 'Resolution code, e.g. fixed, duplicate, no_fault_found' }),
    agent: Flags.string({ description: 'Agent closing it (AGT-…)' }),
    yes: yesFlag,
  };

  protected async execute(): Promise<CaseView> {
    const { args, flags } = await this.parse(CaseClose);
    this.requireYes(flags.yes, 'case close');
    return (await this.service(CloseCaseCommand)).execute({ caseId: args.id, resolutionCode: flags.resolution, agentId: flags.agent });
  }

  protected render(kase: CaseView): string {
    return `Closed ${kase.id} [${kase.state}]`;
  }
}
