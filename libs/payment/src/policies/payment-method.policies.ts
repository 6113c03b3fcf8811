import { PolicyViolation } from '@bss/platform';
import { PAYMENT_RULES } from '#payment/payment.errors';
import { MAX_ACTIVE_METHODS, type PaymentMethodStatus, type TokenProvider } from '#payment/domain/payment.values';

/** Customer statuses that may hold a card (CRM's `pending` onboarding and `active`). */
export const CARD_HOLDING_CUSTOMER_STATUSES = ['active', 'pending'] as const;

export function assertCustomerExists(customerId: string, customer: { status: string } | null): asserts customer is { status: string } {
  if (!customer) throw new PolicyViolation(PAYMENT_RULES.addCustomerExists, `Customer ${customerId} does not exist`, { customerId });
}

export function assertCustomerActiveOrPending(customerId: string, status: string): void {
  if (!(CARD_HOLDING_CUSTOMER_STATUSES as readonly string[]).includes(status)) {
    throw new PolicyViolation(PAYMENT_RULES.addCustomerActiveOrPending, `Customer ${customerId} is ${status}; only active or pending customers can add a card`, {
      customerId,
      status,
    });
  }
}

/** A card is good through the last day of its expiry month (by the simulated clock, UTC). */
export function assertCardNotExpired(expMonth: number, expYear: number, now: Date): void {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  if (expYear < year || (expYear === year && expMonth < month)) {
    throw new PolicyViolation(PAYMENT_RULES.addCardNotExpired, `The card expired ${String(expMonth).padStart(2, '0')}/${expYear}`, {
      expMonth,
      expYear,
      now: now.toISOString(),
    });
  }
}

export function assertUnderMethodLimit(customerId: string, activeMethods: number): void {
  if (activeMethods >= MAX_ACTIVE_METHODS) {
    throw new PolicyViolation(PAYMENT_RULES.addAtMostNMethods, `Customer ${customerId} already has ${activeMethods} active cards (at most ${MAX_ACTIVE_METHODS})`, {
      customerId,
      activeMethods,
      max: MAX_ACTIVE_METHODS,
    });
  }
}

export function assertTokenizerConfigured(provider: TokenProvider, configured: boolean): void {
  if (!configured) {
    throw new PolicyViolation(PAYMENT_RULES.methodAddNoTokenizer, `The ${provider} payment provider is not configured (set BSS_PAYMENT_STRIPE_API_KEY)`, { provider });
  }
}

/**
 * A PAN typed into a terminal may only go to the mock tokenizer: real cards are tokenized by the
 * provider's hosted page, so a raw PAN never has to pass through this system.
 */
export function assertLocalTokenizationAllowed(provider: TokenProvider): void {
  if (provider !== 'mock') {
    throw new PolicyViolation(PAYMENT_RULES.addLocalTokenizationMockOnly, `Cards can be attached from the CLI only with BSS_PAYMENT_PROVIDER=mock (active: ${provider})`, {
      provider,
    });
  }
}

export function assertRemovable(method: { id: string; status: PaymentMethodStatus }, otherActiveMethods: number, hasLiveLine: boolean): void {
  if (method.status === 'removed') {
    throw new PolicyViolation(PAYMENT_RULES.removeAlreadyRemoved, `Payment method ${method.id} is already removed`, { paymentMethodId: method.id });
  }
  if (method.status === 'active' && otherActiveMethods === 0 && hasLiveLine) {
    throw new PolicyViolation(
      PAYMENT_RULES.removeNotLastIfActiveSubscription,
      `Payment method ${method.id} is the last card and the customer has a live line; add another card first`,
      { paymentMethodId: method.id },
    );
  }
}

export function assertCanBeDefault(method: { id: string; status: PaymentMethodStatus }): void {
  if (method.status !== 'active') {
    throw new PolicyViolation(PAYMENT_RULES.setDefaultRemoved, `Payment method ${method.id} is ${method.status}; only an active card can be the default`, {
      paymentMethodId: method.id,
      status: method.status,
    });
  }
}
