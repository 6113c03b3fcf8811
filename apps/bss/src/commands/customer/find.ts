import { Flags } from '@oclif/core';
import { isEmail } from 'class-validator';
import { CustomerQueries } from '@bss/crm';
import { InvalidInput, NotFound } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { customer360CardOf, renderCustomer360 } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';
import { loadCustomer360, type CustomerShowResult } from './show';

/** The 360 of the customer found, plus (for --msisdn) the line holding the number. */
export interface CustomerFindResult extends CustomerShowResult {
  matchedBy: 'msisdn' | 'email';
  line?: { id: string; state: string; offeringId: string; msisdn: string };
}

export default class CustomerFind extends BssCommand<CustomerFindResult> {
  static override summary = 'Find a customer by the phone number (MSISDN) of one of their live lines or by email; prints the 360';
  static override examples = [
    '<%= config.bin %> customer find --msisdn 90000042',
    '<%= config.bin %> customer find --email ada@example.com --json',
  ];
  static override flags = {
    msisdn: Flags.string({ description: 'Phone number of a live line (8–15 digits)', exactlyOne: ['msisdn', 'email'] }),
    email: Flags.string({ description: 'Email address (exact, case-insensitive)', exactlyOne: ['msisdn', 'email'] }),
  };

  protected async execute(): Promise<CustomerFindResult> {
    const { flags } = await this.parse(CustomerFind);
    const customers = await this.service(CustomerQueries);
    const subscriptions = await this.service(SubscriptionQueries);
    if (flags.msisdn !== undefined) {
      // getByMsisdn refuses a malformed number (INVALID_INPUT) and an unknown one (NOT_FOUND) itself.
      const line = await subscriptions.getByMsisdn(flags.msisdn.replace(/[\s-]/g, ''));
      const view = await loadCustomer360(customers, subscriptions, line.customerId);
      return { ...view, matchedBy: 'msisdn', line: { id: line.id, state: line.state, offeringId: line.offeringId, msisdn: line.msisdn } };
    }
    const email = (flags.email ?? '').trim();
    if (!isEmail(email)) throw new InvalidInput([{ field: 'email', messages: ['email must be an email address, e.g. ada@example.com'] }]);
    const found = await customers.findByEmail(email);
    if (!found) throw new NotFound('customer with email', email, { email });
    return { ...(await loadCustomer360(customers, subscriptions, found.id)), matchedBy: 'email' };
  }

  protected render(result: CustomerFindResult): string {
    const head = result.line ? `${result.line.msisdn} → line ${result.line.id} (${result.line.state}) of ${result.customer.id}` : `${result.customer.email} → ${result.customer.id}`;
    return `${head}\n${renderCustomer360(customer360CardOf(result, result.subscriptions))}`;
  }
}
