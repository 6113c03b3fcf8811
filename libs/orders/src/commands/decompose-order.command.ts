import { Injectable } from '@nestjs/common';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { ReserveLineResourcesCommand } from '@bss/inventory';
import { firstDelivery, PolicyViolation, sequenceId, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { ORDER_RULES } from '#orders/orders.errors';
import { ORDER_FAILURE_REASONS } from '#orders/domain/order.state';
import { priceSnapshotOf } from '#orders/domain/order.views';
import { ProvisioningTaskEntity, type TaskPayload } from '#orders/domain/provisioning-task.entity';
import { ACTIVATION_TASKS, DEFAULT_MAX_ATTEMPTS, SERVICE_SPECS } from '#orders/domain/provisioning.types';
import { ServiceEntity, ServiceOrderEntity, ServiceOrderItemEntity, type CfsCharacteristics, type ServiceType } from '#orders/domain/service-order.entity';
import { SERVICE_ORDER_TRANSITIONS } from '#orders/domain/service-order.state';
import { SERVICE_TRANSITIONS } from '#orders/domain/service.state';
import { ORDER_QUEUES, OrderJob, ProvisionTaskJob } from './order-jobs';
import { itemOf, lockOrder, transitionOrder } from './order-steps';

export type DecomposeOutcome = 'decomposed' | 'skipped' | 'failed';

/**
 * SOM (job `orders.decompose`, one transaction): PLAN → one service order → CFS
 * MobileBroadband → RFS data + voice bearers, the line's MSISDN and eSIM reserved, and four
 * provisioning tasks, each enqueued as its own job. A redelivered job is a no-op; an order that
 * is no longer in progress (cancelled meanwhile) is left alone. When no number or profile can be
 * held (the preferred MSISDN is taken, the pool is empty) the order fails at once with
 * `line_resources_unavailable` instead of retrying into the dead-letter queue.
 */
@Verb({
  name: 'order.decompose',
  input: OrderJob,
  summary: 'SOM: decompose an order into a service order, services, line resources and provisioning tasks',
  cliExempt: 'job handler of orders.decompose, enqueued by order submission',
})
@Injectable()
export class DecomposeOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reserveLine: ReserveLineResourcesCommand,
    private readonly interactions: InteractionLog,
  ) {}

  async handle(job: OrderJob): Promise<DecomposeOutcome> {
    return this.uow.run((w) => this.decompose(w, job));
  }

  private async decompose(w: WriteScope, job: OrderJob): Promise<DecomposeOutcome> {
    if (!(await firstDelivery(w.tx, ORDER_QUEUES.decompose, `decompose:${job.orderId}`))) return 'skipped';
    const order = await lockOrder(w, job.orderId);
    if (order.state !== 'in_progress') return 'skipped';
    if (await w.tx.exists(ServiceOrderEntity, { where: { commercialOrderId: order.id } })) return 'skipped';
    const item = await itemOf(w, order.id);

    // Reservation is the first write: when it refuses, nothing else has been written yet and the
    // order can fail in this same transaction.
    let resources;
    try {
      resources = await this.reserveLine.executeIn(w, order.msisdnPreference ? { msisdnPreference: order.msisdnPreference } : {});
    } catch (error) {
      if (!(error instanceof PolicyViolation)) throw error;
      await transitionOrder(w, order, item, 'fail', {
        reason: ORDER_FAILURE_REASONS.lineResourcesUnavailable,
        payload: { rule: error.rule, detail: error.message },
        interactions: this.interactions,
      });
      return 'failed';
    }

    const so = w.tx.create(ServiceOrderEntity, {
      id: await sequenceId(w.tx, 'orders.service_order_seq', 'SO'),
      commercialOrderId: order.id,
      state: 'acknowledged',
      failureReason: null,
      createdAt: w.now,
      completedAt: null,
      updatedAt: w.now,
      tenantId: order.tenantId,
    });
    await w.tx.insert(ServiceOrderEntity, so);

    const characteristics: CfsCharacteristics = {
      msisdn: resources.msisdn,
      iccid: resources.iccid,
      imsi: resources.imsi,
      activationCode: resources.activationCode,
      commercialOrderId: order.id,
      customerId: order.customerId,
      offeringId: item.offeringId,
      paymentMethodId: order.paymentMethodId ?? '',
      priceSnapshot: priceSnapshotOf(item),
    };
    const cfs = await this.createService(w, so, 'CFS', SERVICE_SPECS.cfsMobileBroadband, null, { ...characteristics });
    const rfsBySpec = new Map<string, ServiceEntity>();
    for (const spec of [SERVICE_SPECS.rfsDataBearer, SERVICE_SPECS.rfsVoiceBearer]) {
      rfsBySpec.set(spec.id, await this.createService(w, so, 'RFS', spec, cfs.id, { msisdn: resources.msisdn }));
    }
    await w.tx.insert(ServiceOrderItemEntity, {
      id: await sequenceId(w.tx, 'orders.service_order_item_seq', 'SOI'),
      serviceOrderId: so.id,
      action: 'add',
      serviceId: cfs.id,
      tenantId: order.tenantId,
    });

    so.state = assertTransition(SERVICE_ORDER_TRANSITIONS, so.state, 'start', ORDER_RULES.serviceOrderTransition, { type: 'service_order', id: so.id });
    await w.tx.save(so);
    await w.emit({
      eventType: 'service_order.started',
      aggregateType: 'service_order',
      aggregateId: so.id,
      payload: { serviceOrderId: so.id, commercialOrderId: order.id, cfsServiceId: cfs.id, rfsServiceIds: [...rfsBySpec.values()].map((r) => r.id), msisdn: resources.msisdn, iccid: resources.iccid },
    });

    const payload: TaskPayload = {
      msisdn: resources.msisdn,
      iccid: resources.iccid,
      imsi: resources.imsi,
      activationCode: resources.activationCode,
      customerId: order.customerId,
      offeringId: item.offeringId,
    };
    for (const { taskType, rfsSpecId } of ACTIVATION_TASKS) {
      const rfs = rfsBySpec.get(rfsSpecId);
      if (!rfs) throw new Error(`no RFS for ${rfsSpecId}`);
      const task = w.tx.create(ProvisioningTaskEntity, {
        id: await sequenceId(w.tx, 'orders.provisioning_task_seq', 'PTK'),
        serviceId: rfs.id,
        serviceOrderId: so.id,
        commercialOrderId: order.id,
        taskType,
        state: 'pending',
        attempts: 0,
        maxAttempts: DEFAULT_MAX_ATTEMPTS,
        run: 1,
        payload,
        lastError: null,
        createdAt: w.now,
        startedAt: null,
        completedAt: null,
        updatedAt: w.now,
        tenantId: order.tenantId,
      });
      await w.tx.insert(ProvisioningTaskEntity, task);
      await w.emit({
        eventType: 'provisioning.task.created',
        aggregateType: 'provisioning_task',
        aggregateId: task.id,
        payload: { taskId: task.id, serviceId: rfs.id, serviceOrderId: so.id, commercialOrderId: order.id, taskType, payload },
      });
      const next: ProvisionTaskJob = { orderId: order.id, traceId: job.traceId, taskId: task.id, run: 1, attempt: 1 };
      await w.enqueue(ORDER_QUEUES.provisionTask, next);
    }
    return 'decomposed';
  }

  private async createService(
    w: WriteScope,
    so: ServiceOrderEntity,
    serviceType: ServiceType,
    spec: { id: string; name: string },
    parentServiceId: string | null,
    characteristics: Record<string, unknown>,
  ): Promise<ServiceEntity> {
    const service = w.tx.create(ServiceEntity, {
      id: await sequenceId(w.tx, 'orders.service_seq', 'SVC'),
      serviceOrderId: so.id,
      parentServiceId,
      serviceType,
      specId: spec.id,
      name: spec.name,
      state: 'designed',
      characteristics,
      subscriptionId: null,
      createdAt: w.now,
      activatedAt: null,
      updatedAt: w.now,
      tenantId: so.tenantId,
    });
    // Designed, then reserved once its resources are held (they are: reservation came first).
    service.state = assertTransition(SERVICE_TRANSITIONS, service.state, 'reserve', ORDER_RULES.serviceTransition, { type: 'service', id: service.id });
    await w.tx.save(ServiceEntity, service);
    return service;
  }
}
