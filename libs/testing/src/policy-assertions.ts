import { PolicyViolation } from '@bss/platform';

/**
 * The rule id a pure policy check throws, or undefined when it allows the case. Lets every
 * rule's allow and deny test read as one line: `expect(ruleOf(() => assertX(...))).toBe('x.y.z')`.
 * Anything other than a PolicyViolation is a bug in the policy and is rethrown.
 */
export function ruleOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof PolicyViolation) return error.rule;
    throw error;
  }
}

/** The async twin of {@link ruleOf}: the rule id a refused promise carries, or undefined when it resolves. */
export async function ruleOfAsync(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    if (error instanceof PolicyViolation) return error.rule;
    throw error;
  }
}

/** Runs `fn` and asserts it was refused by exactly `rule`; returns the violation for further checks. */
export function expectRule(fn: () => unknown, rule: string): PolicyViolation {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  return assertRefusedBy(thrown, rule);
}

/** The async twin of {@link expectRule}: asserts the promise was refused by exactly `rule`. */
export async function expectRuleAsync(work: Promise<unknown>, rule: string): Promise<PolicyViolation> {
  let thrown: unknown;
  try {
    await work;
  } catch (error) {
    thrown = error;
  }
  return assertRefusedBy(thrown, rule);
}

function assertRefusedBy(thrown: unknown, rule: string): PolicyViolation {
  expect(thrown).toBeInstanceOf(PolicyViolation);
  expect((thrown as PolicyViolation).rule).toBe(rule);
  return thrown as PolicyViolation;
}
