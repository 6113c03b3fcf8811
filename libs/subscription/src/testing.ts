// Factories for specs (this context's and others'); never imported by production code.
import { randomBytes } from 'node:crypto';
import { CatalogQueries } from '@bss/catalog';
import type { CustomerView } from '@bss/crm';
import { createTestCustomer } from '@bss/crm/testing';
import { reserveTestLine } from '@bss/inventory/testing';
import type { PaymentMethodView } from '@bss/payment';
import { attachTestCard, TEST_CARDS } from '@bss/payment/testing';
import { Clock } from '@bss/platform';
import type { TestApp } from '@bss/testing';
import { ActivateSubscriptionCommand, type ActivateSubscriptionResult, type PriceSnapshotInput } from './commands/activate-subscription.command';
import type { SubscriptionView } from './domain/subscription.views';

export interface TestLineOptions {
  offeringId?: string;
  /** Default the approving 4242… card; `4000000000000002` or any text with DECLINE declines. */
  cardNumber?: string;
  /** Reuse a customer (and its cards) instead of creating one. */
  customerId?: string;
  msisdnPreference?: string;
  commercialOrderId?: string;
  /** Promo fields on top of the catalog's active price. */
  promo?: Pick<PriceSnapshotInput, 'discountType' | 'discountValue' | 'discountPeriodsTotal' | 'promoCode' | 'promoOfferDefinitionId'>;
}

export interface TestActivation {
  /** Null when an existing customer was reused. */
  customer: CustomerView | null;
  /** Null when an existing customer was reused without a new card. */
  paymentMethod: PaymentMethodView | null;
  activation: ActivateSubscriptionResult;
}

export interface TestLine extends TestActivation {
  subscription: SubscriptionView;
}

/**
 * A live line without going through orders: customer (crm), card (payment), reserved number and
 * eSIM (inventory), then ActivateSubscription with the offering's active price as the snapshot.
 * Throws when the activation charge is declined; use {@link activateTestLine} to see a decline.
 */
export async function createTestLine(app: TestApp, options: TestLineOptions = {}): Promise<TestLine> {
  const line = await activateTestLine(app, options);
  if (!line.activation.subscription) throw new Error(`test line activation was ${line.activation.outcome}`);
  return { ...line, subscription: line.activation.subscription };
}

export async function activateTestLine(app: TestApp, options: TestLineOptions = {}): Promise<TestActivation> {
  const customer = options.customerId ? null : await createTestCustomer(app);
  const customerId = options.customerId ?? customer?.id ?? '';
  const paymentMethod = options.customerId && !options.cardNumber ? null : await attachTestCard(app, customerId, options.cardNumber ?? TEST_CARDS.approves);
  const resources = await reserveTestLine(app, options.msisdnPreference);
  const offeringId = options.offeringId ?? 'PLAN_M';
  const price = await app.get(CatalogQueries).activePrice(offeringId, await app.get(Clock).now());
  const activation = await app.get(ActivateSubscriptionCommand).execute({
    commercialOrderId: options.commercialOrderId ?? `ORD-T${randomBytes(4).toString('hex')}`,
    customerId,
    offeringId,
    msisdn: resources.msisdn,
    iccid: resources.iccid,
    paymentMethodId: paymentMethod?.id,
    priceSnapshot: { priceAmount: price.amount, priceCurrency: price.currency, priceOfferingPriceId: price.id, ...options.promo },
  });
  return { customer, paymentMethod, activation };
}
