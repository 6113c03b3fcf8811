import { randomUUID } from 'node:crypto';
import { AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { AuditLog } from '@bss/audit';
import { Clock, Database } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createChatModel } from '#agent/adapters/model-factory';
import { assertProfilesConsistent, buildProfiles, profileTools, type ProfileName, type Profiles } from '#agent/profiles/profiles';
import type { ChatModelHandle } from '#agent/ports/chat-model.port';
import { ToolExecutor, OBSERVATION_ERRORS, type AgentCaller, type ToolOutcome } from '#agent/tools/tool-executor';
import type { JsonSchemaObject } from '#agent/tools/input-schema';
import type { ServiceLocator, ToolDescriptor } from '#agent/tools/tool-descriptor';
import { ToolRegistry } from '#agent/tools/tool-registry';
import { BAILOUT_PREFIX, type AgentEvent } from './agent-events';
import type { Autonomy } from './autonomy';
import { OPERATOR_SYSTEM_PROMPT, customerSystemPrompt } from './prompts';

export interface TurnOptions {
  prompt: string;
  profile: ProfileName;
  caller: AgentCaller;
  /** The operator confirmed (or the surface allows) destructive calls this turn. */
  allowDestructive: boolean;
  autonomy: Autonomy;
  /** Defaults to the profile's prompt. */
  systemPrompt?: string;
  /** Earlier messages of the conversation, oldest first. */
  history?: readonly BaseMessage[];
  /** Defaults to the model `BSS_LLM_PROVIDER` selects. */
  model?: ChatModelHandle;
  /** Model calls per turn at most (the reference's recursion limit). */
  maxSteps?: number;
  /** Offer and run only these of the profile's tools (the customer chat's browse mode: catalog reads only). */
  narrowTo?: readonly string[];
  /** The conversation so far as text (`User: …` / `Assistant: …`), for tools that keep a record of it (chat escalation). */
  transcript?: string;
  /** The surface's checks around every tool call, in order (see `ToolCallGuard`). */
  guards?: readonly ToolCallGuard[];
}

/**
 * A surface's hook around each tool call of a turn. `before` may answer the call itself (the call
 * does not run; its observation goes back to the model); `after` reads the FULL result before the
 * model or the event stream sees it, and may end the turn (the ownership trip-wire): the result is
 * then neither streamed nor shown to the model.
 */
export interface ToolCallGuard {
  before?(call: { name: string; args: unknown }): Promise<ToolOutcome | undefined> | ToolOutcome | undefined;
  after?(call: { name: string; args: unknown; outcome: ToolOutcome }): Promise<{ endTurn: string } | undefined> | { endTurn: string } | undefined;
}

export interface DryRunResult {
  toolCalls: { name: string; args: Record<string, unknown> }[];
  reply: string;
}

type ToolDefinition = { type: 'function'; function: { name: string; description: string; parameters: JsonSchemaObject } };

/** Bails (spec §3.5): three failed results in a row, or three identical (tool, args, result) in a row. */
export const BAIL_AFTER = 3;
const RESULT_PREVIEW_CHARS = 500;
/** Failures that are the surface's business, not the model's looping (no customer bound). */
const NOT_A_MODEL_FAILURE = new Set(['chat.no_actor_bound']);

/**
 * The turn loop: a hand-written tool-calling ReAct loop over `model.bindTools(tools).invoke(messages)`.
 * Hand-written rather than `createAgent`/LangGraph because the destructive gate, the bails, the
 * per-call auth context and the event stream must sit between the model's call and the tool's
 * execution, and a loop of twenty lines keeps that in plain sight.
 */
export class AgentRunner {
  private readonly executor: ToolExecutor;
  private readonly definitions = new WeakMap<ChatModelHandle['toolNames'], Map<ProfileName, ToolDefinition[]>>();

  constructor(
    readonly registry: ToolRegistry,
    readonly profiles: Profiles,
    private readonly services: ServiceLocator,
  ) {
    assertProfilesConsistent(registry, profiles);
    this.executor = new ToolExecutor(registry, services);
  }

