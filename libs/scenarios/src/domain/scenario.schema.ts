import { z } from 'zod';

/**
 * The scenario file format (`scenarios/*.yaml`). A scenario is a list of steps; each step is
 * exactly one of the kinds below, recognised by its key (`tool`, `ask`, `clock`, `wait`, `tick`,
 * `assert`). Strings may refer to an earlier step's saved result as `${name.path}` (a JSONPath
 * below that result, e.g. `${order.id}` or `${line.balances[0].remaining}`).
 */

export const STEP_KINDS = ['tool', 'ask', 'clock', 'wait', 'tick', 'assert'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const SAVE_NAME = z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'a result name is lower camelCase, e.g. order or line2');
const TOOL_NAME = z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, 'a tool name is dotted lower case, e.g. subscription.show');
const ARGS = z.record(z.string(), z.unknown());

/** Who a step acts as: the operator (default), a customer bound to the customer_self_serve profile, or a named identity. */
export const IDENTITY_SCHEMA = z.union([
  z.literal('operator'),
  z.strictObject({
    profile: z.enum(['operator_cockpit', 'customer_self_serve']).optional(),
    /** The customer a customer_self_serve call is bound to (required with that profile). */
    customer: z.string().optional(),
    actor: z.string().min(1).optional(),
    channel: z.string().min(1).optional(),
    /** The named API token identity stamped on the audit rows (`portal_self_serve`, `operator_cockpit`, …). */
    serviceIdentity: z.string().min(1).optional(),
  }),
]);
export type ScenarioIdentity = z.infer<typeof IDENTITY_SCHEMA>;

/** `ok`, an error code (`NOT_FOUND`, `INVALID_INPUT`, `DESTRUCTIVE_OPERATION_BLOCKED`, …) or a rule id; a list means any of them. */
const EXPECTATION = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const TOOL_STEP_SCHEMA = z.strictObject({
  tool: TOOL_NAME,
  args: ARGS.default({}),
  as: IDENTITY_SCHEMA.optional(),
  save: SAVE_NAME.optional(),
  expect: EXPECTATION.default('ok'),
  note: z.string().optional(),
});

const FIXTURE_STEP = z.union([
  z.strictObject({ tool_calls: z.array(z.strictObject({ name: TOOL_NAME, args: ARGS.default({}) })).min(1) }),
  z.strictObject({ content: z.string() }),
]);

export const ASK_STEP_SCHEMA = z.strictObject({
  ask: z.string().min(1),
  as: IDENTITY_SCHEMA.optional(),
  /** `offline` (the built-in model, default) or `fixture` (the scripted model: `script` lists its steps). */
  model: z.enum(['offline', 'fixture']).default('offline'),
  script: z.array(FIXTURE_STEP).optional(),
  save: SAVE_NAME.optional(),
  expect: z
    .strictObject({
      tools_called_include: z.array(TOOL_NAME).optional(),
      tools_not_called: z.array(TOOL_NAME).optional(),
      /** Every call the turn made of these tools failed with this error or rule (e.g. a refused foreign line). */
      tools_refused: z.record(TOOL_NAME, z.string()).optional(),
      no_destructive_call: z.boolean().optional(),
      reply_contains: z.union([z.string(), z.array(z.string())]).optional(),
      ends_with: z.enum(['final_message', 'error']).optional(),
    })
    .default({}),
  note: z.string().optional(),
});

export const CLOCK_STEP_SCHEMA = z.strictObject({
  clock: z.union([z.strictObject({ freeze: z.string().min(1) }), z.strictObject({ advance: z.string().regex(/^\d+[smhd]$/, 'a duration such as 30m, 12h or 31d') })]),
  note: z.string().optional(),
});

export const WAIT_STEP_SCHEMA = z.strictObject({
  /** `order_completed`: drive the order chain's jobs until the order settles; `jobs_drained`: run every runnable job. */
  wait: z.enum(['order_completed', 'jobs_drained']),
  order: z.string().optional(),
  /** The state the order must settle in (default completed). */
  state: z.enum(['completed', 'failed', 'cancelled']).optional(),
  save: SAVE_NAME.optional(),
  note: z.string().optional(),
});

