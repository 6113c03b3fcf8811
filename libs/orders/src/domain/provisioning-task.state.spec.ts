import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { TASK_STATES, TASK_TRANSITIONS, type TaskState, type TaskTrigger } from './provisioning-task.state';

const LEGAL: Record<TaskTrigger, Partial<Record<TaskState, TaskState>>> = {
  start: { pending: 'running', running: 'running' },
  complete: { running: 'completed' },
  attempt_failed: { running: 'pending' },
  fail: { running: 'failed' },
  stick: { pending: 'stuck' },
  resolve: { stuck: 'pending' },
  retry: { failed: 'pending' },
  reprovision: { completed: 'pending' },
};

describe('TASK_TRANSITIONS', () => {
  for (const trigger of Object.keys(LEGAL) as TaskTrigger[]) {
    for (const from of TASK_STATES) {
      const to = LEGAL[trigger][from];
      const fire = () => assertTransition(TASK_TRANSITIONS, from, trigger, 'provisioning_task.transition.invalid', { type: 'provisioning_task', id: 'PTK-0001' });
      if (to) it(`${from} -${trigger}→ ${to}`, () => expect(fire()).toBe(to));
      else it(`refuses ${trigger} from ${from}`, () => expect(fire).toThrow(PolicyViolation));
    }
  }

  it('has no transition the expectations do not list', () => {
    expect(Object.keys(TASK_TRANSITIONS).sort()).toEqual(Object.keys(LEGAL).sort());
  });
});
