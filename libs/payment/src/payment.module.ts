import { Module, type OnModuleInit } from '@nestjs/common';
import { CrmModule, FirstCardPort } from '@bss/crm';
import { defineContext, type Tx } from '@bss/platform';
import { MockPaymentGatewayAdapter } from './adapters/mock-payment-gateway.adapter';
import { PAYMENT_GATEWAY_PROVIDER } from './adapters/payment-gateway.provider';
import { AddPaymentCardCommand } from './commands/add-payment-card.command';
import { ChargePaymentCommand } from './commands/charge-payment.command';
import { RemovePaymentMethodCommand } from './commands/remove-payment-method.command';
import { SetDefaultPaymentMethodCommand } from './commands/set-default-payment-method.command';
import { PaymentAttemptEntity } from './domain/payment-attempt.entity';
import { PaymentMethodEntity } from './domain/payment-method.entity';
import { LiveLinePort } from './ports/live-line.port';
import { PaymentQueries } from './queries/payment.queries';

/** `bss admin reset`: cards, attempts and the mock provider's ledger go (ids keep counting up). */
async function resetPayments(tx: Tx): Promise<void> {
  await tx.query(`delete from payment.payment_attempt`);
  await tx.query(`delete from payment.payment_method`);
  await tx.query(`delete from payment.mock_gateway_charge`);
}

export const PAYMENT_CONTEXT = defineContext({
  name: 'payment',
  entities: [PaymentMethodEntity, PaymentAttemptEntity],
  reset: resetPayments,
  resetOrder: 60,
  forgetCustomers: async (tx, { customerIds }) => {
    await tx.query(`delete from payment.payment_attempt where customer_id = any($1)`, [customerIds]);
    const [{ paymentMethods }] = (await tx.query(
      `with gone as (delete from payment.payment_method where customer_id = any($1) returning 1) select count(*)::int as "paymentMethods" from gone`,
      [customerIds],
    )) as { paymentMethods: number }[];
    return { paymentMethods };
  },
  forgetOrder: 60,
});

const COMMANDS = [AddPaymentCardCommand, SetDefaultPaymentMethodCommand, RemovePaymentMethodCommand, ChargePaymentCommand];

/** Card holders are CRM customers (status checks, interaction history). */
@Module({
  imports: [CrmModule],
  providers: [...COMMANDS, PaymentQueries, LiveLinePort, MockPaymentGatewayAdapter, PAYMENT_GATEWAY_PROVIDER],
  exports: [...COMMANDS, PaymentQueries, LiveLinePort, MockPaymentGatewayAdapter],
})
export class PaymentModule implements OnModuleInit {
  constructor(
    private readonly firstCard: FirstCardPort,
    private readonly addCard: AddPaymentCardCommand,
  ) {}

  /** `customer.create` with a card attaches it through this, in the customer's transaction. */
  onModuleInit(): void {
    this.firstCard.register((w, customer, cardNumber) => this.addCard.executeIn(w, { customerId: customer.id, cardNumber }, customer));
  }
}
