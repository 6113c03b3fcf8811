import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { ReleaseLineResourcesCommand } from '@bss/inventory';
import { envNumber, firstDelivery, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { ORDER_RULES } from '#orders/orders.errors';
import { decideAttempt, type AttemptOutcome } from '#orders/domain/fault-injection';
import { ORDER_FAILURE_REASONS } from '#orders/domain/order.state';
import { priceSnapshotOf } from '#orders/domain/order.views';
import { FaultRuleEntity, ProvisioningTaskEntity } from '#orders/domain/provisioning-task.entity';
import { TASK_TRANSITIONS, type TaskTrigger } from '#orders/domain/provisioning-task.state';
import { retryBackoffSeconds, TASK_DURATION_SECONDS } from '#orders/domain/provisioning.types';
import { ServiceOrderEntity } from '#orders/domain/service-order.entity';
import type { ProductOrderEntity } from '#orders/domain/product-order.entity';
import { assertAttemptBudget } from '#orders/policies/provisioning.policies';
import { ORDER_QUEUES, OrderJob, ProvisionTaskJob } from './order-jobs';
import { itemOf, lockOrder, transitionOrder } from './order-steps';
import { ProvisioningRandom } from './provisioning-random';
import { lockServiceOrder, moveServiceOrder, moveServices, releaseLineOf, servicesOf } from './som-steps';

/** Multiplies every simulated duration and retry backoff; 0 = no delay (tests, benchmarks). */
export const PROVISIONING_DELAY_SCALE_ENV = 'BSS_PROVISIONING_DELAY_SCALE';

export type AttemptResult = 'skipped' | 'stuck' | 'completed' | 'retrying' | 'failed';

type Begun = { kind: 'skip' } | { kind: 'stuck' } | { kind: 'run'; outcome: Exclude<AttemptOutcome, { kind: 'stuck' }>; taskType: keyof typeof TASK_DURATION_SECONDS };
/** How an attempt ended, as `finish` records it. */
type Ended = { kind: 'succeed' } | { kind: 'fail'; error: string };

/** Why an attempt whose job was given up on counts as failed. */
export const ATTEMPT_ABANDONED_ERROR = 'attempt abandoned: its job ran out of deliveries (the worker running it kept dying or erroring)';

/**
 * The provisioning simulator: one attempt of one task per job (`orders.provision_task`).
 *
 * 1. Start (own transaction): fault rules are rolled; `stuck` parks the task for an operator,
 *    otherwise the task is `running` with the attempt counted.
 * 2. The simulated network work: duration × BSS_PROVISIONING_DELAY_SCALE (× U(2,5) when slow),
 *    outside any transaction.
 * 3. Finish (own transaction, deduplicated per run and attempt): completed; or the attempt
 *    failed and the next one is enqueued with backoff; or, out of attempts, the task fails for
 *    good, which fails the service order and the order and releases the line's resources. The
 *    last of the four tasks to complete activates the services, completes the service order and
 *    enqueues the activation.
 *
 * A worker killed between 1 and 3 leaves the task `running`; the redelivered job takes the same
 * attempt over. A job from an earlier run (before an operator resolve/retry) is ignored. A job
 * that runs out of deliveries (its workers kept dying) lands in `orders.provision_task.dead`,
 * whose handler (`abandon`) counts the attempt as failed, so no task stays `running` for nobody.
 */
@Verb({
  name: 'prov.run_attempt',
  input: ProvisionTaskJob,
  summary: 'Run one attempt of one provisioning task on the simulator',
  cliExempt: 'job handler of orders.provision_task',
})
@Injectable()
export class RunProvisioningAttemptCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly release: ReleaseLineResourcesCommand,
    private readonly random: ProvisioningRandom,
    private readonly interactions: InteractionLog,
  ) {}

  async handle(job: ProvisionTaskJob): Promise<AttemptResult> {
    const begun = await this.uow.run((w) => this.begin(w, job));
    if (begun.kind === 'skip') return 'skipped';
    if (begun.kind === 'stuck') return 'stuck';
    const scale = Math.max(0, envNumber(PROVISIONING_DELAY_SCALE_ENV, 1));
    const slowFactor = begun.outcome.kind === 'succeed' ? begun.outcome.slowFactor : 1;
    const ms = TASK_DURATION_SECONDS[begun.taskType] * 1000 * scale * slowFactor;
    if (ms > 0) await sleep(ms);
    return this.uow.run((w) => this.finish(w, job, begun.outcome, scale));
  }

  /**
   * The attempt's job was given up on: the attempt fails like any other — the task retries with
   * its next attempt, or, out of attempts, fails, and the order with it (visibly, before anything
   * was charged: the charge comes at activation). A no-op when the attempt did finish.
   */
  async abandon(job: ProvisionTaskJob): Promise<AttemptResult> {
    const scale = Math.max(0, envNumber(PROVISIONING_DELAY_SCALE_ENV, 1));
    return this.uow.run((w) => this.finish(w, job, { kind: 'fail', error: ATTEMPT_ABANDONED_ERROR }, scale));
  }

  private async begin(w: WriteScope, job: ProvisionTaskJob): Promise<Begun> {
    const task = await w.tx.findOne(ProvisioningTaskEntity, { where: { id: job.taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task || task.run !== job.run) return { kind: 'skip' };
    const fresh = task.state === 'pending' && task.attempts === job.attempt - 1;
    const resumed = task.state === 'running' && task.attempts === job.attempt;
    if (!fresh && !resumed) return { kind: 'skip' };
    const so = await w.tx.findOne(ServiceOrderEntity, { where: { id: task.serviceOrderId } });
    if (!so || so.state !== 'in_progress') return { kind: 'skip' };
    if (fresh) assertAttemptBudget(task);

    const faults = await w.tx.find(FaultRuleEntity, { where: { taskType: task.taskType, enabled: true, tenantId: task.tenantId } });
    const outcome = decideAttempt({
      attempt: job.attempt,
      fresh,
      faults: faults.map((f) => ({ faultType: f.faultType, probability: Number(f.probability) })),
      random: () => this.random.next(),
    });
    if (outcome.kind === 'stuck') {
      this.move(w, task, 'stick');
      task.lastError = 'fault injected: stuck; waiting for an operator (bss prov resolve)';
      await w.tx.save(task);
      await this.emitTask(w, task, 'provisioning.task.stuck', { startedAt: w.now });
      return { kind: 'stuck' };
    }
    if (fresh) {
      this.move(w, task, 'start');
      task.attempts = job.attempt;
      if (job.attempt === 1) task.startedAt = w.now;
      await w.tx.save(task);
      await this.emitTask(w, task, 'provisioning.task.started', { attempt: job.attempt, startedAt: w.now });
    } else {
      await this.emitTask(w, task, 'provisioning.task.attempt_resumed', { attempt: job.attempt });
    }
    return { kind: 'run', outcome, taskType: task.taskType };
  }

  private async finish(w: WriteScope, job: ProvisionTaskJob, outcome: Ended, scale: number): Promise<AttemptResult> {
    if (!(await firstDelivery(w.tx, ORDER_QUEUES.provisionTask, `${job.taskId}:r${job.run}:a${job.attempt}`))) return 'skipped';
    const order = await lockOrder(w, job.orderId);
    const peek = await w.tx.findOne(ProvisioningTaskEntity, { where: { id: job.taskId } });
    if (!peek) return 'skipped';
    const so = await lockServiceOrder(w, peek.serviceOrderId);
    const task = await w.tx.findOne(ProvisioningTaskEntity, { where: { id: job.taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task || task.run !== job.run || task.state !== 'running' || task.attempts !== job.attempt) return 'skipped';
    const drivesSom = so.state === 'in_progress' && order.state === 'in_progress';

    if (outcome.kind === 'succeed') {
      this.move(w, task, 'complete');
      task.completedAt = w.now;
      await w.tx.save(task);
      await this.emitTask(w, task, 'provisioning.task.completed', { completedAt: w.now });
      if (drivesSom) await this.completeIfAllDone(w, order, so, job);
      return 'completed';
    }

    task.lastError = outcome.error;
    if (task.attempts < task.maxAttempts) {
      this.move(w, task, 'attempt_failed');
      await w.tx.save(task);
      const delay = retryBackoffSeconds(task.attempts) * scale;
      await this.emitTask(w, task, 'provisioning.task.attempt_failed', { attempt: task.attempts, lastError: outcome.error, permanent: false, retryInSeconds: delay });
      const next: ProvisionTaskJob = { ...job, attempt: task.attempts + 1 };
      await w.enqueue(ORDER_QUEUES.provisionTask, next, delay > 0 ? { startAfterSeconds: Math.ceil(delay) } : {});
      return 'retrying';
    }
    this.move(w, task, 'fail');
    task.completedAt = w.now;
    await w.tx.save(task);
    await this.emitTask(w, task, 'provisioning.task.failed', { lastError: outcome.error, permanent: true });
    if (drivesSom) await this.failServiceOrder(w, order, so, task);
    return 'failed';
  }

  /** The last task in: services activated, service order completed, activation enqueued. */
  private async completeIfAllDone(w: WriteScope, order: ProductOrderEntity, so: ServiceOrderEntity, job: OrderJob): Promise<void> {
    const tasks = await w.tx.find(ProvisioningTaskEntity, { where: { serviceOrderId: so.id } });
    if (tasks.some((t) => t.state !== 'completed')) return;
    const { cfs, all } = await servicesOf(w, so.id);
    await moveServices(w, all, 'activate');
    moveServiceOrder(w, so, 'complete');
    so.completedAt = w.now;
    await w.tx.save(so);
    const item = await itemOf(w, order.id);
    await w.emit({
      eventType: 'service_order.completed',
      aggregateType: 'service_order',
      aggregateId: so.id,
      payload: {
        serviceOrderId: so.id,
        commercialOrderId: order.id,
        customerId: order.customerId,
        offeringId: item.offeringId,
        msisdn: cfs.characteristics.msisdn,
        iccid: cfs.characteristics.iccid,
        paymentMethodId: order.paymentMethodId,
        cfsServiceId: cfs.id,
        priceSnapshot: priceSnapshotOf(item),
      },
    });
    const next: OrderJob = { orderId: order.id, traceId: job.traceId };
    await w.enqueue(ORDER_QUEUES.activate, next);
  }

  /** A task out of attempts: services and service order fail, the line is released, the order fails. */
  private async failServiceOrder(w: WriteScope, order: ProductOrderEntity, so: ServiceOrderEntity, task: ProvisioningTaskEntity): Promise<void> {
    const reason = `provisioning task ${task.taskType} failed permanently`;
    const { cfs, all } = await servicesOf(w, so.id);
    await moveServices(w, all, 'fail');
    moveServiceOrder(w, so, 'fail');
    so.failureReason = reason;
    so.completedAt = w.now;
    await w.tx.save(so);
    const released = await releaseLineOf(w, this.release, cfs);
    await w.emit({
      eventType: 'service_order.failed',
      aggregateType: 'service_order',
      aggregateId: so.id,
      payload: { serviceOrderId: so.id, commercialOrderId: order.id, reason, failedTaskId: task.id, released },
    });
    await transitionOrder(w, order, await itemOf(w, order.id), 'fail', {
      reason: ORDER_FAILURE_REASONS.provisioningFailed,
      payload: { detail: reason, serviceOrderId: so.id, failedTaskId: task.id },
      interactions: this.interactions,
    });
  }

  private move(w: WriteScope, task: ProvisioningTaskEntity, trigger: TaskTrigger): void {
    task.state = assertTransition(TASK_TRANSITIONS, task.state, trigger, ORDER_RULES.taskTransition, { type: 'provisioning_task', id: task.id });
    task.updatedAt = w.now;
  }

  private async emitTask(w: WriteScope, task: ProvisioningTaskEntity, eventType: string, extra: Record<string, unknown>): Promise<void> {
    await w.emit({
      eventType,
      aggregateType: 'provisioning_task',
      aggregateId: task.id,
      payload: {
        taskId: task.id,
        serviceId: task.serviceId,
        serviceOrderId: task.serviceOrderId,
        commercialOrderId: task.commercialOrderId,
        taskType: task.taskType,
        attempts: task.attempts,
        maxAttempts: task.maxAttempts,
        run: task.run,
        ...extra,
      },
    });
  }
}
