import type { Type } from '@nestjs/common';
import { Flags } from '@oclif/core';
import { UnitOfWork } from '@bss/audit';
import { CreateCustomerCommand, CreateCustomerInput, type CustomerView } from '@bss/crm';
import { activePaymentProvider, AddPaymentCardCommand, assertLocalTokenizationAllowed, cardLabel, type PaymentMethodView } from '@bss/payment';
import { InvalidInput, validateInput } from '@bss/platform';
import { BssCommand } from '../../base/bss-command';

export default class PaymentAddCard extends BssCommand<PaymentMethodView> {
  static override summary = 'Attach a card to a customer (tokenized by the mock provider; the PAN is never stored)';
  static override examples = [
    '<%= config.bin %> payment add-card --customer CUST-3f9a0c12 --card 4242424242424242',
    '<%= config.bin %> payment add-card --customer CUST-3f9a0c12 --card "4000 0000 0000 0002" --exp 12/2030',
  ];
  static override flags = {
    customer: Flags.string({ description: 'Customer id', required: true }),
    card: Flags.string({ description: 'Card number (test cards: 4242… approves, 4000 0000 0000 0002 or text with DECLINE declines)', required: true }),
    exp: Flags.string({ description: 'Expiry MM/YYYY (default: December, three years from now)' }),
  };

  protected async execute(): Promise<PaymentMethodView> {
    const { flags } = await this.parse(PaymentAddCard);
    assertLocalTokenizationAllowed(activePaymentProvider());
    return (await this.service(AddPaymentCardCommand)).execute({ customerId: flags.customer, cardNumber: flags.card, ...parseExpiry(flags.exp) });
  }

  protected render(card: PaymentMethodView): string {
    return attachedCardLine(card);
  }
}

export function attachedCardLine(card: PaymentMethodView): string {
  return `Attached card ${card.id} ${cardLabel(card)}`;
}

/** `--exp 07/2030` → `{expMonth: 7, expYear: 2030}`; absent → the command's default expiry. */
export function parseExpiry(exp: string | undefined): { expMonth?: number; expYear?: number } {
  if (exp === undefined) return {};
  const match = /^(\d{1,2})\/(\d{4})$/.exec(exp.trim());
  if (!match) throw new InvalidInput([{ field: 'exp', messages: ['exp must be MM/YYYY, e.g. 07/2030'] }]);
  return { expMonth: Number(match[1]), expYear: Number(match[2]) };
}

export type CustomerWithCard = CustomerView & { paymentMethod?: PaymentMethodView };

/**
 * `bss customer create --card`: the customer and the card in ONE transaction, so a refused card
 * leaves no customer behind.
 */
export async function attachWithNewCustomer(
  service: <S>(type: Type<S>) => Promise<S>,
  input: CreateCustomerInput,
  cardNumber: string,
): Promise<CustomerWithCard> {
  assertLocalTokenizationAllowed(activePaymentProvider());
  const customerInput = await validateInput(CreateCustomerInput, input);
  const uow = await service(UnitOfWork);
  const create = await service(CreateCustomerCommand);
  const attach = await service(AddPaymentCardCommand);
  return uow.run(async (w) => {
    const customer = await create.executeIn(w, customerInput);
    // CustomerQueries cannot see the uncommitted customer, so the command is handed it.
    const paymentMethod = await attach.executeIn(w, { customerId: customer.id, cardNumber }, customer);
    return { ...customer, paymentMethod };
  });
}
