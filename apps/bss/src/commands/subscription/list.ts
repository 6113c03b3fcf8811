import { Flags } from '@oclif/core';
import { SubscriptionQueries, type SubscriptionView } from '@bss/subscription';
import { formatDay, formatMsisdn, formatQuantity, renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class SubscriptionList extends BssCommand<SubscriptionView[]> {
  static override summary = "List a customer's lines (oldest first)";
  static override examples = ['<%= config.bin %> subscription list --customer CUST-3f9a0c12', '<%= config.bin %> subscription list --customer CUST-3f9a0c12 --json'];
  static override flags = { customer: Flags.string({ char: 'c', required: true, description: 'Customer id, e.g. CUST-3f9a0c12' }) };

  protected async execute(): Promise<SubscriptionView[]> {
    const { flags } = await this.parse(SubscriptionList);
    return (await this.service(SubscriptionQueries)).listForCustomer(flags.customer);
  }

  protected render(lines: SubscriptionView[]): string {
    return renderList(
      'Subscriptions',
      [
        { header: 'Id', value: (s) => s.id },
        { header: 'MSISDN', value: (s) => formatMsisdn(s.msisdn) },
        { header: 'Plan', value: (s) => s.offeringId },
        { header: 'State', value: (s) => s.state },
        { header: 'Data', value: dataCell },
        { header: 'Price', value: (s) => `${s.currency} ${s.effectiveAmount}` },
        { header: 'Renews', value: (s) => (s.state === 'terminated' ? '—' : formatDay(s.nextRenewalAt)) },
      ],
      lines,
    );
  }
}

function dataCell(s: SubscriptionView): string {
  const data = s.balances.find((b) => b.allowanceType === 'data');
  if (!data) return '—';
  if (s.dataUnlimitedUntil || data.total < 0) return 'Unlimited';
  return `${formatQuantity(data.remaining, data.unit)} of ${formatQuantity(data.total, data.unit)} left`;
}
