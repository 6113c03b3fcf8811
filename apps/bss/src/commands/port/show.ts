import { Args } from '@oclif/core';
import { PortRequestQueries, type PortRequestView } from '@bss/crm';
import { formatMsisdn, formatSecond, renderFieldTable } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export function renderPortRequest(p: PortRequestView): string {
  return renderFieldTable(`Port request ${p.id}`, [
    ['Direction', p.direction],
    ['Donor MSISDN', formatMsisdn(p.donorMsisdn)],
    ['Donor carrier', p.donorCarrier],
    ['Target line', p.targetSubscriptionId ?? '—'],
    ['Requested date', p.requestedPortDate ?? '—'],
    ['State', p.state],
    ['Rejection', p.rejectionReason ?? '—'],
    ['Created', formatSecond(p.createdAt)],
    ['Completed', formatSecond(p.completedAt)],
  ]);
}

export default class PortShow extends BssCommand<PortRequestView> {
  static override summary = 'Show one port request';
  static override examples = ['<%= config.bin %> port show PORT-3F9A0C12'];
  static override args = { id: Args.string({ required: true, description: 'Port request id (PORT-…)' }) };

  protected async execute(): Promise<PortRequestView> {
    const { args } = await this.parse(PortShow);
    return (await this.service(PortRequestQueries)).get(args.id);
  }

  protected render(request: PortRequestView): string {
    return renderPortRequest(request);
  }
}
