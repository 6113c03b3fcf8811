import { Args } from '@oclif/core';
import { TraceQueries, type TraceView } from '@bss/audit';
import { BssCommand } from '#bss/base/bss-command';
import { renderTrace, traceWidth, widthFlag } from '#bss/base/trace-render';

export default class TraceGet extends BssCommand<TraceView> {
  static override summary = 'One trace as swimlanes: every audit event written under the request id and the runs of its jobs, in the order they happened';
  static override examples = ['<%= config.bin %> trace get 6f1c…', '<%= config.bin %> trace get 6f1c… --width 100', '<%= config.bin %> trace get 6f1c… --json'];
  static override args = { traceId: Args.string({ required: true, description: 'Trace (request) id, as `audit list` and `trace for-…` show it' }) };
  static override flags = { width: widthFlag };

  private width = 0;

  protected async execute(): Promise<TraceView> {
    const { args, flags } = await this.parse(TraceGet);
    this.width = traceWidth(flags.width);
    return (await this.service(TraceQueries)).get(args.traceId);
  }

  protected render(trace: TraceView): string {
    return renderTrace(trace, this.width);
  }
}
