import { Flags } from '@oclif/core';
import { AuditQueries, type DomainEventRecord } from '@bss/audit';
import { renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class AuditList extends BssCommand<DomainEventRecord[]> {
  static override summary = 'List audit events (newest first)';
  static override examples = ['<%= config.bin %> audit list --aggregate CUST-3f9a0c12', '<%= config.bin %> audit list --type subscription. --limit 50 --json'];
  static override flags = {
    aggregate: Flags.string({ description: 'Aggregate id, e.g. ORD-0001' }),
    type: Flags.string({ description: 'Event type, or a prefix ending in "." (subscription.)' }),
    limit: limitFlag,
  };

  protected async execute(): Promise<DomainEventRecord[]> {
    const { flags } = await this.parse(AuditList);
    return (await this.service(AuditQueries)).list({ aggregateId: flags.aggregate, eventType: flags.type, limit: flags.limit });
  }

  protected render(events: DomainEventRecord[]): string {
    return renderList(
      'Audit events',
      [
        { header: 'Occurred', value: (e) => e.occurredAt.replace('T', ' ').slice(0, 19) },
        { header: 'Event', value: (e) => e.eventType },
        { header: 'Aggregate', value: (e) => e.aggregateId },
        { header: 'Actor', value: (e) => e.actor, maxWidth: 24 },
        { header: 'Channel', value: (e) => e.channel },
        { header: 'Identity', value: (e) => e.serviceIdentity },
      ],
      events,
    );
  }
}
