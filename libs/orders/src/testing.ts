// Factories for specs (this context's and others'); never imported by production code.
import { randomBytes } from 'node:crypto';
import { AttestKycCommand, CreateCustomerCommand, CustomerQueries, type CustomerView } from '@bss/crm';
import { AddPaymentCardCommand, DECLINING_TEST_PAN, type PaymentMethodView } from '@bss/payment';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import { CreateOrderCommand } from './commands/create-order.command';
import { FaultProvisioningCommand } from './commands/fault-provisioning.command';
import type { OrderView } from './domain/order.views';
import type { FaultType, TaskType } from './domain/provisioning.types';
import { OrderQueries } from './queries/order.queries';

export const APPROVING_CARD = '4242424242424242';
/** Approved when added, declined by the mock gateway at charge time. */
export const DECLINING_CARD = DECLINING_TEST_PAN;

export interface OrderingCustomer {
  customer: CustomerView;
  card: PaymentMethodView | null;
}

/** An active customer, KYC-verified (prebaked attestation) and with a card on file, unless told otherwise. */
export async function givenOrderingCustomer(app: TestApp, options: { kyc?: boolean; cardNumber?: string | null } = {}): Promise<OrderingCustomer> {
  const tag = randomBytes(4).toString('hex');
  const customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Grace', familyName: 'Hopper', email: `grace.${tag}@example.com` });
  if (options.kyc ?? true) {
    await app.get(AttestKycCommand).execute({
      customerId: customer.id,
      provider: 'prebaked',
      providerReference: `PB-${tag}`,
      documentType: 'passport',
      documentNumber: `E${parseInt(tag, 16).toString().padStart(10, '0')}`,
      attestationPayload: { signature: `sig-${tag}` },
    });
  }
  const cardNumber = options.cardNumber === undefined ? APPROVING_CARD : options.cardNumber;
  const card = cardNumber ? await app.get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber, expMonth: 12, expYear: 2099 }) : null;
  return { customer: await app.get(CustomerQueries).get(customer.id), card };
}

/** Create + submit as one CLI request would (one request id); the chain then runs on `app.jobs.drain()`. */
export function placeTestOrder(app: TestApp, customerId: string, offeringId = 'PLAN_M', msisdnPreference?: string): Promise<OrderView> {
  return runWithAuth({ actor: 'test-operator', channel: 'cli' }, () =>
    app.get(CreateOrderCommand).execute({ customerId, offeringId, ...(msisdnPreference ? { msisdnPreference } : {}) }),
  );
}

/** Places an order and drains every job until the chain is done; returns the settled order tree. */
export async function placeAndSettle(app: TestApp, customerId: string, offeringId = 'PLAN_M') {
  const order = await placeTestOrder(app, customerId, offeringId);
  await app.jobs.drain();
  return app.get(OrderQueries).get(order.id);
}

export function setFault(app: TestApp, taskType: TaskType, faultType: FaultType, enabled: boolean, probability = 1) {
  return app.get(FaultProvisioningCommand).execute({ taskType, faultType, enabled, probability });
}
