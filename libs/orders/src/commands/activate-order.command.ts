import { Injectable } from '@nestjs/common';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { ReleaseLineResourcesCommand } from '@bss/inventory';
import { Database, firstDelivery, PolicyViolation, Verb } from '@bss/platform';
import { ClaimPromoCommand, RedeemPromoCommand, RevokePromoClaimCommand, type PromoClaim } from '@bss/promos';
import { ActivateSubscriptionCommand } from '@bss/subscription';
import { ORDER_FAILURE_REASONS } from '#orders/domain/order.state';
import { OrderItemEntity, ProductOrderEntity } from '#orders/domain/product-order.entity';
import { ServiceEntity, ServiceOrderEntity, type PriceSnapshot } from '#orders/domain/service-order.entity';
import { ORDER_QUEUES, OrderJob } from './order-jobs';
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
@Verb({
  name: 'order.activate',
  input: OrderJob,
  summary: "COM's last step: activate the line, take the first charge and complete the order",
  cliExempt: 'job handler of orders.activate, run after the service order completed',
})
@Injectable()
export class ActivateOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly activate: ActivateSubscriptionCommand,
    private readonly release: ReleaseLineResourcesCommand,
    private readonly interactions: InteractionLog,
    private readonly claimPromo: ClaimPromoCommand,
    private readonly redeemPromo: RedeemPromoCommand,
    private readonly revokePromo: RevokePromoClaimCommand,
  ) {}

  async handle(job: OrderJob): Promise<ActivationResult> {
    const order = await this.db.manager.findOne(ProductOrderEntity, { where: { id: job.orderId } });
    if (!order || order.state !== 'in_progress') return 'skipped';
    const so = await this.db.manager.findOne(ServiceOrderEntity, { where: { commercialOrderId: order.id } });
    if (!so || so.state !== 'completed') return 'skipped';
    const item = await this.db.manager.findOneOrFail(OrderItemEntity, { where: { orderId: order.id } });
    const cfs = await this.db.manager.findOneOrFail(ServiceEntity, { where: { serviceOrderId: so.id, serviceType: 'CFS' } });
    const line = lineOf(cfs);
    const promo = await this.claim(order, item);

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
        priceSnapshot: promo.snapshot,
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
    return this.uow.run((w) => this.conclude(w, job, verdict, promo.claim));
  }

  /**
   * The promo stamped at creation is claimed only now, after provisioning succeeded (so a failed
   * provisioning never uses a code up). Claimed: the snapshot carries the discount; not applied:
   * the line activates at full price. Idempotent per order, so a retried job claims nothing twice.
   */
  private async claim(order: ProductOrderEntity, item: OrderItemEntity): Promise<{ snapshot: PriceSnapshot; claim: PromoClaim | null }> {
    const snapshot: PriceSnapshot = { priceAmount: item.priceAmount, priceCurrency: item.priceCurrency, priceOfferingPriceId: item.priceOfferingPriceId };
    const { discountCode, promoOfferDefinitionId, discountType, discountValue, discountPeriodsTotal } = item;
    if (!discountCode || !promoOfferDefinitionId || !discountType || discountValue === null || discountPeriodsTotal === null) return { snapshot, claim: null };
    const claim = await this.claimPromo.execute({
      orderId: order.id,
      customerId: order.customerId,
      promoCode: discountCode,
      promoOfferDefinitionId,
      promoOfferId: item.promoOfferId,
      discountType,
      discountValue,
      discountPeriodsTotal,
    });
    return { snapshot: claim.outcome === 'claimed' ? { ...snapshot, ...claim.discount } : snapshot, claim };
  }

  private async conclude(w: WriteScope, job: OrderJob, verdict: Verdict, claim: PromoClaim | null): Promise<ActivationResult> {
    if (!(await firstDelivery(w.tx, ORDER_QUEUES.activate, `activate:${job.orderId}`))) return 'skipped';
    const order = await lockOrder(w, job.orderId);
    if (order.state !== 'in_progress') return 'skipped';
    const item = await itemOf(w, order.id);
    const so = await w.tx.findOneOrFail(ServiceOrderEntity, { where: { commercialOrderId: order.id } });
    const { cfs, all } = await servicesOf(w, so.id);
    if (claim?.outcome === 'not_applied') await this.promoNotApplied(w, order, item, claim);

    if (verdict.kind === 'activated') {
      if (claim?.outcome === 'claimed') await this.redeemPromo.executeIn(w, { orderId: order.id, offerId: claim.offerId });
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

    // The order fails: its claim is given back, so the code is not used up by an order that never activated.
    if (claim?.outcome === 'claimed') await this.revokePromo.executeIn(w, { orderId: order.id, offerId: claim.offerId, reason: 'order_cancelled' });
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

  /** The item shows what was charged: a promo that did not apply is taken off it, and said so. */
  private async promoNotApplied(w: WriteScope, order: ProductOrderEntity, item: OrderItemEntity, claim: Extract<PromoClaim, { outcome: 'not_applied' }>): Promise<void> {
    const promoCode = item.discountCode;
    item.discountCode = null;
    item.promoOfferDefinitionId = null;
    item.discountType = null;
    item.discountValue = null;
    item.discountPeriodsTotal = null;
    item.promoOfferId = null;
    await w.tx.save(item);
    await w.emit({
      eventType: 'order.promo_not_applied',
      aggregateType: 'product_order',
      aggregateId: order.id,
      payload: { commercialOrderId: order.id, customerId: order.customerId, promoCode, reason: claim.reason, rule: claim.rule },
    });
  }
}
