import { Flags } from '@oclif/core';
import type { CustomerView } from '@bss/crm';
import { activePaymentProvider, AddPaymentCardCommand, assertLocalTokenizationAllowed, cardLabel, type PaymentMethodView } from '@bss/payment';
import { InvalidInput } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

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