  /** The runner of this process: tools from the verb spine and the declared reads, profiles self-checked. */
  static boot(services: ServiceLocator): AgentRunner {
    const registry = ToolRegistry.fromSpine();
    return new AgentRunner(registry, buildProfiles(registry), services);
  }

  tools(profile: ProfileName): ToolDescriptor[] {
    return profileTools(this.registry, this.profiles, profile);
  }

  /** The tool calls (with arguments) and text of the model's first step; nothing executes. */
  async dryRun(options: Pick<TurnOptions, 'prompt' | 'profile' | 'systemPrompt' | 'history' | 'model' | 'narrowTo'>): Promise<DryRunResult> {
    const handle = options.model ?? createChatModel();
    const ai = await this.callModel(this.bind(handle, options.profile, options.narrowTo), this.openingMessages(options));
    return {
      toolCalls: (ai.tool_calls ?? []).map((c) => ({ name: handle.toolNames.decode(c.name), args: c.args ?? {} })),
      reply: ai.text,
    };
  }

  /** One turn as a stream of events; it always ends with `final_message` or one `error`, and never throws. */
  async *runTurn(options: TurnOptions): AsyncGenerator<AgentEvent> {
    const turnId = randomUUID();
    yield { type: 'prompt_received', turnId, prompt: options.prompt };
    let handle: ChatModelHandle;
    try {
      handle = options.model ?? createChatModel();
    } catch (error) {
      yield { type: 'error', message: `llm_unavailable: ${(error as Error).message}` };
      return;
    }
    const allowed = this.allowedTools(options);
    const messages = this.openingMessages(options);
    const model = this.bind(handle, options.profile, options.narrowTo);
    const usage = { promptTokens: 0, completionTokens: 0 };
    const called: { name: string; ok: boolean; error?: string }[] = [];
    const gate = { destructiveRun: 0 };
    const bail = { failures: 0, repeatKey: '', repeats: 0 };
    let finalText = '';
    let ended: AgentEvent | undefined;

    for (let step = 0; step < (options.maxSteps ?? 40) && !ended; step += 1) {
      let ai: AIMessageChunk;
      const deadline = handle.timeoutMs ? AbortSignal.timeout(handle.timeoutMs) : undefined;
      try {
        ai = await this.callModel(model, messages, deadline);
      } catch (error) {
        const reason = deadline?.aborted ? `timeout: no answer within ${handle.timeoutMs} ms` : describeModelError(error);
        ended = { type: 'error', message: `llm_error: ${reason}` };
        break;
      }
      usage.promptTokens += ai.usage_metadata?.input_tokens ?? 0;
      usage.completionTokens += ai.usage_metadata?.output_tokens ?? 0;
      messages.push(ai);
      if (ai.text.trim()) finalText = ai.text;
      const calls = [
        ...(ai.tool_calls ?? []).map((c) => ({ id: c.id, wireName: c.name, args: c.args as unknown, malformed: undefined as string | undefined })),
        ...(ai.invalid_tool_calls ?? []).map((c) => ({ id: c.id, wireName: c.name ?? '', args: {} as unknown, malformed: c.error ?? 'arguments are not valid JSON' })),
      ];
      if (calls.length === 0) {
        ended = { type: 'final_message', text: finalText };
        break;
      }
      for (const call of calls) {
        const callId = call.id || `call_${step}_${randomUUID().slice(0, 8)}`;
        const name = handle.toolNames.decode(call.wireName);
        const args = isRecord(call.args) ? call.args : {};
        yield { type: 'tool_call_started', callId, name, args };
        const outcome = call.malformed
          ? malformedCall(call.malformed)
          : await this.guardedExecute(name, call.args, options, turnId, allowed, gate);
        const tripped = await this.afterGuards(options, name, call.args, outcome);
        if (tripped) {
          called.push({ name, ok: false, error: tripped });
          ended = { type: 'error', message: tripped };
          break;
        }
        called.push({ name, ok: outcome.ok, error: outcome.error });
        messages.push(new ToolMessage({ content: outcome.observation, tool_call_id: callId, name: call.wireName, status: outcome.ok ? 'success' : 'error' }));
        yield {
          type: 'tool_call_completed',
          callId,
          name,
          result: preview(outcome.observation),
          resultFull: outcome.result,
          isError: !outcome.ok,
          ...(outcome.error ? { error: outcome.error } : {}),
        };
        const bailout = this.checkBails(bail, name, args, outcome);
        if (bailout) {
          ended = { type: 'error', message: bailout };
          break;
        }
      }
    }
    ended ??= { type: 'error', message: `${BAILOUT_PREFIX} no final answer after ${options.maxSteps ?? 40} model calls` };
    yield { type: 'turn_usage', ...usage, model: handle.modelName, provider: handle.provider };
    await this.recordTurn(options, turnId, handle, usage, called, ended);
    yield ended;
  }

