import { PolicyViolation } from '@bss/platform';
import { ORDER_RULES } from '#orders/orders.errors';

/** What the order rules need to know about a customer (read through crm's public query). */
export interface OrderingCustomer {
  id: string;
  kycStatus: string;
}

/** What the order rules need to know about an offering (read through catalog's public query). */
export interface OrderingOffering {
  id: string;
  isSellable: boolean;
  lifecycleStatus: string;
  validFrom: Date | null;
  validTo: Date | null;
}

export function assertCustomerFound<C extends OrderingCustomer>(customer: C | null, customerId: string): asserts customer is C {
  if (!customer) throw new PolicyViolation(ORDER_RULES.customerNotFound, `Customer ${customerId} does not exist`, { customerId });
}

export function assertOfferingFound<O extends OrderingOffering>(offering: O | null, offeringId: string): asserts offering is O {
  if (!offering) throw new PolicyViolation(ORDER_RULES.offeringNotFound, `Offering ${offeringId} does not exist`, { offeringId });
}

/** Ordering needs a verified KYC attestation on the customer (issue #4: always on, not behind a flag). */
export function assertCustomerKycVerified(customer: OrderingCustomer): void {
  if (customer.kycStatus !== 'verified') {
    throw new PolicyViolation(ORDER_RULES.requiresVerifiedCustomer, `Customer ${customer.id} has no verified KYC attestation (kyc status: ${customer.kycStatus})`, {
      customerId: customer.id,
      kycStatus: customer.kycStatus,
    });
  }
}

/**
 * Sellable now: flagged sellable, lifecycle `active`, inside its window (end exclusive) and with
 * an active recurring price at `at` (the caller passes null when catalog has none).
 */
export function assertOfferingSellableNow(offering: OrderingOffering, activePriceId: string | null, at: Date): void {
  const inWindow = (!offering.validFrom || offering.validFrom <= at) && (!offering.validTo || offering.validTo > at);
  const reason = !offering.isSellable
    ? 'it is not sellable'
    : offering.lifecycleStatus !== 'active'
      ? `its lifecycle status is ${offering.lifecycleStatus}`
      : !inWindow
        ? 'it is outside its sales window'
        : activePriceId === null
          ? 'it has no active price'
          : null;
  if (reason) {
    throw new PolicyViolation(ORDER_RULES.offeringNotSellableNow, `Offering ${offering.id} cannot be ordered now: ${reason}`, {
      offeringId: offering.id,
      at: at.toISOString(),
    });
  }
}

export function assertHasPaymentMethod(hasActiveMethod: boolean, customerId: string): void {
  if (!hasActiveMethod) {
    throw new PolicyViolation(ORDER_RULES.noPaymentMethod, `Customer ${customerId} has no active card on file; add one before ordering`, { customerId });
  }
}

/** Submit pins the card the activation will charge; it may have been removed since create. */
export function assertSubmitHasPaymentMethod<M extends { id: string }>(method: M | null, orderId: string, customerId: string): asserts method is M {
  if (!method) {
    throw new PolicyViolation(ORDER_RULES.submitNoPaymentMethod, `Order ${orderId} cannot be submitted: customer ${customerId} has no active card on file`, {
      orderId,
      customerId,
    });
  }
}

/** An in-progress order may be cancelled only while every service order is still `acknowledged`. */
export function assertCancelBeforeSomStarted(order: { id: string; state: string }, serviceOrderStates: readonly string[]): void {
  if (order.state !== 'in_progress') return;
  const started = serviceOrderStates.filter((s) => s !== 'acknowledged');
  if (started.length > 0) {
    throw new PolicyViolation(ORDER_RULES.cancelAfterSomStarted, `Order ${order.id} cannot be cancelled: service order management has started`, {
      orderId: order.id,
      serviceOrderStates,
    });
  }
}
