import { PolicyViolation } from '@bss/platform';
import { ORDER_RULES } from '#orders/orders.errors';

export function assertResolveNote(note: string, taskId: string): void {
  if (note.trim() === '') {
    throw new PolicyViolation(ORDER_RULES.resolveRequiresNote, `Resolving task ${taskId} needs a non-blank operator note`, { taskId });
  }
}

/** An attempt never starts once the task's budget is spent; an operator retry grants a fresh one. */
export function assertAttemptBudget(task: { id: string; attempts: number; maxAttempts: number }): void {
  if (task.attempts >= task.maxAttempts) {
    throw new PolicyViolation(ORDER_RULES.taskRetryMaxAttempts, `Task ${task.id} has used ${task.attempts} of ${task.maxAttempts} attempts`, {
      taskId: task.id,
      attempts: task.attempts,
      maxAttempts: task.maxAttempts,
    });
  }
}

export function assertFaultRuleFound<R>(rule: R | null, taskType: string, faultType: string): asserts rule is R {
  if (!rule) {
    throw new PolicyViolation(ORDER_RULES.faultRuleNotFound, `No fault-injection rule for ${taskType} / ${faultType}`, { taskType, faultType });
  }
}

/** Fault injection changes how the network behaves for everyone: admins only. */
export function assertCanManageFaults(roles: readonly string[], actor: string): void {
  if (!roles.includes('admin')) {
    throw new PolicyViolation(ORDER_RULES.faultRuleAdminOnly, `${actor} may not change fault-injection rules (admin role required)`, { actor, roles });
  }
}
