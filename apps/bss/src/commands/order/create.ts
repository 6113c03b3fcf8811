import { setTimeout as sleep } from 'node:timers/promises';
import { Flags } from '@oclif/core';
import { JobQueue } from '@bss/platform';
import { ORDER_CHAIN_QUEUES, OrderQueries, CreateOrderCommand, type OrderDetailView } from '@bss/orders';
import { renderOrderCard } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

const SETTLED: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

export default class OrderCreate extends BssCommand<OrderDetailView> {
  static override summary = 'Place an order (create + submit): a new line for a customer on a plan';
  static override description =
    'With --wait, follows the order until it is completed or failed. While waiting it also runs the order\'s jobs in this process ' +
    '(claims use SKIP LOCKED, so this is safe next to running workers), so it works without any app running.';
  static override examples = [
    '<%= config.bin %> order create --customer CUST-3f9a0c12 --offering PLAN_M --wait',
    '<%= config.bin %> order create --customer CUST-3f9a0c12 --offering PLAN_S --msisdn 90000042 --json',
    '<%= config.bin %> order create --customer CUST-3f9a0c12 --offering PLAN_M --promo-code WELCOME10 --wait',
  ];
  static override flags = {
    customer: Flags.string({ char: 'c', required: true, description: 'Customer id, e.g. CUST-3f9a0c12' }),
    offering: Flags.string({ char: 'o', required: true, description: 'Plan, e.g. PLAN_M' }),
    msisdn: Flags.string({ description: 'Preferred number (exactly this one, or the order fails)' }),
    'promo-code': Flags.string({ description: 'Promo code to apply (one that does not apply never blocks the order)' }),
    'skip-assigned-offer': Flags.boolean({ default: false, description: "Do not pre-apply the customer's targeted offer" }),
    wait: Flags.boolean({ char: 'w', default: false, description: 'Wait until the order is completed or failed' }),
    timeout: Flags.integer({ default: 30, min: 1, max: 3600, description: 'Seconds --wait waits at most' }),
  };

  protected async execute(): Promise<OrderDetailView> {
    const { flags } = await this.parse(OrderCreate);
    const placed = await (await this.service(CreateOrderCommand)).execute({
      customerId: flags.customer,
      offeringId: flags.offering,
      ...(flags.msisdn ? { msisdnPreference: flags.msisdn } : {}),
      ...(flags['promo-code'] ? { promoCode: flags['promo-code'] } : {}),
      ...(flags['skip-assigned-offer'] ? { skipAssignedOffer: true } : {}),
    });
    const orders = await this.service(OrderQueries);
    if (!flags.wait) return orders.get(placed.id);
    const jobs = await this.service(JobQueue);
    const deadline = Date.now() + flags.timeout * 1000;
    for (;;) {
      await jobs.drain([...ORDER_CHAIN_QUEUES]);
      const order = await orders.get(placed.id);
      if (SETTLED.has(order.state)) return order;
      if (Date.now() >= deadline) {
        const waitingOn = order.serviceOrders.flatMap((so) => so.cfs.flatMap((c) => c.rfs.flatMap((r) => r.tasks))).filter((t) => t.state === 'stuck');
        this.addWarning(
          `order ${order.id} is still ${order.state} after ${flags.timeout}s` +
            (waitingOn.length ? `; stuck task(s) ${waitingOn.map((t) => t.id).join(', ')} wait for \`bss prov resolve\`` : ''),
        );
        return order;
      }
      await sleep(200);
    }
  }

  protected render(order: OrderDetailView): string {
    return renderOrderCard(order);
  }
}
