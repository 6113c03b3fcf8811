import type { ClassConstructor } from 'class-transformer';
import type { JsonSchemaObject } from './input-schema';

/** Who a tool belongs to: every operator sees the `operator` tools; `customer` tools are the `*_mine` / `*_for_me` wrappers. */
export const TOOL_AUDIENCES = ['operator', 'customer', 'shared'] as const;
export type ToolAudience = (typeof TOOL_AUDIENCES)[number];

/**
 * How the one executor runs a tool: a write verb resolved by its spine NAME at call time (so a
 * renamed command class never breaks a tool), or a read handler over the context queries.
 */
export type ToolExecution =
  | { readonly kind: 'verb'; readonly verb: string }
  | { readonly kind: 'read'; readonly run: ReadHandler };

/** What a read handler may reach: the Nest container (queries, clock, jobs) and the verb spine. */
/** A Nest `ModuleRef` or application context: where linked commands and queries are resolved. */
export interface ServiceLocator {
  get<T>(type: abstract new (...args: never[]) => T, options?: { strict: boolean }): T;
}

export interface ToolRuntime {
  readonly services: ServiceLocator;
  /** Runs a registered write verb by name with an already-shaped input (wrappers delegate through it). */
  runVerb(name: string, input: object): Promise<unknown>;
  /** The conversation so far (`User: …` / `Assistant: …`), when the surface keeps one. */
  readonly transcript?: string;
}

export type ReadHandler = (runtime: ToolRuntime, input: any) => Promise<unknown>;

/**
 * A tool as plain data, apart from its execution (TW tool-provider shape): the model is offered
 * `name`, `description` and `inputSchema`; the executor validates against `input` and follows `execution`.
 */
export interface ToolDescriptor {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments, generated from `input` (one definition). */
  readonly inputSchema: JsonSchemaObject;
  /** The class-validator input the executor validates the model's arguments against. */
  readonly input: ClassConstructor<object>;
  readonly destructive: boolean;
  /** Never offered to any model, and refused by the executor if a model names it anyway. */
  readonly hidden: boolean;
  readonly audience: ToolAudience;
  readonly kind: 'read' | 'write';
  readonly execution: ToolExecution;
  /** Write verbs a wrapper runs by name (checked at boot: a renamed verb fails the self-check, not a customer's turn). */
  readonly delegatesTo?: readonly string[];
}
