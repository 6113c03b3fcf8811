import { Flags } from '@oclif/core';
import { CreateCustomerCommand } from '@bss/crm';
import { InvalidInput } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';
import { activePaymentProvider, assertLocalTokenizationAllowed } from '@bss/payment';
import { attachedCardLine, type CustomerWithCard } from '#bss/commands/payment/add-card';

/** "Ada Lovelace" → given "Ada", family "Lovelace"; "Ada King Lovelace" → "Ada" / "King Lovelace". */
export function splitName(name: string): { givenName: string; familyName: string } {
  const [givenName, ...rest] = name.trim().split(/\s+/);
  if (!givenName || rest.length === 0) {
    throw new InvalidInput([{ field: 'name', messages: ['give a given and a family name, e.g. "Ada Lovelace"'] }]);
  }
  return { givenName, familyName: rest.join(' ') };
}

export default class CustomerCreate extends BssCommand<CustomerWithCard> {
  static override summary = 'Create a customer (active at once) with an email and/or an E.164 phone';
  static override examples = ['<%= config.bin %> customer create --name "Ada Lovelace" --email ada@example.com --phone +6591234567'];
  static override flags = {
    name: Flags.string({ description: 'Given and family name', required: true }),
    email: Flags.string({ description: 'Email address (matched case-insensitively)' }),
    phone: Flags.string({ description: 'E.164 phone, e.g. +6591234567' }),
    'date-of-birth': Flags.string({ description: 'YYYY-MM-DD' }),
    card: Flags.string({ description: 'Also attach this card (mock provider), in the same transaction as the customer' }),
  };

  protected async execute(): Promise<CustomerWithCard> {
    const { flags } = await this.parse(CustomerCreate);
    const input = { ...splitName(flags.name), email: flags.email, phone: flags.phone, dateOfBirth: flags['date-of-birth'] };
    // The CLI hands a raw card number over, which only the mock provider may tokenize locally.
    if (flags.card !== undefined) assertLocalTokenizationAllowed(activePaymentProvider());
    return (await (await this.service(CreateCustomerCommand)).execute({ ...input, cardNumber: flags.card })) as CustomerWithCard;
  }

  protected render(customer: CustomerWithCard): string {
    return `Created ${customer.id} ${customer.name}${customer.paymentMethod ? `\n${attachedCardLine(customer.paymentMethod)}` : ''}`;
  }
}
