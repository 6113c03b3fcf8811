/** Every rule id this context raises (`<aggregate>.<verb>.<rule>`), and the rejection reasons it records. */
export const SUBSCRIPTION_RULES = {
  notFound: 'subscription.not_found',
  createRequiresCustomer: 'subscription.create.requires_customer',
  createMsisdnAndEsimReserved: 'subscription.create.msisdn_and_esim_reserved',
  createRequiresActivePrice: 'subscription.create.requires_active_price',
  createRequiresPaymentSuccess: 'subscription.create.requires_payment_success',
  transitionInvalid: 'subscription.transition.invalid',
  terminateInvalidState: 'subscription.terminate.invalid_state',
  renewOnlyIfActiveOrBlocked: 'subscription.renew.only_if_active_or_blocked',
  renewNoPaymentMethod: 'subscription.renew.no_payment_method',
  vasNotIfTerminated: 'subscription.vas.not_if_terminated',
  vasOfferingSellable: 'subscription.vas.vas_offering_sellable',
  vasRequiresActiveCof: 'subscription.vas.requires_active_cof',
  usageRatedRoamingBalanceRequired: 'subscription.usage_rated.roaming_balance_required',
  planChangeNotEligibleState: 'subscription.plan_change.not_eligible_state',
  planChangeSameOffering: 'subscription.plan_change.same_offering',
  planChangeAlreadyPending: 'subscription.plan_change.already_pending',
  planChangeTargetNotSellableNow: 'subscription.plan_change.target_not_sellable_now',
  planChangeTargetNoActivePrice: 'subscription.plan_change.target_no_active_price',
  /** A pending operator price migration is not the customer's to cancel. */
  cancelPlanChangeNotAPlanChange: 'subscription.cancel_plan_change.not_a_plan_change',
  adminOnly: 'subscription.admin_only',
  migratePriceUnsupportedFilter: 'subscription.migrate_price.unsupported_filter',
  migratePriceUnknownPrice: 'subscription.migrate_price.unknown_price',
  migratePricePriceNotOnOffering: 'subscription.migrate_price.price_not_on_offering',
  adjustBalanceLineLive: 'subscription.adjust_balance.line_active_or_blocked',
  adjustBalanceNonZeroQuantity: 'subscription.adjust_balance.non_zero_quantity',
  adjustBalanceWithinCap: 'subscription.adjust_balance.within_cap',
  adjustBalanceUnitMatchesBucket: 'subscription.adjust_balance.unit_matches_bucket',
  adjustBalanceLimitedBucket: 'subscription.adjust_balance.limited_bucket',
  adjustBalanceNoNegativeRemaining: 'subscription.adjust_balance.no_negative_remaining',
  /** TMF654 `PUT …/status`: a top-up or a transfer is applied when it is created; its status can only be read back. */
  vasPurchaseFinal: 'subscription.vas.purchase_final',
  transferBalanceFinal: 'subscription.transfer_balance.final',
  transferBalanceDistinctLines: 'subscription.transfer_balance.distinct_lines',
  transferBalanceSameCustomer: 'subscription.transfer_balance.same_customer',
  transferBalanceLinesActive: 'subscription.transfer_balance.lines_active',
  transferBalanceSameUnit: 'subscription.transfer_balance.same_unit',
  transferBalanceLimitedBuckets: 'subscription.transfer_balance.limited_buckets',
  transferBalanceEnoughRemaining: 'subscription.transfer_balance.enough_remaining',
  usagePositiveQuantity: 'usage.record.positive_quantity',
  usageValidEventType: 'usage.record.valid_event_type',
  usageSubscriptionMustExist: 'usage.record.subscription_must_exist',
  usageMsisdnBelongsToSubscription: 'usage.record.msisdn_belongs_to_subscription',
  usageSubscriptionMustBeActive: 'usage.record.subscription_must_be_active',
} as const;
export type SubscriptionRule = (typeof SUBSCRIPTION_RULES)[keyof typeof SUBSCRIPTION_RULES];

/** Reasons recorded on `usage.rejected` / `usage.unrated` events; not rule ids a caller sees as PV. */
export const USAGE_REJECTION_REASONS = {
  noRoamingAllowance: 'rating.no_roaming_allowance',
  noMatchingAllowance: 'rating.no_matching_allowance',
} as const;
