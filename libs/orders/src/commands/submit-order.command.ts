import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { PaymentQueries } from '@bss/payment';
import { validateInput, Verb } from '@bss/platform';
import { priceSnapshotOf, toOrderView, type OrderView } from '#orders/domain/order.views';
import { assertSubmitHasPaymentMethod } from '#orders/policies/order.policies';
import { ORDER_ID_PATTERN } from '#orders/domain/order.ids';
import { ORDER_QUEUES, type OrderJob } from './order-jobs';
import { itemOf, lockOrder, transitionOrder } from './order-steps';

export class SubmitOrderInput {
  @IsString() @Matches(ORDER_ID_PATTERN, { message: 'orderId must look like ORD-0001' }) orderId!: string;
}

/**
 * COM submit: acknowledged → in_progress, pinning the newest active card for the activation
 * charge, and hands the order to SOM by enqueueing its decomposition in the same transaction.
 */
@Verb({
  name: 'order.submit',
  input: SubmitOrderInput,
  summary: 'Submit a created order: it goes in progress and its decomposition is queued',
  cliExempt: 'the second half of order.create and of the signup order step, always inside their transaction',
})
@Injectable()
export class SubmitOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentQueries,
  ) {}

  async execute(input: SubmitOrderInput): Promise<OrderView> {
    const dto = await validateInput(SubmitOrderInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: SubmitOrderInput): Promise<OrderView> {
    const order = await lockOrder(w, dto.orderId);
    const item = await itemOf(w, order.id);
    // Newest first, active only (payment's contract); the newest card is the one just added for this order.
    const [method] = await this.payments.listMethods(order.customerId);
    assertSubmitHasPaymentMethod(method ?? null, order.id, order.customerId);
    order.paymentMethodId = method.id;
    order.submittedAt = w.now;
    await transitionOrder(w, order, item, 'submit', {
      payload: { offeringId: item.offeringId, msisdnPreference: order.msisdnPreference, paymentMethodId: method.id, priceSnapshot: priceSnapshotOf(item) },
    });
    const job: OrderJob = { orderId: order.id, traceId: order.traceId };
    await w.enqueue(ORDER_QUEUES.decompose, job);
    return toOrderView(order, item);
  }
}
