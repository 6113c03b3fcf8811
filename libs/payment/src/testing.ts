// Factories for other contexts' specs (never imported by production code).
import type { TestApp } from '@bss/testing';
import { AddPaymentCardCommand } from './commands/add-payment-card.command';
import type { PaymentMethodView } from './domain/payment.views';

/** Cards the mock gateway knows: one that is approved, one that is declined at charge time. */
export const TEST_CARDS = { approves: '4242424242424242', declines: '4000000000000002' } as const;

export function attachTestCard(app: TestApp, customerId: string, cardNumber: string = TEST_CARDS.approves): Promise<PaymentMethodView> {
  return app.get(AddPaymentCardCommand).execute({ customerId, cardNumber });
}
