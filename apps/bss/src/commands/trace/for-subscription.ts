import { Args } from '@oclif/core';
import { TraceQueries, type AggregateTraceView } from '@bss/audit';
import { BssCommand } from '#bss/base/bss-command';
import { renderTrace, traceWidth, widthFlag } from '#bss/base/trace-render';

export default class TraceForSubscription extends BssCommand<AggregateTraceView> {
  static override summary = "A line's newest trace (activation, renewal, top-up …) as swimlanes; older ones are listed for `trace get`";
  static override examples = ['<%= config.bin %> trace for-subscription SUB-3f9a0c12', '<%= config.bin %> trace for-subscription SUB-3f9a0c12 --width 100 --json'];
  static override args = { subscriptionId: Args.string({ required: true, description: 'Subscription id, e.g. SUB-3f9a0c12' }) };
  static override flags = { width: widthFlag };

  private width = 0;

  protected async execute(): Promise<AggregateTraceView> {
    const { args, flags } = await this.parse(TraceForSubscription);
    this.width = traceWidth(flags.width);
    return (await this.service(TraceQueries)).forAggregate(args.subscriptionId, 'subscription');
  }

  protected render(trace: AggregateTraceView): string {
    return renderTrace(trace, this.width);
  }
}
