import { Args } from '@oclif/core';
import { RetryFailedTaskCommand, type TaskView } from '@bss/orders';
import { BssCommand } from '#bss/base/bss-command';

export default class ProvRetry extends BssCommand<TaskView> {
  static override summary = 'Retry a failed task with a fresh attempt budget (re-opens the order it failed)';
  static override examples = ['<%= config.bin %> prov retry PTK-0001'];
  static override args = { taskId: Args.string({ required: true, description: 'Task id, e.g. PTK-0001' }) };

  protected async execute(): Promise<TaskView> {
    const { args } = await this.parse(ProvRetry);
    return (await this.service(RetryFailedTaskCommand)).execute({ taskId: args.taskId });
  }

  protected render(t: TaskView): string {
    return `✓ Task ${t.id} (${t.taskType}) retried: ${t.state}, queued to run again`;
  }
}
