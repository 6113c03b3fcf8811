import { Args, Flags } from '@oclif/core';
import { NoteCaseCommand, type CaseNoteView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';

export default class CaseNote extends BssCommand<CaseNoteView> {
  static override summary = 'Add a note to an open case';
  static override examples = ['<%= config.bin %> case note CASE-3f9a0c12 --body "Called back, waiting for logs" --agent AGT-001'];
  static override args = { id: Args.string({ required: true, description: 'Case id (CASE-…)' }) };
  static override flags = {
    body: Flags.string({ description: 'The note', required: true }),
    agent: Flags.string({ description: 'Author (AGT-…)' }),
  };

  protected async execute(): Promise<CaseNoteView> {
    const { args, flags } = await this.parse(CaseNote);
    return (await this.service(NoteCaseCommand)).execute({ caseId: args.id, body: flags.body, authorAgentId: flags.agent });
  }

  protected render(note: CaseNoteView): string {
    return `Noted ${note.id} on ${note.caseId}`;
  }
}
