import type { TransitionTable } from '@bss/policies';

export const SERVICE_ORDER_STATES = ['acknowledged', 'in_progress', 'completed', 'failed'] as const;
export type ServiceOrderState = (typeof SERVICE_ORDER_STATES)[number];

export const SERVICE_ORDER_TRIGGERS = ['start', 'complete', 'fail', 'reopen'] as const;
export type ServiceOrderTrigger = (typeof SERVICE_ORDER_TRIGGERS)[number];

/** SOM service order (TMF641). `reopen` follows an operator retry of its failed task. */
export const SERVICE_ORDER_TRANSITIONS: TransitionTable<ServiceOrderState, ServiceOrderTrigger> = {
  start: { from: ['acknowledged'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'completed' },
  fail: { from: ['acknowledged', 'in_progress'], to: 'failed' },
  reopen: { from: ['failed'], to: 'in_progress' },
};
