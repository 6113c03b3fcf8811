import { isDeepStrictEqual } from 'node:util';
import { JSONPath } from 'jsonpath-plus';
import { CHECK_OPERATORS, type ScenarioCheck } from './scenario.schema';

/** What a JSONPath matched: one value when it matched exactly one node, else the list of matches. */
export function select(json: unknown, path: string): { found: boolean; value: unknown } {
  const matches = JSONPath({ path, json: json as object, wrap: true }) as unknown[];
  if (matches.length === 0) return { found: false, value: undefined };
  return { found: true, value: matches.length === 1 ? matches[0] : matches };
}

/** Checks one assertion; returns the reason it failed, or undefined when it holds. */
export function failedCheck(json: unknown, check: ScenarioCheck): string | undefined {
  const op = CHECK_OPERATORS.find((o) => o in check);
  if (!op) return 'no operator';
  const expected = (check as Record<string, unknown>)[op];
  const { found, value } = select(json, check.path);
  const shown = `${check.path} = ${found ? JSON.stringify(value) : '(nothing)'}`;
  const fail = (what: string) => `${shown}; expected ${what}`;
  switch (op) {
    case 'exists':
      return found === expected ? undefined : fail(expected ? 'a value' : 'nothing');
    case 'eq':
      return found && looselyEqual(value, expected) ? undefined : fail(`= ${JSON.stringify(expected)}`);
    case 'ne':
      return found && !looselyEqual(value, expected) ? undefined : fail(`≠ ${JSON.stringify(expected)}`);
    case 'contains':
      return found && contains(value, expected) ? undefined : fail(`to contain ${JSON.stringify(expected)}`);
    case 'not_contains':
      return !found || !contains(value, expected) ? undefined : fail(`not to contain ${JSON.stringify(expected)}`);
    case 'matches':
      return found && new RegExp(String(expected)).test(String(value)) ? undefined : fail(`to match /${String(expected)}/`);
    case 'length': {
      const size = Array.isArray(value) ? value.length : found ? 1 : 0;
      return size === expected ? undefined : fail(`length ${String(expected)} (got ${size})`);
    }
    case 'gte':
    case 'lte':
    case 'gt':
    case 'lt': {
      const n = Number(value);
      const e = Number(expected);
      const holds = found && Number.isFinite(n) && { gte: n >= e, lte: n <= e, gt: n > e, lt: n < e }[op];
      return holds ? undefined : fail(`${op} ${e}`);
    }
  }
}

/** Money travels as strings ("19.00"): a number in the file equals the same number as a string. */
function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (isDeepStrictEqual(actual, expected)) return true;
  if (typeof expected === 'number' && typeof actual === 'string' && actual.trim() !== '') return Number(actual) === expected;
  if (typeof expected === 'string' && typeof actual === 'number') return String(actual) === expected;
  return false;
}

function contains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string') return actual.includes(String(expected));
  if (Array.isArray(actual)) return actual.some((item) => looselyEqual(item, expected) || (isObject(item) && isObject(expected) && isSubset(item, expected)));
  if (isObject(actual) && isObject(expected)) return isSubset(actual, expected);
  return false;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isSubset(actual: Record<string, unknown>, expected: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([k, v]) => looselyEqual(actual[k], v));
}

const PLACEHOLDER = /\$\{([a-z][a-zA-Z0-9_]*)((?:\.[^}]+|\[[^}]+)?)\}/g;
const WHOLE_PLACEHOLDER = /^\$\{([a-z][a-zA-Z0-9_]*)((?:\.[^}]+|\[[^}]+)?)\}$/;

/**
 * Replaces `${name.path}` with a JSONPath lookup into the result saved as `name`. A string that
 * is a single placeholder keeps the looked-up value's type (a number stays a number).
 */
export function interpolate(value: unknown, saved: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole) return lookup(saved, whole[1], whole[2]);
    return value.replace(PLACEHOLDER, (_m, name: string, rest: string) => {
      const found = lookup(saved, name, rest);
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, saved));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, saved)]));
  return value;
}

function lookup(saved: ReadonlyMap<string, unknown>, name: string, rest: string): unknown {
  if (!saved.has(name)) throw new ScenarioReferenceError(`\${${name}${rest}}: no earlier step saved a result as "${name}"`);
  if (!rest) return saved.get(name);
  const { found, value } = select(saved.get(name), `$${rest}`);
  if (!found) throw new ScenarioReferenceError(`\${${name}${rest}}: the result saved as "${name}" has nothing at $${rest}`);
  return value;
}

export class ScenarioReferenceError extends Error {}
