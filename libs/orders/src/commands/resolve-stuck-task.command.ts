import { Injectable } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { MultiLine, NotFound, validateInput, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { ORDER_RULES } from '#orders/orders.errors';
import { TASK_ID_PATTERN } from '#orders/domain/order.ids';
import { ProvisioningTaskEntity } from '#orders/domain/provisioning-task.entity';
import { TASK_TRANSITIONS } from '#orders/domain/provisioning-task.state';
import { toTaskView, type TaskView } from '#orders/domain/order.views';
import { assertResolveNote } from '#orders/policies/provisioning.policies';
import { ORDER_QUEUES, type ProvisionTaskJob } from './order-jobs';
import { lockOrder } from './order-steps';

export class ResolveStuckTaskInput {
  @IsString() @Matches(TASK_ID_PATTERN, { message: 'taskId must look like PTK-0001' }) taskId!: string;
  /** Blank notes are refused by rule (prov.resolve.requires_note), not by format. */
  @IsString() @MultiLine() @MaxLength(1000) note!: string;
}

/**
 * Operator verb for a stuck task: back to pending with a fresh attempt budget and the note as
 * last error, then the SAME task row runs again (fault rules are rolled again) under a new run
 * number, so it still serves its service order and order.
 */
@Verb({
  name: 'prov.resolve',
  input: ResolveStuckTaskInput,
  summary: 'Resolve a stuck task: it runs again (same task row) with a fresh attempt budget',
})
@Injectable()
export class ResolveStuckTaskCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ResolveStuckTaskInput): Promise<TaskView> {
    const dto = await validateInput(ResolveStuckTaskInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: ResolveStuckTaskInput): Promise<TaskView> {
    const peek = await w.tx.findOne(ProvisioningTaskEntity, { where: { id: dto.taskId } });
    if (!peek) throw new NotFound('provisioning_task', dto.taskId);
    const order = await lockOrder(w, peek.commercialOrderId);
    const task = await w.tx.findOneOrFail(ProvisioningTaskEntity, { where: { id: dto.taskId }, lock: { mode: 'pessimistic_write' } });
    task.state = assertTransition(TASK_TRANSITIONS, task.state, 'resolve', ORDER_RULES.taskResolveRequiresStuck, { type: 'provisioning_task', id: task.id });
    assertResolveNote(dto.note, task.id);
    task.attempts = 0;
    task.run += 1;
    task.lastError = `Resolved by operator: ${dto.note.trim()}`;
    task.updatedAt = w.now;
    await w.tx.save(task);
    await w.emit({
      eventType: 'provisioning.task.resolved',
      aggregateType: 'provisioning_task',
      aggregateId: task.id,
      payload: { taskId: task.id, taskType: task.taskType, serviceOrderId: task.serviceOrderId, commercialOrderId: task.commercialOrderId, note: dto.note.trim(), run: task.run },
    });
    const job: ProvisionTaskJob = { orderId: order.id, traceId: order.traceId, taskId: task.id, run: task.run, attempt: 1 };
    await w.enqueue(ORDER_QUEUES.provisionTask, job);
    return toTaskView(task);
  }
}
