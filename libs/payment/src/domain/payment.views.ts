import type { PaymentAttemptEntity } from './payment-attempt.entity';
import type { PaymentMethodEntity } from './payment-method.entity';
import type { CardBrand, PaymentAttemptStatus, PaymentMethodStatus, PaymentPurpose, TokenProvider } from './payment.values';

export interface PaymentMethodView {
  id: string;
  customerId: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
  status: PaymentMethodStatus;
  tokenProvider: TokenProvider;
  createdAt: Date;
}

/** A card as the cockpit's 360 lists it: only what its payment-methods panel shows. */
export type CardSummaryView = Pick<PaymentMethodView, 'id' | 'brand' | 'last4' | 'isDefault' | 'status'>;

export interface PaymentAttemptView {
  id: string;
  customerId: string;
  paymentMethodId: string;
  amount: string;
  currency: string;
  purpose: PaymentPurpose;
  /** A completed charge is approved, declined or errored; `pending` only shows for an interrupted one. */
  status: PaymentAttemptStatus;
  declineReason: string | null;
  declineCode: string | null;
  gatewayRef: string | null;
  idempotencyKey: string;
  createdAt: Date;
}

// The token stays inside the context: callers charge by method id.
export function toPaymentMethodView(row: PaymentMethodEntity): PaymentMethodView {
  return {
    id: row.id,
    customerId: row.customerId,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.expMonth,
    expYear: row.expYear,
    isDefault: row.isDefault,
    status: row.status,
    tokenProvider: row.tokenProvider,
    createdAt: row.createdAt,
  };
}

export function toPaymentAttemptView(row: PaymentAttemptEntity): PaymentAttemptView {
  return {
    id: row.id,
    customerId: row.customerId,
    paymentMethodId: row.paymentMethodId,
    amount: row.amount,
    currency: row.currency,
    purpose: row.purpose,
    status: row.status,
    declineReason: row.declineReason,
    declineCode: row.declineCode,
    gatewayRef: row.gatewayRef,
    idempotencyKey: row.idempotencyKey,
    createdAt: row.createdAt,
  };
}

/** `visa•••4242`: how a card is named to people everywhere. */
export function cardLabel(method: { brand: string; last4: string }): string {
  return `${method.brand}•••${method.last4}`;
}
