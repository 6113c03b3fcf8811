import { Flags } from '@oclif/core';
import { ORDER_STATES, OrderQueries, type OrderView } from '@bss/orders';
import { renderOrderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class OrderList extends BssCommand<OrderView[]> {
  static override summary = 'List orders, newest first';
  static override examples = ['<%= config.bin %> order list --customer CUST-3f9a0c12', '<%= config.bin %> order list --state in_progress --json'];
  static override flags = {
    customer: Flags.string({ char: 'c', description: 'Customer id' }),
    state: Flags.string({ description: 'Order state', options: [...ORDER_STATES] }),
    limit: limitFlag,
  };

  protected async execute(): Promise<OrderView[]> {
    const { flags } = await this.parse(OrderList);
    const state = ORDER_STATES.find((s) => s === flags.state);
    return (await this.service(OrderQueries)).list({ customerId: flags.customer, state, limit: flags.limit });
  }

  protected render(orders: OrderView[]): string {
    return renderOrderList(orders.map((o) => ({ id: o.id, state: o.state, customerId: o.customerId, placedAt: o.orderDate })));
  }
}
