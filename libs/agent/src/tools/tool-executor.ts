import { ERROR_CODES, InvalidInput, PolicyViolation, isBssError, registeredVerbs, validateInput } from '@bss/platform';
import { runWithAuth, type AuthContext } from '@bss/policies';
import { compactForModel } from './compact-output';
import type { ToolRegistry } from './tool-registry';
import type { ServiceLocator, ToolDescriptor, ToolRuntime } from './tool-descriptor';

/** Who a turn acts for; every tool call runs under it, so audit rows say who asked through which surface. */
export type AgentCaller = Pick<AuthContext, 'actor' | 'channel' | 'serviceIdentity'> & Partial<Pick<AuthContext, 'customerId' | 'tenant' | 'roles'>>;

export const OBSERVATION_ERRORS = {
  policyViolation: 'POLICY_VIOLATION',
  notFound: 'NOT_FOUND',
  invalidInput: 'INVALID_INPUT',
  unknownTool: 'UNKNOWN_TOOL',
  destructiveBlocked: 'DESTRUCTIVE_OPERATION_BLOCKED',
} as const;

/** A tool call's outcome: the full result for the surface, the compact JSON the model reads. */
export interface ToolOutcome {
  ok: boolean;
  /** The full view (JSON-safe) on success, the error observation on failure. */
  result: unknown;
  /** What goes back to the model: compact JSON. */
  observation: string;
  /** `POLICY_VIOLATION`, `NOT_FOUND`, … when `ok` is false. */
  error?: string;
  rule?: string;
}

export interface ToolCallRequest {
  name: string;
  args: unknown;
  caller: AgentCaller;
  /** Shared by every call of one turn, so its audit rows join on request_id. */
  requestId: string;
  /** The names the caller's profile offers: a name outside it is refused even if a model invents it. */
  allowed: ReadonlySet<string>;
  /** The conversation so far, for tools that keep a record of it (chat escalation). */
  transcript?: string;
}

/**
 * The one executor (filter twice: the profile decided what the model was offered; this checks
 * again at call time). Validates the arguments against the tool's input class, runs the verb or
 * read under the caller's auth context, and turns every failure into an observation — it never throws.
 */
export class ToolExecutor {
  constructor(
    private readonly registry: ToolRegistry,
    private readonly services: ServiceLocator,
  ) {}

  async execute(request: ToolCallRequest): Promise<ToolOutcome> {
    const tool = this.registry.get(request.name);
    if (!tool || tool.hidden || !request.allowed.has(request.name)) {
      return failure({ error: OBSERVATION_ERRORS.unknownTool, tool: request.name, message: `No tool named ${request.name} is available; use one of the tools offered` });
    }
    const auth: Partial<AuthContext> = { ...request.caller, requestId: request.requestId };
    try {
      if (request.args === null || typeof request.args !== 'object' || Array.isArray(request.args)) {
        throw new InvalidInput([{ field: '(arguments)', messages: ['arguments must be a JSON object'] }]);
      }
      const input = await validatedArgs(tool, request.args as Record<string, unknown>);
      const result = await runWithAuth(auth, () => this.run(tool, input, request.args as object, request.transcript));
      const full = toJson(result ?? null);
      return { ok: true, result: full, observation: JSON.stringify(compactForModel(full) ?? null) };
    } catch (error) {
      return failure(observationOf(error));
    }
  }

  private run(tool: ToolDescriptor, input: object, rawArgs: object, transcript?: string): Promise<unknown> {
    const runtime: ToolRuntime = { services: this.services, runVerb: (name, verbInput) => this.runVerb(name, verbInput), transcript };
    if (tool.execution.kind === 'verb') return this.runVerb(tool.execution.verb, rawArgs);
    return tool.execution.run(runtime, input);
  }

  /** A write verb by its spine name: the command class is looked up at call time, never imported here. */
  private runVerb(name: string, input: object): Promise<unknown> {
    const tool = this.registry.get(name);
    if (!tool || tool.execution.kind !== 'verb') throw new PolicyViolation('agent.tool.unregistered_verb', `verb ${name} is not registered`, { verb: name });
    const verb = verbCommand(name);
    const command = this.services.get(verb as abstract new (...args: never[]) => { execute(input: object): Promise<unknown> }, { strict: false });
    return command.execute(input);
  }
}

/** The spine lookup is late-bound: a verb is resolved by name at call time, never by importing its class. */
function verbCommand(name: string) {
  const verb = registeredVerbs().find((v) => v.name === name);
  if (!verb) throw new PolicyViolation('agent.tool.unregistered_verb', `verb ${name} is not registered`, { verb: name });
  return verb.command;
}

/**
 * The arguments as the tool's input class. A tool without parameters has no class-validator
 * metadata, which `validateInput` (forbidUnknownValues) would reject, so it only checks emptiness.
 */
async function validatedArgs(tool: ToolDescriptor, args: Record<string, unknown>): Promise<object> {
  if (Object.keys(tool.inputSchema.properties ?? {}).length > 0) return validateInput(tool.input, args);
  const extra = Object.keys(args);
  if (extra.length) throw new InvalidInput(extra.map((field) => ({ field, messages: [`property ${field} should not exist`] })));
  return new tool.input();
}

function failure(observation: Record<string, unknown>): ToolOutcome {
  return {
    ok: false,
    result: observation,
    observation: JSON.stringify(observation),
    error: String(observation.error),
    ...(typeof observation.rule === 'string' ? { rule: observation.rule } : {}),
  };
}

/** The observation shapes of the tool-name contract. */
export function observationOf(error: unknown): Record<string, unknown> {
  if (error instanceof PolicyViolation) return { error: OBSERVATION_ERRORS.policyViolation, rule: error.rule, message: error.message };
  if (error instanceof InvalidInput) return { error: OBSERVATION_ERRORS.invalidInput, fields: error.fields, message: error.message };
  if (isBssError(error)) return { error: error.code, message: error.message };
  return { error: ERROR_CODES.internal, message: error instanceof Error ? error.message : String(error) };
}

/** Dates to ISO strings, class instances to plain objects: what the surface keeps and the model reads. */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
