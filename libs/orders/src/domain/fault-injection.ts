import type { FaultType } from './provisioning.types';

export interface ActiveFault {
  faultType: FaultType;
  probability: number;
}

/** A number in [0, 1); injected so tests decide which faults fire. */
export type RandomSource = () => number;

export type AttemptOutcome =
  | { kind: 'stuck' }
  | { kind: 'fail'; error: string; fault: FaultType }
  | { kind: 'succeed'; slowFactor: number };

/** A `slow` fault stretches an attempt by a factor drawn from [min, max). */
export const SLOW_FAULT_FACTOR = { min: 2, max: 5 } as const;

/** A rule fires when `random() < probability`: p=1.0 always fires, p=0 never. */
function fires(fault: ActiveFault | undefined, random: RandomSource): boolean {
  return fault !== undefined && random() < fault.probability;
}

/**
 * What one attempt of a task does under the enabled fault rules of its task type. Every enabled
 * rule applies, each with its own draw, in a fixed order: `stuck` (only when the attempt starts
 * fresh — a stuck task waits for an operator), `fail_always`, `fail_first_attempt` (attempt 1
 * only), then `slow` stretches a successful attempt by U(2,5).
 */
export function decideAttempt(input: { attempt: number; fresh: boolean; faults: readonly ActiveFault[]; random: RandomSource }): AttemptOutcome {
  const rule = (type: FaultType) => input.faults.find((f) => f.faultType === type);
  if (input.fresh && fires(rule('stuck'), input.random)) return { kind: 'stuck' };
  if (fires(rule('fail_always'), input.random)) return { kind: 'fail', fault: 'fail_always', error: `fault injected: fail_always (attempt ${input.attempt})` };
  if (input.attempt === 1 && fires(rule('fail_first_attempt'), input.random)) {
    return { kind: 'fail', fault: 'fail_first_attempt', error: 'fault injected: fail_first_attempt' };
  }
  const { min, max } = SLOW_FAULT_FACTOR;
  const slowFactor = fires(rule('slow'), input.random) ? min + (max - min) * input.random() : 1;
  return { kind: 'succeed', slowFactor };
}
