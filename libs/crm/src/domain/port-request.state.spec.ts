import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { PORT_REQUEST_STATES, PORT_REQUEST_TRANSITIONS, PORT_REQUEST_TRIGGERS, type PortRequestState, type PortRequestTrigger } from './port-request.state';

const ALLOWED: Record<PortRequestTrigger, Partial<Record<PortRequestState, PortRequestState>>> = {
  validate: { requested: 'validated' },
  approve: { requested: 'completed', validated: 'completed' },
  reject: { requested: 'rejected', validated: 'rejected' },
};

const move = (from: PortRequestState, trigger: PortRequestTrigger) =>
  assertTransition(PORT_REQUEST_TRANSITIONS, from, trigger, 'port_request.transition.valid', { type: 'port_request', id: 'PORT-0000000A' });

describe('PORT_REQUEST_TRANSITIONS', () => {
  const pairs = PORT_REQUEST_STATES.flatMap((from) => PORT_REQUEST_TRIGGERS.map((trigger) => [from, trigger] as const));

  it.each(pairs.filter(([from, trigger]) => ALLOWED[trigger][from]))('%s -%s→ allowed', (from, trigger) => {
    expect(move(from, trigger)).toBe(ALLOWED[trigger][from]);
  });

  it.each(pairs.filter(([from, trigger]) => !ALLOWED[trigger][from]))('%s -%s→ refused', (from, trigger) => {
    expect(() => move(from, trigger)).toThrow(PolicyViolation);
  });
});
