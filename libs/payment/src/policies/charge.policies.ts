import { PolicyViolation } from '@bss/platform';
import { PAYMENT_RULES } from '#payment/payment.errors';
import { isPositiveAmount, type PaymentMethodStatus, type TokenProvider } from '#payment/domain/payment.values';

export interface ChargeableMethod {
  id: string;
  customerId: string;
  status: PaymentMethodStatus;
  tokenProvider: TokenProvider;
}

export interface ChargeFacts<M extends ChargeableMethod> {
  /** What the caller asked for (absent: the customer's default, else newest, card). */
  requestedMethodId?: string;
  method: M | null;
  customerId: string;
  amount: string;
  activeProvider: TokenProvider;
}

/** The charge checks, in the spec's order: exists → active → amount > 0 → owner → provider. Returns the method. */
export function assertChargeable<M extends ChargeableMethod>(facts: ChargeFacts<M>): M {
  const { method } = facts;
  if (!method) {
    throw new PolicyViolation(
      PAYMENT_RULES.chargeMethodNotFound,
      facts.requestedMethodId ? `Payment method ${facts.requestedMethodId} does not exist` : `Customer ${facts.customerId} has no card on file`,
      { customerId: facts.customerId, paymentMethodId: facts.requestedMethodId ?? null },
    );
  }
  if (method.status !== 'active') {
    throw new PolicyViolation(PAYMENT_RULES.chargeMethodActive, `Payment method ${method.id} is ${method.status}`, { paymentMethodId: method.id, status: method.status });
  }
  if (!isPositiveAmount(facts.amount)) {
    throw new PolicyViolation(PAYMENT_RULES.chargePositiveAmount, `A charge must be more than 0 (got ${facts.amount})`, { amount: facts.amount });
  }
  if (method.customerId !== facts.customerId) {
    throw new PolicyViolation(PAYMENT_RULES.chargeCustomerMatchesMethod, `Payment method ${method.id} belongs to another customer`, {
      paymentMethodId: method.id,
      customerId: facts.customerId,
    });
  }
  assertTokenProviderMatches(method, facts.activeProvider);
  return method;
}

/** A token is only meaningful to the provider that minted it. */
export function assertTokenProviderMatches(method: ChargeableMethod, activeProvider: TokenProvider): void {
  if (method.tokenProvider !== activeProvider) {
    throw new PolicyViolation(
      PAYMENT_RULES.chargeTokenProviderMatchesActive,
      `Payment method ${method.id} was tokenized by ${method.tokenProvider}, but the active provider is ${activeProvider}`,
      { paymentMethodId: method.id, tokenProvider: method.tokenProvider, activeProvider },
    );
  }
}
