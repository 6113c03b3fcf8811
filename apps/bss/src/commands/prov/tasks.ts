import { Flags } from '@oclif/core';
import { ProvisioningQueries, TASK_STATES, type TaskView } from '@bss/orders';
import { renderProvTasks } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class ProvTasks extends BssCommand<TaskView[]> {
  static override summary = 'List provisioning tasks, newest first';
  static override examples = ['<%= config.bin %> prov tasks --state stuck', '<%= config.bin %> prov tasks --service SVC-0001 --json'];
  static override flags = {
    state: Flags.string({ description: 'Task state', options: [...TASK_STATES] }),
    service: Flags.string({ description: 'Service id: an RFS, or a CFS for all of its RFS' }),
    order: Flags.string({ description: 'Order id' }),
    limit: limitFlag,
  };

  protected async execute(): Promise<TaskView[]> {
    const { flags } = await this.parse(ProvTasks);
    const state = TASK_STATES.find((s) => s === flags.state);
    return (await this.service(ProvisioningQueries)).listTasks({ state, serviceId: flags.service, commercialOrderId: flags.order, limit: flags.limit });
  }

  protected render(tasks: TaskView[]): string {
    return renderProvTasks(tasks);
  }
}
