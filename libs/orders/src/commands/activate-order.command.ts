import { Injectable } from '@nestjs/common';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { ReleaseLineResourcesCommand } from '@bss/inventory';
import { Database, firstDelivery, PolicyViolation } from '@bss/platform';
import { ActivateSubscriptionCommand } from '@bss/subscription';
import { ORDER_FAILURE_REASONS } from '../domain/order.state';
import { priceSnapshotOf } from '../domain/order.views';
import { OrderItemEntity, ProductOrderEntity } from '../domain/product-order.entity';
import { ServiceEntity, ServiceOrderEntity } from '../domain/service-order.entity';
import { ORDER_QUEUES, type OrderJob } from './order-jobs';
import { itemOf, lockOrder, transitionOrder } from './order-steps';
import { lineOf, moveServices, releaseLineOf, servicesOf } from './som-steps';

export type ActivationResult = 'skipped' | 'completed' | 'payment_declined' | 'refused';

type Verdict =
  | { kind: 'activated'; subscriptionId: string; paymentAttemptId: string | null }
  | { kind: 'payment_declined'; paymentAttemptId: string | null; declineReason: string | null }
  | { kind: 'refused'; rule: string; message: string };

/**
 * COM's last step (job `orders.activate`, after the service order completed): subscription's
 * activation takes the first charge and creates the line; it is idempotent on the order id, so a
 * redelivered job (or a worker killed after the charge) still yields one line and one charge.
 * Then, in one transaction: the services are linked to the subscription and the order completes;
 * or, on a declined charge, the order fails with `activation_payment_declined`, the services are
 * terminated and the MSISDN and eSIM go back to the pool.
 */
@Injectable()
export class ActivateOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly activate: ActivateSubscriptionCommand,
    private readonly release: ReleaseLineResourcesCommand,
    private readonly interactions: InteractionLog,
  ) {}

  async handle(job: OrderJob): Promise<ActivationResult> {
    const order = await this.db.manager.findOne(ProductOrderEntity, { where: { id: job.orderId } });
    if (!order || order.state !== 'in_progress') return 'skipped';
    const so = await this.db.manager.findOne(ServiceOrderEntity, { where: { commercialOrderId: order.id } });
    if (!so || so.state !== 'completed') return 'skipped';
    const item = await this.db.manager.findOneOrFail(OrderItemEntity, { where: { orderId: order.id } });
    const cfs = await this.db.manager.findOneOrFail(ServiceEntity, { where: { serviceOrderId: so.id, serviceType: 'CFS' } });
    const line = lineOf(cfs);

    let verdict: Verdict;
    try {
      const result = await this.activate.execute({
        commercialOrderId: order.id,
        customerId: order.customerId,
        offeringId: item.offeringId,
        msisdn: line.msisdn,
        iccid: line.iccid,
        paymentMethodId: line.paymentMethodId,
        cfsServiceId: cfs.id,
        priceSnapshot: priceSnapshotOf(item),
      });
      verdict =
        result.outcome === 'activated' && result.subscription
          ? { kind: 'activated', subscriptionId: result.subscription.id, paymentAttemptId: result.paymentAttempt?.id ?? null }
          : { kind: 'payment_declined', paymentAttemptId: result.paymentAttempt?.id ?? null, declineReason: result.paymentAttempt?.declineReason ?? null };
    } catch (error) {
      // A rule refusal is final for this order; anything else is retried by the queue.
      if (!(error instanceof PolicyViolation)) throw error;
      verdict = { kind: 'refused', rule: error.rule, message: error.message };
    }
    return this.uow.run((w) => this.conclude(w, job, verdict));
  }

  private async conclude(w: WriteScope, job: OrderJob, verdict: Verdict): Promise<ActivationResult> {
    if (!(await firstDelivery(w.tx, ORDER_QUEUES.activate, `activate:${job.orderId}`))) return 'skipped';
    const order = await lockOrder(w, job.orderId);
    if (order.state !== 'in_progress') return 'skipped';
    const item = await itemOf(w, order.id);
    const so = await w.tx.findOneOrFail(ServiceOrderEntity, { where: { commercialOrderId: order.id } });
    const { cfs, all } = await servicesOf(w, so.id);

    if (verdict.kind === 'activated') {
      for (const service of all) {
        service.subscriptionId = verdict.subscriptionId;
        service.updatedAt = w.now;
        await w.tx.save(service);
      }
      item.targetSubscriptionId = verdict.subscriptionId;
      await transitionOrder(w, order, item, 'complete', {
        payload: { subscriptionId: verdict.subscriptionId, cfsServiceId: cfs.id, paymentAttemptId: verdict.paymentAttemptId },
      });
      return 'completed';
    }

    await moveServices(w, all, 'terminate');
    const released = await releaseLineOf(w, this.release, cfs);
    if (verdict.kind === 'payment_declined') {
      await transitionOrder(w, order, item, 'fail', {
        reason: ORDER_FAILURE_REASONS.activationPaymentDeclined,
        payload: { paymentAttemptId: verdict.paymentAttemptId, declineReason: verdict.declineReason, released },
        interactions: this.interactions,
      });
      return 'payment_declined';
    }
    await transitionOrder(w, order, item, 'fail', {
      reason: ORDER_FAILURE_REASONS.activationRefused,
      payload: { rule: verdict.rule, detail: verdict.message, released },
      interactions: this.interactions,
    });
    return 'refused';
  }
}