  /**
   * One model call, streamed and concatenated: a provider's tool calls arrive as SSE chunks, and
   * streaming keeps LangChain from estimating tokens with a tokenizer it would download.
   */
  private async callModel(model: ReturnType<AgentRunner['bind']>, messages: BaseMessage[], signal?: AbortSignal): Promise<AIMessageChunk> {
    let message: AIMessageChunk | undefined;
    for await (const chunk of await model.stream(messages, signal ? { signal } : {})) message = message ? message.concat(chunk) : chunk;
    if (!message) throw new Error('the model returned no message');
    return message;
  }

  private bind(handle: ChatModelHandle, profile: ProfileName, narrowTo?: readonly string[]) {
    if (!handle.model.bindTools) throw new Error(`model ${handle.modelName} cannot call tools`);
    const definitions = this.toolDefinitions(profile, handle.toolNames);
    const offered = narrowTo ? definitions.filter((d) => narrowTo.includes(handle.toolNames.decode(d.function.name))) : definitions;
    return handle.model.bindTools(offered);
  }

  /** The profile's tools, narrowed for this turn if the surface asks: a tool outside is neither offered nor run. */
  private allowedTools(options: Pick<TurnOptions, 'profile' | 'narrowTo'>): Set<string> {
    const names = this.profiles[options.profile];
    return new Set(options.narrowTo ? names.filter((n) => options.narrowTo!.includes(n)) : names);
  }

  /** The surface's `before` guards may answer a call in its place; otherwise the gate and the executor run it. */
  private async guardedExecute(
    name: string,
    args: unknown,
    options: TurnOptions,
    turnId: string,
    allowed: ReadonlySet<string>,
    gate: { destructiveRun: number },
  ): Promise<ToolOutcome> {
    for (const guard of options.guards ?? []) {
      const answered = await guard.before?.({ name, args });
      if (answered) return answered;
    }
    return this.gateAndExecute(name, args, options, turnId, allowed, gate);
  }

  private async afterGuards(options: TurnOptions, name: string, args: unknown, outcome: ToolOutcome): Promise<string | undefined> {
    for (const guard of options.guards ?? []) {
      const verdict = await guard.after?.({ name, args, outcome });
      if (verdict) return verdict.endTurn;
    }
    return undefined;
  }

  /** The OpenAI-format tool list of a profile, built once per profile and name codec (the registry is fixed after boot). */
  private toolDefinitions(profile: ProfileName, codec: ChatModelHandle['toolNames']) {
    const byCodec = this.definitions.get(codec) ?? new Map<ProfileName, ToolDefinition[]>();
    this.definitions.set(codec, byCodec);
    let definitions = byCodec.get(profile);
    if (!definitions) {
      definitions = this.tools(profile).map((t) => ({
        type: 'function' as const,
        function: { name: codec.encode(t.name), description: t.description, parameters: t.inputSchema },
      }));
      byCodec.set(profile, definitions);
    }
    return definitions;
  }

  private openingMessages(options: Pick<TurnOptions, 'prompt' | 'profile' | 'systemPrompt' | 'history'>): BaseMessage[] {
    const system = options.systemPrompt ?? (options.profile === 'customer_self_serve' ? customerSystemPrompt() : OPERATOR_SYSTEM_PROMPT);
    return [new SystemMessage(system), ...(options.history ?? []), new HumanMessage(options.prompt)];
  }

