import { Args, Flags } from '@oclif/core';
import { ResolveStuckTaskCommand, type TaskView } from '@bss/orders';
import { BssCommand } from '#bss/base/bss-command';

export default class ProvResolve extends BssCommand<TaskView> {
  static override summary = 'Resolve a stuck task: it runs again (same task row) with a fresh attempt budget';
  static override examples = ['<%= config.bin %> prov resolve PTK-0001 --note "HLR front-end restarted"'];
  static override args = { taskId: Args.string({ required: true, description: 'Task id, e.g. PTK-0001' }) };
  static override flags = { note: Flags.string({ char: 'n', required: true, description: 'What the operator did (required, non-blank)' }) };

  protected async execute(): Promise<TaskView> {
    const { args, flags } = await this.parse(ProvResolve);
    return (await this.service(ResolveStuckTaskCommand)).execute({ taskId: args.taskId, note: flags.note });
  }

  protected render(t: TaskView): string {
    return `✓ Task ${t.id} (${t.taskType}) resolved: ${t.state}, queued to run again`;
  }
}
