import { Flags } from '@oclif/core';
import { ServiceQueries, type ServiceView } from '@bss/orders';
import { formatSecond, renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class SomServiceList extends BssCommand<ServiceView[]> {
  static override summary = 'List the services (CFS and its RFS) behind a subscription';
  static override examples = ['<%= config.bin %> som service list --subscription SUB-0001'];
  static override flags = { subscription: Flags.string({ char: 's', required: true, description: 'Subscription id, e.g. SUB-0001' }) };

  protected async execute(): Promise<ServiceView[]> {
    const { flags } = await this.parse(SomServiceList);
    return (await this.service(ServiceQueries)).listForSubscription(flags.subscription);
  }

  protected render(services: ServiceView[]): string {
    return renderList(
      'Services',
      [
        { header: 'Id', value: (s) => s.id },
        { header: 'Type', value: (s) => s.serviceType },
        { header: 'Name', value: (s) => s.name },
        { header: 'Spec', value: (s) => s.specId },
        { header: 'State', value: (s) => s.state },
        { header: 'Parent', value: (s) => s.parentServiceId ?? '—' },
        { header: 'Service order', value: (s) => s.serviceOrderId },
        { header: 'Activated', value: (s) => formatSecond(s.activatedAt) },
      ],
      services,
    );
  }
}
