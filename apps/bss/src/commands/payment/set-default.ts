import { Args } from '@oclif/core';
import { cardLabel, SetDefaultPaymentMethodCommand, type PaymentMethodView } from '@bss/payment';
import { BssCommand } from '#bss/base/bss-command';

export default class PaymentSetDefault extends BssCommand<PaymentMethodView> {
  static override summary = 'Make a card the customer’s default (the one renewals charge)';
  static override examples = ['<%= config.bin %> payment set-default PM-0002'];
  static override args = { paymentMethodId: Args.string({ required: true, description: 'Payment method id, e.g. PM-0002' }) };

  protected async execute(): Promise<PaymentMethodView> {
    const { args } = await this.parse(PaymentSetDefault);
    return (await this.service(SetDefaultPaymentMethodCommand)).execute({ paymentMethodId: args.paymentMethodId });
  }

  protected render(card: PaymentMethodView): string {
    return `${card.id} ${cardLabel(card)} is now the default`;
  }
}
