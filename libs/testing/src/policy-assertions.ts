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
