import type { TransitionTable } from '@bss/policies';
import type { CustomerStatus } from './crm.values';

export const CUSTOMER_TRIGGERS = ['activate', 'suspend', 'close'] as const;
export type CustomerTrigger = (typeof CUSTOMER_TRIGGERS)[number];

/** `closed` is terminal. Customers are created `active`; `pending` exists for channels that onboard in steps. */
export const CUSTOMER_TRANSITIONS: TransitionTable<CustomerStatus, CustomerTrigger> = {
  activate: { from: ['pending', 'suspended'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  close: { from: ['pending', 'active', 'suspended'], to: 'closed' },
};

/** ChangeCustomerStatus names the target status; this is the trigger that reaches it. */
export const CUSTOMER_TRIGGER_BY_TARGET: Readonly<Record<Exclude<CustomerStatus, 'pending'>, CustomerTrigger>> = {
  active: 'activate',
  suspended: 'suspend',
  closed: 'close',
};
