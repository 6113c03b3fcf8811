import { TraceQueries, type TraceServiceView } from '@bss/audit';
import { renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class TraceServices extends BssCommand<TraceServiceView[]> {
  static override summary = 'The services (swimlanes) traces are made of: events, traces and errors seen, newest activity first';
  static override examples = ['<%= config.bin %> trace services', '<%= config.bin %> trace services --json'];

  protected async execute(): Promise<TraceServiceView[]> {
    await this.parse(TraceServices);
    return (await this.service(TraceQueries)).services();
  }

  protected render(services: TraceServiceView[]): string {
    return renderList(
      'Trace services',
      [
        { header: 'Service', value: (s) => s.service },
        { header: 'Events', value: (s) => String(s.events) },
        { header: 'Traces', value: (s) => String(s.traces) },
        { header: 'Errors', value: (s) => String(s.errors) },
        { header: 'Last seen', value: (s) => s.lastSeen.replace('T', ' ').slice(0, 19) },
      ],
      services,
    );
  }
}
