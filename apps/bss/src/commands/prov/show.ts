import { Args } from '@oclif/core';
import { ProvisioningQueries, type TaskView } from '@bss/orders';
import { formatMsisdn, formatSecond, renderFieldTable } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class ProvShow extends BssCommand<TaskView> {
  static override summary = 'Show one provisioning task: state, attempts, last error, the order it serves';
  static override examples = ['<%= config.bin %> prov show PTK-0001'];
  static override args = { taskId: Args.string({ required: true, description: 'Task id, e.g. PTK-0001' }) };

  protected async execute(): Promise<TaskView> {
    const { args } = await this.parse(ProvShow);
    return (await this.service(ProvisioningQueries)).getTask(args.taskId);
  }

  protected render(t: TaskView): string {
    return renderTask(t);
  }
}

export function renderTask(t: TaskView): string {
  return renderFieldTable(`Task ${t.id}  ${t.taskType}`, [
    ['state', t.state],
    ['attempts', `${t.attempts}/${t.maxAttempts}${t.run > 1 ? `  (operator run ${t.run})` : ''}`],
    ['last error', t.lastError ?? '—'],
    ['service', t.serviceId],
    ['service order', t.serviceOrderId],
    ['order', t.commercialOrderId],
    ['msisdn', formatMsisdn(t.payload.msisdn)],
    ['iccid', t.payload.iccid],
    ['created', formatSecond(t.createdAt)],
    ['started', formatSecond(t.startedAt)],
    ['completed', formatSecond(t.completedAt)],
  ]);
}
