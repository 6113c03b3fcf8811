import { Args, Flags } from '@oclif/core';
import { CancelOrderCommand, type OrderView } from '@bss/orders';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class OrderCancel extends BssCommand<OrderView> {
  static override summary = 'Cancel an order (only before service order management has started)';
  static override examples = ['<%= config.bin %> order cancel ORD-0001 --yes'];
  static override args = { orderId: Args.string({ required: true, description: 'Order id, e.g. ORD-0001' }) };
  static override flags = { reason: Flags.string({ description: 'Why, for the audit trail' }), yes: yesFlag };

  protected async execute(): Promise<OrderView> {
    const { args, flags } = await this.parse(OrderCancel);
    this.requireYes(flags.yes, `order cancel ${args.orderId}`);
    return (await this.service(CancelOrderCommand)).execute({ orderId: args.orderId, ...(flags.reason ? { reason: flags.reason } : {}) });
  }

  protected render(order: OrderView): string {
    return `✓ Order ${order.id} ${order.state}`;
  }
}
