import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { SERVICE_STATES, SERVICE_TRANSITIONS, type ServiceState, type ServiceTrigger } from './service.state';

const LEGAL: Record<ServiceTrigger, Partial<Record<ServiceState, ServiceState>>> = {
  reserve: { designed: 'reserved' },
  activate: { reserved: 'activated' },
  fail: { designed: 'failed', reserved: 'failed' },
  terminate: { activated: 'terminated' },
  reopen: { failed: 'reserved' },
};

describe('SERVICE_TRANSITIONS', () => {
  for (const trigger of Object.keys(LEGAL) as ServiceTrigger[]) {
    for (const from of SERVICE_STATES) {
      const to = LEGAL[trigger][from];
      const fire = () => assertTransition(SERVICE_TRANSITIONS, from, trigger, 'service.transition.invalid', { type: 'service', id: 'SVC-0001' });
      if (to) it(`${from} -${trigger}→ ${to}`, () => expect(fire()).toBe(to));
      else it(`refuses ${trigger} from ${from}`, () => expect(fire).toThrow(PolicyViolation));
    }
  }

  it('has no transition the expectations do not list', () => {
    expect(Object.keys(SERVICE_TRANSITIONS).sort()).toEqual(Object.keys(LEGAL).sort());
  });
});
