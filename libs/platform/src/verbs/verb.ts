import type { ClassConstructor } from 'class-transformer';
import { tracingConfigured, withSpan } from '#platform/tracing/tracing';

/**
 * The write verb is the spine: one dotted name across the command class, the CLI verb, the agent
 * tool, the event and the rule ids. `bss case close` ↔ verb `case.close` ↔ `CloseCaseCommand` ↔
 * tool `case.close` ↔ event `case.closed` ↔ rules `case.close.*`.
 *
 * The name is the CLI path joined with dots, kebab-case turned into snake_case:
 * `bss subscription schedule-plan-change` → `subscription.schedule_plan_change`.
 */
export interface VerbSpec {
  /** Dotted spine name, e.g. `case.close`. */
  readonly name: string;
  /** The class-validator input of `execute(input)`: the one input definition (HTTP, CLI flags, tool schema). */
  readonly input: ClassConstructor<object>;
  /** What the verb does, in one sentence (CLI summary, tool description). */
  readonly summary: string;
  /** Irreversible or money-moving beyond a top-up: every surface asks for an explicit confirm first. */
  readonly destructive?: boolean;
  /**
   * Why this verb has no `bss` CLI verb (e.g. a portal-only step of the signup funnel). Without it,
   * `npm run lint` fails when no CLI verb of the same name exists.
   */
  readonly cliExempt?: string;
}

export interface RegisteredVerb extends VerbSpec {
  /** The command class (resolve it from the Nest container; call `execute(input)`). */
  readonly command: ClassConstructor<object>;
}

const VERB_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const registry = new Map<string, RegisteredVerb>();
const byClass = new WeakMap<object, RegisteredVerb>();

/** Puts a write command on the verb spine. Registration happens when the command's module is imported. */
export function Verb(spec: VerbSpec): ClassDecorator {
  return (target) => {
    if (!VERB_NAME.test(spec.name)) throw new Error(`verb name '${spec.name}' is not dotted snake_case`);
    const existing = registry.get(spec.name);
    // Re-importing the same class (jest module registry reset) re-registers it; two classes may not share a name.
    if (existing && existing.command.name !== target.name) {
      throw new Error(`verb '${spec.name}' is registered twice: ${existing.command.name} and ${target.name}`);
    }
    const entry: RegisteredVerb = { ...spec, command: target as unknown as ClassConstructor<object> };
    registry.set(spec.name, entry);
    byClass.set(target, entry);
    if (tracingConfigured()) traceExecute(target, spec.name);
  };
}

/**
 * With OpenTelemetry export on, each run of the verb is a span named after it (the auth context
 * adds actor, channel and service identity). Off, the class is left exactly as written.
 */
function traceExecute(target: object, name: string): void {
  const prototype = (target as { prototype: { execute?: (...args: unknown[]) => Promise<unknown> } }).prototype;
  const execute = prototype.execute;
  if (typeof execute !== 'function') return;
  prototype.execute = function tracedExecute(this: unknown, ...args: unknown[]) {
    return withSpan(name, { 'bss.verb': name }, () => execute.apply(this, args));
  };
}

/** The verb a command class is registered under, if any. */
export function verbOf(command: object): RegisteredVerb | undefined {
  return byClass.get(command);
}

/** Every registered write verb, sorted by name. */
export function registeredVerbs(): readonly RegisteredVerb[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** `bss case close` path segments → spine name `case.close`. */
export function verbNameOfCliPath(segments: readonly string[]): string {
  return segments.map((s) => s.replace(/-/g, '_')).join('.');
}