export const TICK_STEP_SCHEMA = z.strictObject({
  /** `renewal`: one renewal sweep at the scenario's clock, as the scheduler would run it. */
  tick: z.enum(['renewal']),
  save: SAVE_NAME.optional(),
  note: z.string().optional(),
});

export const CHECK_OPERATORS = ['eq', 'ne', 'contains', 'not_contains', 'gte', 'lte', 'gt', 'lt', 'exists', 'length', 'matches'] as const;
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

export const CHECK_SCHEMA = z
  .strictObject({
    path: z.string().regex(/^\$/, 'a JSONPath starts with $'),
    eq: z.unknown().optional(),
    ne: z.unknown().optional(),
    contains: z.unknown().optional(),
    not_contains: z.unknown().optional(),
    gte: z.number().optional(),
    lte: z.number().optional(),
    gt: z.number().optional(),
    lt: z.number().optional(),
    exists: z.boolean().optional(),
    length: z.number().int().min(0).optional(),
    matches: z.string().optional(),
  })
  .refine((check) => CHECK_OPERATORS.filter((op) => op in check).length === 1, {
    message: `each check has a path and exactly one of ${CHECK_OPERATORS.join(', ')}`,
  });
export type ScenarioCheck = z.infer<typeof CHECK_SCHEMA>;

export const ASSERT_STEP_SCHEMA = z.strictObject({
  assert: z
    .strictObject({
      /** A saved result to look into … */
      from: SAVE_NAME.optional(),
      /** … or a read tool to call now (its result is what the paths look into). */
      tool: TOOL_NAME.optional(),
      args: ARGS.optional(),
      as: IDENTITY_SCHEMA.optional(),
      that: z.array(CHECK_SCHEMA).min(1),
    })
    .refine((a) => (a.from === undefined) !== (a.tool === undefined), { message: 'an assert looks into exactly one of `from` (a saved result) or `tool` (a read to call now)' }),
  note: z.string().optional(),
});

export const STEP_SCHEMAS = {
  tool: TOOL_STEP_SCHEMA,
  ask: ASK_STEP_SCHEMA,
  clock: CLOCK_STEP_SCHEMA,
  wait: WAIT_STEP_SCHEMA,
  tick: TICK_STEP_SCHEMA,
  assert: ASSERT_STEP_SCHEMA,
} as const;

export type ToolStep = z.infer<typeof TOOL_STEP_SCHEMA>;
export type AskStep = z.infer<typeof ASK_STEP_SCHEMA>;
export type ClockStep = z.infer<typeof CLOCK_STEP_SCHEMA>;
export type WaitStep = z.infer<typeof WAIT_STEP_SCHEMA>;
export type TickStep = z.infer<typeof TICK_STEP_SCHEMA>;
export type AssertStep = z.infer<typeof ASSERT_STEP_SCHEMA>;
export type ScenarioStep =
  | ({ kind: 'tool' } & ToolStep)
  | ({ kind: 'ask' } & AskStep)
  | ({ kind: 'clock' } & ClockStep)
  | ({ kind: 'wait' } & WaitStep)
  | ({ kind: 'tick' } & TickStep)
  | ({ kind: 'assert' } & AssertStep);

/** The file's top level; `steps` are checked one by one against their kind's schema. */
export const SCENARIO_SCHEMA = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a scenario name is kebab-case'),
  description: z.string().min(1),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** The instant the clock is frozen at before the first step (default 2026-01-01T00:00:00Z). */
  clock: z.string().default('2026-01-01T00:00:00Z'),
  steps: z.array(z.unknown()).min(1),
});

export interface Scenario {
  name: string;
  description: string;
  tags: string[];
  clock: string;
  steps: ScenarioStep[];
  /** Where it came from, for messages. */
  file: string;
  /** 1-based line of each step in the file. */
  stepLines: number[];
}
