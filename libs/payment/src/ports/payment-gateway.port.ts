import type { CardBrand, GatewayOutcomeStatus, TokenProvider } from '#payment/domain/payment.values';

export interface CardDetails {
  /** Digits without separators, or test text carrying a FAIL / DECLINE marker. */
  cardNumber: string;
  expMonth: number;
  expYear: number;
}

export interface CardToken {
  token: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface ChargeRequest {
  /** The gateway's own idempotency: the same key never moves money twice. */
  idempotencyKey: string;
  token: string;
  /** Decimal string, e.g. "25.00". */
  amount: string;
  currency: string;
  /** Our attempt id, for the provider's dashboard and the external-call log. */
  reference: string;
}

export interface ChargeOutcome {
  status: GatewayOutcomeStatus;
  gatewayRef: string | null;
  declineReason: string | null;
  declineCode: string | null;
}

/**
 * The payment provider, seen from our side. `charge` returns a definite outcome (approved,
 * declined, or errored = the provider refused the request itself); when the outcome is unknown
 * (network failure, provider 5xx) it throws, and asking again with the same key is safe.
 */
export abstract class PaymentGateway {
  abstract readonly provider: TokenProvider;
  /** False when the provider is selected but lacks its credentials. */
  abstract readonly configured: boolean;
  abstract tokenize(card: CardDetails): Promise<CardToken>;
  abstract charge(request: ChargeRequest): Promise<ChargeOutcome>;
}
