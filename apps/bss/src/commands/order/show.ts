import { Args } from '@oclif/core';
import { OrderQueries, type OrderDetailView } from '@bss/orders';
import { renderOrderTree, type OrderTreeInput } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class OrderShow extends BssCommand<OrderDetailView> {
  static override summary = 'Show an order as its COM → SOM → services → provisioning tasks tree';
  static override examples = ['<%= config.bin %> order show ORD-0001', '<%= config.bin %> order show ORD-0001 --json'];
  static override args = { orderId: Args.string({ required: true, description: 'Order id, e.g. ORD-0001' }) };

  protected async execute(): Promise<OrderDetailView> {
    const { args } = await this.parse(OrderShow);
    return (await this.service(OrderQueries)).get(args.orderId);
  }

  protected render(order: OrderDetailView): string {
    return renderOrderCard(order);
  }
}

/** The tree card plus the one line the tree has no room for: why an order failed. */
export function renderOrderCard(order: OrderDetailView): string {
  const card = renderOrderTree(toOrderTree(order));
  const notes = [
    order.failureReason ? `Failure reason: ${order.failureReason}` : null,
    order.stuckFlaggedAt ? `Flagged stuck at ${order.stuckFlaggedAt.toISOString()}` : null,
  ].filter((line): line is string => line !== null);
  return notes.length ? `${card}\n${notes.join('\n')}` : card;
}

export function toOrderTree(order: OrderDetailView): OrderTreeInput {
  return {
    id: order.id,
    state: order.state,
    customerId: order.customerId,
    offeringId: `${order.item.offeringId}  SGD ${order.item.priceSnapshot.priceAmount}`,
    placedAt: order.orderDate,
    completedAt: order.completedDate,
    subscriptionId: order.state === 'completed' ? order.subscriptionId : null,
    serviceOrders: order.serviceOrders.map((so) => ({
      id: so.id,
      state: so.state,
      cfs: so.cfs.map((cfs) => ({
        id: cfs.id,
        name: cfs.name,
        state: cfs.state,
        rfs: cfs.rfs.map((rfs) => ({
          id: rfs.id,
          name: rfs.name,
          state: rfs.state,
          tasks: rfs.tasks.map((t) => ({ id: t.id, taskType: t.taskType, state: t.state, attempts: t.attempts, startedAt: t.startedAt, completedAt: t.completedAt })),
        })),
      })),
    })),
  };
}
