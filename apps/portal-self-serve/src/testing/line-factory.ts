import { AttestKycCommand, CreateCustomerCommand } from '@bss/crm';
import { CreateOrderCommand, OrderQueries } from '@bss/orders';
import { AddPaymentCardCommand, type PaymentMethodView } from '@bss/payment';
import { SubscriptionQueries, type SubscriptionView } from '@bss/subscription';
import type { PortalTestApp } from './portal-test-app';

export interface CustomerWithLine {
  customerId: string;
  email: string;
  line: SubscriptionView;
  card: PaymentMethodView;
}

/** A KYC-verified customer with a card and one active line, made through the domain commands. */
export async function customerWithLine(t: PortalTestApp, email: string, offeringId = 'PLAN_M'): Promise<CustomerWithLine> {
  const customer = await t.get(CreateCustomerCommand).execute({ givenName: 'Test', familyName: email.split('@')[0], email, phone: '+6591234000' });
  await t.get(AttestKycCommand).execute({
    customerId: customer.id,
    provider: 'prebaked',
    providerReference: `prebaked-simulated-v1::${email}`,
    documentType: 'passport',
    documentNumber: `E${Math.floor(Math.random() * 1e7)}`,
    documentCountry: 'SG',
    dateOfBirth: '1990-01-01',
    attestationPayload: { signature: 'test-signature' },
  });
  const card = await t.get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 12, expYear: 2031 });
  const order = await t.get(CreateOrderCommand).execute({ customerId: customer.id, offeringId });
  // Drain in this process; with background workers also running, wait for them to finish the chain.
  let done = await t.get(OrderQueries).get(order.id);
  for (let i = 0; i < 300 && done.state !== 'completed' && done.state !== 'failed'; i++) {
    await t.jobs.drain();
    done = await t.get(OrderQueries).get(order.id);
    if (done.state !== 'completed' && done.state !== 'failed') await new Promise((r) => setTimeout(r, 100));
  }
  const subscriptionId = done.subscriptionId ?? done.item.targetSubscriptionId;
  if (!subscriptionId) throw new Error(`order ${order.id} did not activate: ${done.state} ${done.failureReason ?? ''}`);
  return { customerId: customer.id, email, line: await t.get(SubscriptionQueries).get(subscriptionId), card };
}
