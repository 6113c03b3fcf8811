import { PolicyViolation } from '@bss/platform';

/** A state machine as data: trigger → the states it may fire from and the state it leads to. */
export type TransitionTable<S extends string, T extends string> = Readonly<Record<T, { readonly from: readonly S[]; readonly to: S }>>;

export interface TransitionSubject {
  /** e.g. `case`, used in the message. */
  type: string;
  id: string;
}

/**
 * The one FSM policy: returns the target state of `trigger` from `current`, or throws
 * PolicyViolation `rule` (e.g. `case.transition.valid_from_state`) naming what is allowed.
 */
export function assertTransition<S extends string, T extends string>(
  table: TransitionTable<S, T>,
  current: S,
  trigger: T,
  rule: string,
  subject: TransitionSubject,
): S {
  const move = table[trigger];
  if (!move) {
    throw new PolicyViolation(rule, `Unknown ${subject.type} trigger "${trigger}"`, {
      [`${subject.type}Id`]: subject.id,
      trigger,
      knownTriggers: Object.keys(table),
    });
  }
  if (!move.from.includes(current)) {
    throw new PolicyViolation(rule, `Cannot ${trigger} ${subject.type} ${subject.id} while it is ${current}`, {
      [`${subject.type}Id`]: subject.id,
      from: current,
      trigger,
      allowedFrom: move.from,
    });
  }
  return move.to;
}

/** Triggers that may fire from `current`; UIs use it to offer only legal actions. */
export function availableTriggers<S extends string, T extends string>(table: TransitionTable<S, T>, current: S): T[] {
  return (Object.keys(table) as T[]).filter((t) => table[t].from.includes(current));
}
