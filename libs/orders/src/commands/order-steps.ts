import type { WriteScope } from '@bss/audit';
import type { InteractionLog } from '@bss/crm';
import { NotFound } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { ORDER_RULES } from '#orders/orders.errors';
import { ORDER_EVENT_BY_TRIGGER, ORDER_TRANSITIONS, type OrderTrigger } from '#orders/domain/order.state';
import { OrderItemEntity, OrderStateHistoryEntity, ProductOrderEntity } from '#orders/domain/product-order.entity';

// Steps every order-changing command shares: lock in a fixed order (order → service order →
// task) so concurrent task completions and operator verbs never deadlock, and move the order
// through its FSM with a history row and an event in the same transaction.

export async function lockOrder(w: WriteScope, orderId: string): Promise<ProductOrderEntity> {
  const order = await w.tx.findOne(ProductOrderEntity, { where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
  if (!order) throw new NotFound('order', orderId);
  return order;
}

export async function itemOf(w: WriteScope, orderId: string): Promise<OrderItemEntity> {
  const item = await w.tx.findOne(OrderItemEntity, { where: { orderId } });
  if (!item) throw new NotFound('order_item', orderId, { orderId });
  return item;
}

const CLOSING: ReadonlySet<OrderTrigger> = new Set(['complete', 'fail', 'cancel']);

/** What the customer's contact history says about a move (completion is logged by subscription as the activation). */
const INTERACTION_BY_TRIGGER: Partial<Record<OrderTrigger, (order: ProductOrderEntity, reason: string | null) => string>> = {
  cancel: (o) => `Order ${o.id} cancelled`,
  fail: (o, reason) => `Order ${o.id} failed: ${reason ?? 'unknown reason'}`,
  reopen: (o) => `Order ${o.id} re-opened by an operator retry`,
};

export async function transitionOrder(
  w: WriteScope,
  order: ProductOrderEntity,
  item: OrderItemEntity,
  trigger: OrderTrigger,
  options: { reason?: string | null; payload?: Record<string, unknown>; interactions?: InteractionLog } = {},
): Promise<void> {
  const from = order.state;
  const to = assertTransition(ORDER_TRANSITIONS, from, trigger, ORDER_RULES.orderTransition, { type: 'order', id: order.id });
  order.state = to;
  order.updatedAt = w.now;
  if (CLOSING.has(trigger)) order.completedDate = w.now;
  if (trigger === 'fail') order.failureReason = options.reason ?? null;
  if (trigger === 'reopen') {
    order.completedDate = null;
    order.failureReason = null;
  }
  item.state = to;
  await w.tx.save(order);
  await w.tx.save(item);
  await w.tx.insert(OrderStateHistoryEntity, {
    orderId: order.id,
    fromState: from,
    toState: to,
    trigger,
    reason: options.reason ?? null,
    actor: w.auth.actor,
    changedAt: w.now,
    tenantId: order.tenantId,
  });
  await w.emit({
    eventType: ORDER_EVENT_BY_TRIGGER[trigger],
    aggregateType: 'product_order',
    aggregateId: order.id,
    payload: { commercialOrderId: order.id, customerId: order.customerId, fromState: from, toState: to, ...(options.reason ? { reason: options.reason } : {}), ...options.payload },
  });
  const summary = INTERACTION_BY_TRIGGER[trigger];
  if (summary && options.interactions) await options.interactions.record(w, { customerId: order.customerId, summary: summary(order, options.reason ?? null) });
}
