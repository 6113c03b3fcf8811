/** Every rule id the payment context raises (`PolicyViolation.rule`). */
export const PAYMENT_RULES = {
  chargeMethodNotFound: 'payment.charge.method_not_found',
  chargeMethodActive: 'payment.charge.method_active',
  chargePositiveAmount: 'payment.charge.positive_amount',
  chargeCustomerMatchesMethod: 'payment.charge.customer_matches_method',
  chargeTokenProviderMatchesActive: 'payment.charge.token_provider_matches_active',
  methodAddNoTokenizer: 'payment.add_card.no_tokenizer',
  addCustomerExists: 'payment.add_card.customer_exists',
  addCustomerActiveOrPending: 'payment.add_card.customer_active_or_pending',
  addCardNotExpired: 'payment.add_card.card_not_expired',
  addAtMostNMethods: 'payment.add_card.at_most_n_methods',
  addLocalTokenizationMockOnly: 'payment.add_card.local_tokenization_mock_only',
  removeAlreadyRemoved: 'payment.remove_method.already_removed',
  removeNotLastIfActiveSubscription: 'payment.remove_method.not_last_if_active_subscription',
  setDefaultRemoved: 'payment.set_default.removed',
} as const;
export type PaymentRule = (typeof PAYMENT_RULES)[keyof typeof PAYMENT_RULES];

export const PAYMENT_EVENTS = {
  cardAdded: 'payment.card_added',
  defaultSet: 'payment.default_set',
  methodRemoved: 'payment.method_removed',
  initiated: 'payment.initiated',
  charged: 'payment.charged',
  declined: 'payment.declined',
  errored: 'payment.errored',
} as const;
