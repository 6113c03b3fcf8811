import { Flags } from '@oclif/core';
import { ExternalCallQueries, type ExternalCallView } from '@bss/audit';
import { parseDurationSeconds } from '@bss/platform';
import { renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class ExternalCalls extends BssCommand<ExternalCallView[]> {
  static override summary = 'Calls to outside systems (payment gateway, loyalty, mail, LLM), newest first: status, latency, redacted payload';
  static override examples = [
    '<%= config.bin %> external-calls',
    '<%= config.bin %> external-calls --provider loyalty --since 1h --failed',
    '<%= config.bin %> external-calls --aggregate PAY-3f9a0c12 --json',
  ];
  static override flags = {
    provider: Flags.string({ char: 'p', description: 'Only this provider (e.g. mock, stripe, loyalty)' }),
    since: Flags.string({ description: 'Only calls this recent, e.g. 30s, 5m, 1h, 7d (simulated clock)' }),
    failed: Flags.boolean({ description: 'Only calls that did not succeed (declined, timed out, refused, errored …)', aliases: ['failures'], default: false }),
    aggregate: Flags.string({ char: 'a', description: 'Only calls about this id (payment attempt, customer …)' }),
    limit: { ...limitFlag, char: 'n' as const },
    payload: Flags.boolean({ description: 'Show the (redacted) request and response of each call', default: false }),
  };

  private showPayloads = false;

  protected async execute(): Promise<ExternalCallView[]> {
    const { flags } = await this.parse(ExternalCalls);
    this.showPayloads = flags.payload;
    return (await this.service(ExternalCallQueries)).list({
      provider: flags.provider,
      sinceSeconds: flags.since === undefined ? undefined : parseDurationSeconds(flags.since, 'since'),
      failed: flags.failed,
      aggregateId: flags.aggregate,
      limit: flags.limit,
    });
  }

  protected render(calls: ExternalCallView[]): string {
    const table = renderList(
      'External calls',
      [
        { header: 'Occurred', value: (c) => c.occurredAt.replace('T', ' ').slice(0, 19) },
        { header: 'Provider', value: (c) => c.provider },
        { header: 'Operation', value: (c) => c.operation, maxWidth: 24 },
        { header: 'Status', value: (c) => (c.succeeded ? c.status : `✗ ${c.status}`) },
        { header: 'Latency', value: (c) => `${c.latencyMs}ms` },
        { header: 'About', value: (c) => c.aggregateId ?? '—' },
        { header: 'Error', value: (c) => c.error ?? '', maxWidth: 40 },
      ],
      calls,
    );
    if (!this.showPayloads) return table;
    const payloads = calls.map((c) => `#${c.id} ${c.provider} ${c.operation}\n  request:  ${JSON.stringify(c.request)}\n  response: ${JSON.stringify(c.response)}`);
    return [table, '', ...payloads].join('\n');
  }
}
