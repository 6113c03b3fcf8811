import { Args } from '@oclif/core';
import { OrderQueries, type OrderDetailView } from '@bss/orders';
import { renderOrderCard } from '@bss/web';
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
