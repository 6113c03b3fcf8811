import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { ReserveLineResourcesCommand } from '@bss/inventory';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { ORDER_RULES } from '#orders/orders.errors';
import { TASK_ID_PATTERN } from '#orders/domain/order.ids';
import { ProvisioningTaskEntity, type TaskPayload } from '#orders/domain/provisioning-task.entity';
import { TASK_TRANSITIONS } from '#orders/domain/provisioning-task.state';
import { toTaskView, type TaskView } from '#orders/domain/order.views';
import type { ProductOrderEntity } from '#orders/domain/product-order.entity';
import type { ServiceOrderEntity } from '#orders/domain/service-order.entity';
import { ORDER_QUEUES, type ProvisionTaskJob } from './order-jobs';
import { itemOf, lockOrder, transitionOrder } from './order-steps';
import { lockServiceOrder, moveServiceOrder, moveServices, servicesOf } from './som-steps';

export class RetryFailedTaskInput {
  @IsString() @Matches(TASK_ID_PATTERN, { message: 'taskId must look like PTK-0001' }) taskId!: string;
}

/**
 * Operator verb for a task that failed for good. Unlike the reference (which demanded attempts
 * left, so it could never succeed), the retry grants a fresh attempt budget and re-runs the same
 * row. Its permanent failure had failed the service order and the order and released the line
 * (nothing was charged yet), so the retry re-opens them: the line is reserved again (the same
 * MSISDN, or the retry is refused with `msisdn.reserve.no_available`), the services return to
 * reserved, and every task that is not completed runs again — all of them when the eSIM
 * profile changed, since the completed ones prepared the old one.
 */
@Verb({
  name: 'prov.retry',
  input: RetryFailedTaskInput,
  summary: 'Retry a failed task with a fresh attempt budget (re-opens the order it failed)',
})
@Injectable()
export class RetryFailedTaskCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reserveLine: ReserveLineResourcesCommand,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: RetryFailedTaskInput): Promise<TaskView> {
    const dto = await validateInput(RetryFailedTaskInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: RetryFailedTaskInput): Promise<TaskView> {
    const peek = await w.tx.findOne(ProvisioningTaskEntity, { where: { id: dto.taskId } });
    if (!peek) throw new NotFound('provisioning_task', dto.taskId);
    const order = await lockOrder(w, peek.commercialOrderId);
    const so = await lockServiceOrder(w, peek.serviceOrderId);
    const tasks = await w.tx.find(ProvisioningTaskEntity, { where: { serviceOrderId: so.id }, lock: { mode: 'pessimistic_write' }, order: { id: 'ASC' } });
    const task = tasks.find((t) => t.id === dto.taskId);
    if (!task) throw new NotFound('provisioning_task', dto.taskId);
    // Checked up front with its own rule; the state moves below with the others.
    assertTransition(TASK_TRANSITIONS, task.state, 'retry', ORDER_RULES.taskRetryRequiresFailed, { type: 'provisioning_task', id: task.id });

    const rerun = new Set<ProvisioningTaskEntity>([task]);
    if (so.state === 'failed') {
      const changed = await this.reopen(w, order, so, tasks);
      for (const t of tasks) if (t.state === 'pending' || t.state === 'failed' || (changed && t.state === 'completed')) rerun.add(t);
    }
    for (const t of rerun) {
      // A pending task of a failed service order was skipped by its job; it only needs a new run.
      if (t.state !== 'pending') {
        const trigger = t.state === 'completed' ? 'reprovision' : 'retry';
        t.state = assertTransition(TASK_TRANSITIONS, t.state, trigger, ORDER_RULES.taskTransition, { type: 'provisioning_task', id: t.id });
      }
      t.attempts = 0;
      t.run += 1;
      t.completedAt = null;
      t.lastError = t === task ? `Retried by operator (previous error: ${task.lastError ?? 'none'})` : t.lastError;
      t.updatedAt = w.now;
      await w.tx.save(t);
      const job: ProvisionTaskJob = { orderId: order.id, traceId: order.traceId, taskId: t.id, run: t.run, attempt: 1 };
      await w.enqueue(ORDER_QUEUES.provisionTask, job);
    }
    await w.emit({
      eventType: 'provisioning.task.retried',
      aggregateType: 'provisioning_task',
      aggregateId: task.id,
      payload: {
        taskId: task.id,
        taskType: task.taskType,
        serviceOrderId: so.id,
        commercialOrderId: order.id,
        run: task.run,
        rerunTaskIds: [...rerun].map((t) => t.id),
      },
    });
    return toTaskView(task);
  }

  /** Re-opens order, service order and services and holds the line again; true when the resources changed. */
  private async reopen(w: WriteScope, order: ProductOrderEntity, so: ServiceOrderEntity, tasks: ProvisioningTaskEntity[]): Promise<boolean> {
    const item = await itemOf(w, order.id);
    await transitionOrder(w, order, item, 'reopen', { payload: { serviceOrderId: so.id }, interactions: this.interactions });
    const { cfs, all } = await servicesOf(w, so.id);
    const previous = { msisdn: String(cfs.characteristics.msisdn ?? ''), iccid: String(cfs.characteristics.iccid ?? '') };
    const line = await this.reserveLine.executeIn(w, previous.msisdn ? { msisdnPreference: previous.msisdn } : {});
    const resources = { msisdn: line.msisdn, iccid: line.iccid, imsi: line.imsi, activationCode: line.activationCode };
    for (const service of all) {
      service.characteristics = service.serviceType === 'CFS' ? { ...service.characteristics, ...resources } : { ...service.characteristics, msisdn: line.msisdn };
    }
    await moveServices(w, all, 'reopen');
    for (const service of all) await w.tx.save(service);
    moveServiceOrder(w, so, 'reopen');
    so.failureReason = null;
    so.completedAt = null;
    await w.tx.save(so);
    for (const t of tasks) {
      const payload: TaskPayload = { ...t.payload, ...resources };
      t.payload = payload;
      await w.tx.save(t);
    }
    await w.emit({
      eventType: 'service_order.reopened',
      aggregateType: 'service_order',
      aggregateId: so.id,
      payload: { serviceOrderId: so.id, commercialOrderId: order.id, msisdn: line.msisdn, iccid: line.iccid },
    });
    return line.iccid !== previous.iccid || line.msisdn !== previous.msisdn;
  }
}
