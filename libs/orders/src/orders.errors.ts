/**
 * Every rule id the orders context (COM, SOM, provisioning) raises as a PolicyViolation.
 * Unknown ids of its own aggregates are `NotFound`; malformed input is `InvalidInput`.
 */
export const ORDER_RULES = {
  customerNotFound: 'order.create.customer_not_found',
  offeringNotFound: 'order.create.offering_not_found',
  offeringNotSellableNow: 'policy.offering.not_sellable_now',
  noPaymentMethod: 'order.create.no_payment_method',
  requiresVerifiedCustomer: 'order.create.requires_verified_customer',
  submitNoPaymentMethod: 'order.submit.no_payment_method',
  orderTransition: 'order.transition.invalid',
  cancelAfterSomStarted: 'order.cancel.forbidden_after_som_started',

  serviceOrderTransition: 'service_order.transition.invalid',
  serviceTransition: 'service.transition.invalid',

  taskTransition: 'provisioning_task.transition.invalid',
  taskRetryRequiresFailed: 'prov.retry.requires_failed_state',
  taskRetryMaxAttempts: 'prov.retry.max_attempts',
  taskResolveRequiresStuck: 'prov.resolve.requires_stuck_state',
  resolveRequiresNote: 'prov.resolve.requires_note',
  faultRuleNotFound: 'prov.fault.not_found',
  faultRuleAdminOnly: 'prov.fault.admin_only',
} as const;
export type OrderRule = (typeof ORDER_RULES)[keyof typeof ORDER_RULES];
