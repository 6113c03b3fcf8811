import { Args } from '@oclif/core';
import { OrderTraceQueries, type OrderTraceView } from '@bss/orders';
import { renderSwimlane } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class TraceForOrder extends BssCommand<OrderTraceView> {
  static override summary = "An order's timeline as swimlanes: its audit events and job runs, COM → SOM → PROV → SUB → PAY";
  static override examples = ['<%= config.bin %> trace for-order ORD-0001', '<%= config.bin %> trace for-order ORD-0001 --json'];
  static override args = { orderId: Args.string({ required: true, description: 'Order id, e.g. ORD-0001' }) };

  protected async execute(): Promise<OrderTraceView> {
    const { args } = await this.parse(TraceForOrder);
    return (await this.service(OrderTraceQueries)).forOrder(args.orderId);
  }

  protected render(trace: OrderTraceView): string {
    const lanes = renderSwimlane(trace.entries.map((e) => ({ lane: e.lane, at: e.at, label: e.label, error: e.error })), { lanes: ['COM', 'SOM', 'INV', 'PROV', 'SUB', 'PAY', 'JOB'], maxLaneWidth: 30 });
    return `Order ${trace.orderId}  ·  trace ${trace.traceId}\n\n${lanes}`;
  }
}
