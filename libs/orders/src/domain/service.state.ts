import type { TransitionTable } from '@bss/policies';

/** `feasibility_checked` is part of the TMF638 vocabulary but no trigger leads to it. */
export const SERVICE_STATES = ['feasibility_checked', 'designed', 'reserved', 'activated', 'failed', 'terminated'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export const SERVICE_TRIGGERS = ['reserve', 'activate', 'fail', 'terminate', 'reopen'] as const;
export type ServiceTrigger = (typeof SERVICE_TRIGGERS)[number];

/** SOM service (CFS/RFS, TMF638). */
export const SERVICE_TRANSITIONS: TransitionTable<ServiceState, ServiceTrigger> = {
  reserve: { from: ['designed'], to: 'reserved' },
  activate: { from: ['reserved'], to: 'activated' },
  fail: { from: ['designed', 'reserved'], to: 'failed' },
  terminate: { from: ['activated'], to: 'terminated' },
  reopen: { from: ['failed'], to: 'reserved' },
};
