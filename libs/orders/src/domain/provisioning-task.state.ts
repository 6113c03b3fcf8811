import type { TransitionTable } from '@bss/policies';

export const TASK_STATES = ['pending', 'running', 'completed', 'failed', 'stuck'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_TRIGGERS = ['start', 'complete', 'attempt_failed', 'fail', 'stick', 'resolve', 'retry', 'reprovision'] as const;
export type TaskTrigger = (typeof TASK_TRIGGERS)[number];

/**
 * Provisioning task. `start` also fires from `running`: a worker that died mid-attempt leaves the
 * row running, and the redelivered job takes the attempt over. `attempt_failed` puts the task
 * back to pending for the automatic retry; `fail` is the permanent failure. `resolve` (stuck) and
 * `retry` (failed) are the operator's verbs and re-run the same row; `reprovision` re-runs a
 * completed task when that retry had to hold a different eSIM profile for the line.
 */
export const TASK_TRANSITIONS: TransitionTable<TaskState, TaskTrigger> = {
  start: { from: ['pending', 'running'], to: 'running' },
  complete: { from: ['running'], to: 'completed' },
  attempt_failed: { from: ['running'], to: 'pending' },
  fail: { from: ['running'], to: 'failed' },
  stick: { from: ['pending'], to: 'stuck' },
  resolve: { from: ['stuck'], to: 'pending' },
  retry: { from: ['failed'], to: 'pending' },
  reprovision: { from: ['completed'], to: 'pending' },
};
