import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { ORDER_STATES, ORDER_TRANSITIONS, type OrderState, type OrderTrigger } from './order.state';

// Written out independently of the table, so a wrong edit of the table fails here.
const LEGAL: Record<OrderTrigger, Partial<Record<OrderState, OrderState>>> = {
  submit: { acknowledged: 'in_progress' },
  cancel: { acknowledged: 'cancelled', in_progress: 'cancelled' },
  complete: { in_progress: 'completed' },
  fail: { in_progress: 'failed' },
  reopen: { failed: 'in_progress' },
};

describe('ORDER_TRANSITIONS', () => {
  for (const trigger of Object.keys(LEGAL) as OrderTrigger[]) {
    for (const from of ORDER_STATES) {
      const to = LEGAL[trigger][from];
      if (to) {
        it(`${from} -${trigger}→ ${to}`, () => {
          expect(assertTransition(ORDER_TRANSITIONS, from, trigger, 'order.transition.invalid', { type: 'order', id: 'ORD-0001' })).toBe(to);
        });
      } else {
        it(`refuses ${trigger} from ${from}`, () => {
          expect(() => assertTransition(ORDER_TRANSITIONS, from, trigger, 'order.transition.invalid', { type: 'order', id: 'ORD-0001' })).toThrow(PolicyViolation);
        });
      }
    }
  }

  it('has no transition the expectations do not list', () => {
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual(Object.keys(LEGAL).sort());
  });
});
