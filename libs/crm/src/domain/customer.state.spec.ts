import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { CUSTOMER_STATUSES, type CustomerStatus } from './crm.values';
import { CUSTOMER_TRANSITIONS, CUSTOMER_TRIGGERS, type CustomerTrigger } from './customer.state';

const ALLOWED: Record<CustomerTrigger, Partial<Record<CustomerStatus, CustomerStatus>>> = {
  activate: { pending: 'active', suspended: 'active' },
  suspend: { active: 'suspended' },
  close: { pending: 'closed', active: 'closed', suspended: 'closed' },
};

const move = (from: CustomerStatus, trigger: CustomerTrigger) =>
  assertTransition(CUSTOMER_TRANSITIONS, from, trigger, 'customer.transition.valid_from_state', { type: 'customer', id: 'CUST-00000001' });

describe('CUSTOMER_TRANSITIONS', () => {
  const pairs = CUSTOMER_STATUSES.flatMap((from) => CUSTOMER_TRIGGERS.map((trigger) => [from, trigger] as const));

  it.each(pairs.filter(([from, trigger]) => ALLOWED[trigger][from]))('%s -%s→ allowed', (from, trigger) => {
    expect(move(from, trigger)).toBe(ALLOWED[trigger][from]);
  });

  it.each(pairs.filter(([from, trigger]) => !ALLOWED[trigger][from]))('%s -%s→ refused', (from, trigger) => {
    expect(() => move(from, trigger)).toThrow(PolicyViolation);
  });
});