  /** The destructive gate (spec §3.5), then the one executor. */
  private async gateAndExecute(
    name: string,
    args: unknown,
    options: TurnOptions,
    turnId: string,
    allowed: ReadonlySet<string>,
    gate: { destructiveRun: number },
  ): Promise<ToolOutcome> {
    const tool = this.registry.get(name);
    if (tool?.destructive && allowed.has(name)) {
      const blocked = !options.allowDestructive || (options.autonomy === 'granular' && gate.destructiveRun >= 1);
      if (blocked) {
        const observation = {
          error: OBSERVATION_ERRORS.destructiveBlocked,
          tool: name,
          message: `${name} is destructive and was not run: it needs the operator's explicit /confirm. Propose it and stop.`,
        };
        return { ok: false, result: observation, observation: JSON.stringify(observation), error: observation.error };
      }
      gate.destructiveRun += 1;
    }
    return this.executor.execute({ name, args, caller: options.caller, requestId: turnId, allowed, transcript: options.transcript });
  }

  private checkBails(bail: { failures: number; repeatKey: string; repeats: number }, name: string, args: Record<string, unknown>, outcome: ToolOutcome): string | undefined {
    const countsAsFailure = !outcome.ok && !(outcome.rule && NOT_A_MODEL_FAILURE.has(outcome.rule));
    bail.failures = countsAsFailure ? bail.failures + 1 : 0;
    if (bail.failures >= BAIL_AFTER) return `${BAILOUT_PREFIX} ${BAIL_AFTER} consecutive failed tool calls (last: ${name} → ${outcome.error})`;
    const key = `${name}\u0000${stableJson(args)}\u0000${outcome.observation}`;
    bail.repeats = key === bail.repeatKey ? bail.repeats + 1 : 1;
    bail.repeatKey = key;
    if (bail.repeats >= BAIL_AFTER) return `${BAILOUT_PREFIX} ${BAIL_AFTER} identical calls of ${name} with the same arguments and result`;
    return undefined;
  }

  /**
   * The model's identity goes on the audit log as one `agent.turn_completed` event per turn,
   * stamped with the caller (actor, channel, service identity) and the turn's request id — the
   * same request id every write of the turn carries. See libs/agent/README.md.
   */
  private async recordTurn(
    options: TurnOptions,
    turnId: string,
    handle: ChatModelHandle,
    usage: { promptTokens: number; completionTokens: number },
    called: { name: string; ok: boolean; error?: string }[],
    ended: AgentEvent,
  ): Promise<void> {
    try {
      const audit = this.services.get(AuditLog, { strict: false });
      // Database hides its constructor (it is built by connect()); the container still holds it by class.
      const db = this.services.get(Database as unknown as abstract new () => Database, { strict: false });
      const now = await this.services.get(Clock, { strict: false }).now();
      // One INSERT is atomic on its own: no transaction (and its two extra round trips) per turn.
      await runWithAuth({ ...options.caller, requestId: turnId }, () =>
        audit.record(db.manager, now, {
          eventType: 'agent.turn_completed',
          aggregateType: 'agent_turn',
          aggregateId: turnId,
          payload: {
            model: handle.modelName,
            provider: handle.provider,
            profile: options.profile,
            tools: called,
            promptTokens: usage.promptTokens,
            completionTokens: usage.completionTokens,
            outcome: ended.type === 'error' ? ended.message : 'final_message',
          },
        }),
      );
    } catch {
      // Recording is best effort: a turn whose writes committed must still report its answer.
    }
  }
}

function malformedCall(reason: string): ToolOutcome {
  const observation = { error: OBSERVATION_ERRORS.invalidInput, fields: [{ field: '(arguments)', messages: [reason] }], message: `malformed tool call: ${reason}` };
  return { ok: false, result: observation, observation: JSON.stringify(observation), error: observation.error };
}

function preview(text: string): string {
  return text.length > RESULT_PREVIEW_CHARS ? `${text.slice(0, RESULT_PREVIEW_CHARS)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` count as the same arguments. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function describeModelError(error: unknown): string {
  const e = error as { status?: number; message?: string; name?: string; constructor?: { name?: string }; cause?: unknown };
  const status = typeof e?.status === 'number' ? `HTTP ${e.status}: ` : '';
  return `${status}${e?.message ?? String(error)}`;
}
