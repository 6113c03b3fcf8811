/** Every rule id the payment context raises (`PolicyViolation.rule`). */
export const PAYMENT_RULES = {
  chargeMethodNotFound: 'payment.charge.method_not_found',
  chargeMethodActive: 'payment.charge.method_active',
  chargePositiveAmount: 'payment.charge.positive_amount',
  chargeCustomerMatchesMethod: 'payment.charge.customer_matches_method',
  chargeTokenProviderMatchesActive: 'payment.charge.token_provider_matches_active',
  methodAddNoTokenizer: 'payment.method.add.no_tokenizer',
  addCustomerExists: 'payment_method.add.customer_exists',
  addCustomerActiveOrPending: 'payment_method.add.customer_active_or_pending',
  addCardNotExpired: 'payment_method.add.card_not_expired',
  addAtMostNMethods: 'payment_method.add.at_most_n_methods',
  addLocalTokenizationMockOnly: 'payment_method.add.local_tokenization_mock_only',
  removeAlreadyRemoved: 'payment_method.remove.already_removed',
  removeNotLastIfActiveSubscription: 'payment_method.remove.not_last_if_active_subscription',
  setDefaultRemoved: 'payment_method.set_default.removed',
} as const;
export type PaymentRule = (typeof PAYMENT_RULES)[keyof typeof PAYMENT_RULES];

export const PAYMENT_EVENTS = {
  methodAdded: 'payment_method.added',
  methodDefaultChanged: 'payment_method.default_changed',
  methodRemoved: 'payment_method.removed',
  initiated: 'payment.initiated',
  charged: 'payment.charged',
  declined: 'payment.declined',
  errored: 'payment.errored',
} as const;
