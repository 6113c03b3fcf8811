import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { CASE_STATES, CASE_TRANSITIONS, CASE_TRIGGERS, type CaseState, type CaseTrigger } from './case.state';

const ALLOWED: Record<CaseTrigger, Partial<Record<CaseState, CaseState>>> = {
  take: { open: 'in_progress' },
  await_customer: { in_progress: 'pending_customer' },
  resume: { pending_customer: 'in_progress' },
  resolve: { open: 'resolved', in_progress: 'resolved' },
  close: { resolved: 'closed' },
  cancel: { open: 'closed', in_progress: 'closed', pending_customer: 'closed' },
};

const move = (from: CaseState, trigger: CaseTrigger) =>
  assertTransition(CASE_TRANSITIONS, from, trigger, 'case.transition.valid_from_state', { type: 'case', id: 'CASE-00000001' });

describe('CASE_TRANSITIONS', () => {
  const pairs = CASE_STATES.flatMap((from) => CASE_TRIGGERS.map((trigger) => [from, trigger] as const));

  it.each(pairs.filter(([from, trigger]) => ALLOWED[trigger][from]))('%s -%s→ allowed', (from, trigger) => {
    expect(move(from, trigger)).toBe(ALLOWED[trigger][from]);
  });

  it.each(pairs.filter(([from, trigger]) => !ALLOWED[trigger][from]))('%s -%s→ refused', (from, trigger) => {
    expect(() => move(from, trigger)).toThrow(PolicyViolation);
    try {
      move(from, trigger);
    } catch (error) {
      expect((error as PolicyViolation).rule).toBe('case.transition.valid_from_state');
    }
  });

  it('has no way out of closed (no reopen)', () => {
    expect(CASE_TRIGGERS.filter((t) => CASE_TRANSITIONS[t].from.includes('closed'))).toEqual([]);
  });
});
