import { Args } from '@oclif/core';
import { CustomerQueries, type Customer360View } from '@bss/crm';
import { SubscriptionQueries } from '@bss/subscription';
import { customer360CardOf, renderCustomer360, type Customer360Subscription } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

/** The 360 as the CLI prints it; CRM knows no lines, so `subscriptions` is filled in by the line-owning context. */
export interface CustomerShowResult extends Customer360View {
  subscriptions: Customer360Subscription[];
}

/** CRM's 360 of one customer with the lines the subscription context owns (also `bss customer find`). */
export async function loadCustomer360(customers: CustomerQueries, subscriptions: SubscriptionQueries, customerId: string): Promise<CustomerShowResult> {
  const view = await customers.get360(customerId);
  const lines = await subscriptions.listForCustomer(view.customer.id);
  return {
    ...view,
    subscriptions: lines.map((line): Customer360Subscription => {
      const data = line.balances.find((b) => b.allowanceType === 'data');
      return { id: line.id, offeringId: line.offeringId, state: line.state, msisdn: line.msisdn, dataUsed: data?.consumed ?? null, dataTotal: data?.total ?? null };
    }),
  };
}

export default class CustomerShow extends BssCommand<CustomerShowResult> {
  static override summary = 'Customer 360: the customer, lines, open cases with their tickets, recent interactions';
  static override examples = ['<%= config.bin %> customer show CUST-3f9a0c12', '<%= config.bin %> customer show CUST-3f9a0c12 --json'];
  static override args = { id: Args.string({ required: true, description: 'Customer id (CUST-…)' }) };

  protected async execute(): Promise<CustomerShowResult> {
    const { args } = await this.parse(CustomerShow);
    return loadCustomer360(await this.service(CustomerQueries), await this.service(SubscriptionQueries), args.id);
  }

  protected render(result: CustomerShowResult): string {
    return renderCustomer360(customer360CardOf(result, result.subscriptions));
  }
}
