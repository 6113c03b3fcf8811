import { Args } from '@oclif/core';
import { cardLabel, RemovePaymentMethodCommand, type RemovedPaymentMethod } from '@bss/payment';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class PaymentRemoveMethod extends BssCommand<RemovedPaymentMethod> {
  static override summary = 'Remove a card (the last card cannot go while the customer has a live line)';
  static override examples = ['<%= config.bin %> payment remove-method PM-0001 --yes'];
  static override args = { paymentMethodId: Args.string({ required: true, description: 'Payment method id, e.g. PM-0001' }) };
  static override flags = { yes: yesFlag };

  protected async execute(): Promise<RemovedPaymentMethod> {
    const { args, flags } = await this.parse(PaymentRemoveMethod);
    this.requireYes(flags.yes, `payment remove-method ${args.paymentMethodId}`);
    return (await this.service(RemovePaymentMethodCommand)).execute({ paymentMethodId: args.paymentMethodId });
  }

  protected render(result: RemovedPaymentMethod): string {
    const next = result.newDefault ? `; default is now ${result.newDefault.id} ${cardLabel(result.newDefault)}` : '';
    return `Removed ${result.removed.id} ${cardLabel(result.removed)}${next}`;
  }
}
