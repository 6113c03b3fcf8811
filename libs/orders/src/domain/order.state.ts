import type { TransitionTable } from '@bss/policies';

export const ORDER_STATES = ['acknowledged', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_TRIGGERS = ['submit', 'cancel', 'complete', 'fail', 'reopen'] as const;
export type OrderTrigger = (typeof ORDER_TRIGGERS)[number];

/**
 * COM product order (TMF622). Cancelling an in-progress order is further guarded by
 * `order.cancel.forbidden_after_som_started`; `reopen` exists only for an operator retry of the
 * provisioning task that failed the order (nothing was charged yet).
 */
export const ORDER_TRANSITIONS: TransitionTable<OrderState, OrderTrigger> = {
  submit: { from: ['acknowledged'], to: 'in_progress' },
  cancel: { from: ['acknowledged', 'in_progress'], to: 'cancelled' },
  complete: { from: ['in_progress'], to: 'completed' },
  fail: { from: ['in_progress'], to: 'failed' },
  reopen: { from: ['failed'], to: 'in_progress' },
};

export const ORDER_EVENT_BY_TRIGGER: Readonly<Record<OrderTrigger, string>> = {
  submit: 'order.submitted',
  cancel: 'order.cancelled',
  complete: 'order.completed',
  fail: 'order.failed',
  reopen: 'order.reopened',
};

/** Failure reasons COM records on the order. */
export const ORDER_FAILURE_REASONS = {
  activationPaymentDeclined: 'activation_payment_declined',
  lineResourcesUnavailable: 'line_resources_unavailable',
  provisioningFailed: 'provisioning_failed',
  activationRefused: 'activation_refused',
} as const;
export type OrderFailureReason = (typeof ORDER_FAILURE_REASONS)[keyof typeof ORDER_FAILURE_REASONS];
