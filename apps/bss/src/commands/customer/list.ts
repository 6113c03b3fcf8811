import { Flags } from '@oclif/core';
import { CUSTOMER_STATUSES, CustomerQueries, type CustomerStatus, type CustomerView } from '@bss/crm';
import { renderCustomerList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class CustomerList extends BssCommand<CustomerView[]> {
  static override summary = 'List customers, newest first';
  static override examples = ['<%= config.bin %> customer list --state active', '<%= config.bin %> customer list --name ada --json'];
  static override flags = {
    state: Flags.string({ description: 'Only customers in this status', options: [...CUSTOMER_STATUSES] }),
    name: Flags.string({ description: 'Substring of the display name (case-insensitive)' }),
    limit: limitFlag,
  };

  protected async execute(): Promise<CustomerView[]> {
    const { flags } = await this.parse(CustomerList);
    return (await this.service(CustomerQueries)).list({ status: flags.state as CustomerStatus | undefined, name: flags.name, limit: flags.limit });
  }

  protected render(customers: CustomerView[]): string {
    return renderCustomerList(customers.map((c) => ({ id: c.id, name: c.name, status: c.status, email: c.email })));
  }
}
