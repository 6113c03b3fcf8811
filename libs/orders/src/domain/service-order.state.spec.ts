import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { SERVICE_ORDER_STATES, SERVICE_ORDER_TRANSITIONS, type ServiceOrderState, type ServiceOrderTrigger } from './service-order.state';

const LEGAL: Record<ServiceOrderTrigger, Partial<Record<ServiceOrderState, ServiceOrderState>>> = {
  start: { acknowledged: 'in_progress' },
  complete: { in_progress: 'completed' },
  fail: { acknowledged: 'failed', in_progress: 'failed' },
  reopen: { failed: 'in_progress' },
};

describe('SERVICE_ORDER_TRANSITIONS', () => {
  for (const trigger of Object.keys(LEGAL) as ServiceOrderTrigger[]) {
    for (const from of SERVICE_ORDER_STATES) {
      const to = LEGAL[trigger][from];
      const fire = () => assertTransition(SERVICE_ORDER_TRANSITIONS, from, trigger, 'service_order.transition.invalid', { type: 'service_order', id: 'SO-0001' });
      if (to) it(`${from} -${trigger}→ ${to}`, () => expect(fire()).toBe(to));
      else it(`refuses ${trigger} from ${from}`, () => expect(fire).toThrow(PolicyViolation));
    }
  }

  it('has no transition the expectations do not list', () => {
    expect(Object.keys(SERVICE_ORDER_TRANSITIONS).sort()).toEqual(Object.keys(LEGAL).sort());
  });
});
