import { Flags } from '@oclif/core';
import { cardLabel, PaymentQueries, type PaymentMethodView } from '@bss/payment';
import { renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class PaymentListMethods extends BssCommand<PaymentMethodView[]> {
  static override summary = 'List a customer’s active cards, newest first';
  static override examples = ['<%= config.bin %> payment list-methods --customer CUST-3f9a0c12', '<%= config.bin %> payment list-methods --customer CUST-3f9a0c12 --json'];
  static override flags = { customer: Flags.string({ description: 'Customer id', required: true }) };

  protected async execute(): Promise<PaymentMethodView[]> {
    const { flags } = await this.parse(PaymentListMethods);
    return (await this.service(PaymentQueries)).listMethods(flags.customer);
  }

  protected render(cards: PaymentMethodView[]): string {
    return renderList(
      'Payment methods',
      [
        { header: 'ID', value: (c) => c.id },
        { header: 'Card', value: (c) => cardLabel(c) },
        { header: 'Expires', value: (c) => `${String(c.expMonth).padStart(2, '0')}/${c.expYear}` },
        { header: 'Default', value: (c) => (c.isDefault ? '★' : '') },
        { header: 'Provider', value: (c) => c.tokenProvider },
      ],
      cards,
    );
  }
}
