import { Flags } from '@oclif/core';
import { PaymentQueries, type PaymentAttemptView } from '@bss/payment';
import { formatSecond, renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class PaymentListAttempts extends BssCommand<PaymentAttemptView[]> {
  static override summary = 'List a customer’s payment attempts (approved, declined, errored), newest first';
  static override examples = ['<%= config.bin %> payment list-attempts --customer CUST-3f9a0c12'];
  static override flags = { customer: Flags.string({ description: 'Customer id', required: true }) };

  protected async execute(): Promise<PaymentAttemptView[]> {
    const { flags } = await this.parse(PaymentListAttempts);
    return (await this.service(PaymentQueries)).listAttempts(flags.customer);
  }

  protected render(attempts: PaymentAttemptView[]): string {
    return renderList(
      'Payment attempts',
      [
        { header: 'ID', value: (a) => a.id },
        { header: 'Amount', value: (a) => `${a.currency} ${a.amount}` },
        { header: 'Purpose', value: (a) => a.purpose },
        { header: 'Status', value: (a) => a.status },
        { header: 'Reason', value: (a) => a.declineReason ?? '—', maxWidth: 32 },
        { header: 'Card', value: (a) => a.paymentMethodId },
        { header: 'Idempotency key', value: (a) => a.idempotencyKey, maxWidth: 40 },
        { header: 'Created', value: (a) => formatSecond(a.createdAt) },
      ],
      attempts,
    );
  }
}
