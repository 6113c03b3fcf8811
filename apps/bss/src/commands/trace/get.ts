import { Args } from '@oclif/core';
import { TraceQueries, type TraceView } from '@bss/audit';
import { requestIdOfTraceId } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';
import { renderTrace, traceWidth, widthFlag } from '#bss/base/trace-render';

export default class TraceGet extends BssCommand<TraceView> {
  static override summary = 'One trace as swimlanes: every audit event written under the request id and the runs of its jobs, in the order they happened';
  static override examples = ['<%= config.bin %> trace get 6f1c…', '<%= config.bin %> trace get 6f1c… --width 100', '<%= config.bin %> trace get 6f1c… --json', '<%= config.bin %> trace get 4bf92f3577b34da6a3ce929d0e0e4736'];
  static override args = { traceId: Args.string({ required: true, description: 'Trace (request) id, as `audit list` and `trace for-…` show it, or the 32-hex trace id an OpenTelemetry backend shows' }) };
  static override flags = { width: widthFlag };

  private width = 0;

  protected async execute(): Promise<TraceView> {
    const { args, flags } = await this.parse(TraceGet);
    this.width = traceWidth(flags.width);
    // An OTel backend shows the same id without dashes (see startTracing in @bss/platform).
    const traceId = /^[0-9a-f]{32}$/i.test(args.traceId) ? requestIdOfTraceId(args.traceId.toLowerCase()) : args.traceId;
    return (await this.service(TraceQueries)).get(traceId);
  }

  protected render(trace: TraceView): string {
    return renderTrace(trace, this.width);
  }
}
