import { Injectable } from '@nestjs/common';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { AgentRunner, OPERATOR_SYSTEM_PROMPT, ToolExecutor, type AgentCaller, type Autonomy, type ChatModelHandle } from '@bss/agent';
import { randomUUID } from 'node:crypto';
import { ModuleRef } from '@nestjs/core';
import { isBssError, validateInput } from '@bss/platform';
import { ConversationStore } from '#conversation/commands/conversation.store';
import { CockpitSettings } from '#conversation/domain/cockpit-settings';
import type { RecordedToolCall } from '#conversation/domain/message.entity';
import type { MessageView, PendingAction, SessionView } from '#conversation/domain/session.views';
import { directIntentOf } from '#conversation/domain/direct-intents';
import { guardCitation, proposalText, describeCall } from '#conversation/domain/reply-guards';
import { historyRows } from '#conversation/domain/transcript';
import type { AssistantKind, SessionTurnEvent } from './session-turn.events';

const OPERATOR_PROFILE = 'operator_cockpit';

/** Renders a tool result as the face shows it (an ASCII card), or null when it has no card. */
export type ToolResultRenderer = (toolName: string, result: unknown) => string | null;

export interface SessionTurnInput {
  sessionId: string;
  /** What the operator typed. */
  line: string;
  /** The operator: actor, channel (`cli-repl`, `cockpit`) and service identity `operator_cockpit`. */
  caller: AgentCaller;
  autonomy: Autonomy;
  /** `--allow-destructive`: this face lets destructive calls run without a /confirm (autonomy still applies). */
  allowDestructive?: boolean;
  render?: ToolResultRenderer;
  /** Defaults to the model `BSS_LLM_PROVIDER` selects. */
  model?: ChatModelHandle;
}

export type ConfirmInput = Omit<SessionTurnInput, 'line' | 'autonomy' | 'allowDestructive' | 'model'>;
export type DirectInput = ConfirmInput & { line: string; toolName: string; args: Record<string, unknown> };

/** The cockpit's invariants on top of the operator prompt (spec §3.4, in substance). */
const COCKPIT_RULES = [
  'Destructive actions (terminate, close, cancel, remove, fault injection) are proposed as structured tool calls, never narrated: the operator confirms with /confirm.',
  'Every fact comes from a tool called this turn; never fabricate ids or numbers. Surface policy violations with their rule id.',
  'For how-to questions about operating this system, call knowledge.search first and cite the anchor (e.g. docs/runbooks/api-token-rotation.md#rotate).',
  'After a tool whose result the operator sees as a card, close with at most one short sentence.',
].join('\n');

/**
 * One operator turn inside a session, the same for the terminal and the browser: it persists the
 * user row, answers a listing directly or runs one agent turn (profile `operator_cockpit`),
 * persists each tool result as a tool row and the reply as an assistant row, and stages a blocked
 * destructive call as the session's one pending action. Only `confirm()` runs a staged action,
 * and any other turn drops it first (the reference let any next turn confirm; we do not).
 */
@Injectable()
export class SessionTurnService {
  private runnerCache?: AgentRunner;
  private executorCache?: ToolExecutor;

  constructor(
    readonly store: ConversationStore,
    private readonly moduleRef: ModuleRef,
    readonly settings: CockpitSettings,
  ) {}

  /** The process's agent runner: the app's own when it linked AgentModule, else one booted here. */
  get runner(): AgentRunner {
    this.runnerCache ??= this.linkedRunner() ?? AgentRunner.boot(this.moduleRef);
    return this.runnerCache;
  }

  private get executor(): ToolExecutor {
    this.executorCache ??= new ToolExecutor(this.runner.registry, this.moduleRef);
    return this.executorCache;
  }

  /** A typed line that is not /confirm: drops any staged action, then a direct listing or an agent turn. */
  async *turn(input: SessionTurnInput): AsyncGenerator<SessionTurnEvent> {
    const dropped = await this.store.consumePending(input.sessionId);
    if (dropped) yield { type: 'pending_dropped', toolName: dropped.toolName, args: dropped.args };
    const direct = directIntentOf(input.line);
    if (direct) {
      yield* this.direct({ ...input, toolName: direct.tool, args: direct.args });
      return;
    }
    yield* this.agentTurn(input);
  }

  /**
   * Runs one read or write tool directly (a listing line, a slash command such as /360 or
   * /ports approve), persisting the line as the user row and the result as a tool row.
   */
  async *direct(input: DirectInput): AsyncGenerator<SessionTurnEvent> {
    if (this.runner.registry.get(input.toolName)?.destructive) {
      yield* this.propose(input);
      return;
    }
    const userId = await this.store.appendUser(input.sessionId, input.line);
    yield { type: 'user_recorded', messageId: userId, text: input.line };
    yield* this.runTool(input, input.toolName, input.args, new Set([input.toolName]));
  }

  /**
   * Stages a destructive call the operator asked for by command (`/ports approve PORT-…`, a
   * button in the browser) exactly as if the agent had proposed it: it runs only on /confirm.
   */
  async *propose(input: DirectInput): AsyncGenerator<SessionTurnEvent> {
    const userId = await this.store.appendUser(input.sessionId, input.line);
    yield { type: 'user_recorded', messageId: userId, text: input.line };
    const event = await this.assistant(input.sessionId, proposalText(input.toolName, input.args), 'proposal', []);
    await this.store.setPending(input.sessionId, { toolName: input.toolName, args: input.args, proposalMessageId: event.messageId });
    yield { type: 'proposal_staged', toolName: input.toolName, args: input.args, messageId: event.messageId };
    yield event;
  }

  /**
   * `/confirm`: takes the staged action out atomically (of two concurrent confirms, one gets it)
   * and runs exactly that call — the model cannot change the tool or its arguments between the
   * proposal and the run. Nothing staged → a notice, and nothing runs or is persisted.
   */
  async *confirm(input: ConfirmInput): AsyncGenerator<SessionTurnEvent> {
    const pending = await this.store.consumePending(input.sessionId);
    if (!pending) {
      yield { type: 'notice', text: 'Nothing is staged to confirm (a proposal only counts when the agent staged it; ask again).' };
      return;
    }
    const userId = await this.store.appendUser(input.sessionId, '/confirm');
    yield { type: 'user_recorded', messageId: userId, text: '/confirm' };
    let outcome: { ok: boolean; error?: string; result: unknown } | undefined;
    for await (const event of this.runTool(input, pending.toolName, pending.args, new Set(this.runner.profiles[OPERATOR_PROFILE]))) {
      if (event.type === 'tool_result') outcome = event;
      yield event;
    }
    yield await this.assistant(input.sessionId, confirmedText(pending, outcome), outcome?.ok ? 'executed' : 'error', [
      { name: pending.toolName, args: pending.args, callId: 'confirm', ok: outcome?.ok ?? false, ...(outcome?.error ? { error: outcome.error } : {}) },
    ]);
  }

  private async *runTool(input: ConfirmInput, name: string, args: Record<string, unknown>, allowed: ReadonlySet<string>): AsyncGenerator<SessionTurnEvent> {
    const callId = `direct_${randomUUID().slice(0, 8)}`;
    yield { type: 'tool_started', callId, name, args };
    const outcome = await this.executor.execute({ name, args, caller: input.caller, requestId: randomUUID(), allowed });
    const rendered = outcome.ok ? safeRender(input.render, name, outcome.result) : null;
    const content = rendered ?? (outcome.ok ? JSON.stringify(outcome.result, null, 2) : `ERROR: ${errorLine(outcome.result)}`);
    const messageId = await this.store.appendTool(input.sessionId, name, content, { args, result: outcome.result });
    yield { type: 'tool_result', callId, name, args, ok: outcome.ok, ...(outcome.error ? { error: outcome.error } : {}), result: outcome.result, rendered, messageId };
  }

  private async *agentTurn(input: SessionTurnInput): AsyncGenerator<SessionTurnEvent> {
    const session = await this.store.get(input.sessionId);
    const history = toHistory(historyRows(await this.store.listMessages(input.sessionId)));
    const userId = await this.store.appendUser(input.sessionId, input.line);
    yield { type: 'user_recorded', messageId: userId, text: input.line };

    const calls: RecordedToolCall[] = [];
    const byCallId = new Map<string, RecordedToolCall>();
    let proposal: { toolName: string; args: Record<string, unknown> } | undefined;
    let reply = '';
    let failure: string | undefined;
    for await (const event of this.runner.runTurn({
      prompt: input.line,
      profile: OPERATOR_PROFILE,
      caller: input.caller,
      allowDestructive: input.allowDestructive ?? session.allowDestructive,
      autonomy: input.autonomy,
      systemPrompt: cockpitPrompt(session, this.settings.operatorPersona()),
      history,
      ...(input.model ? { model: input.model } : {}),
    })) {
      switch (event.type) {
        case 'tool_call_started': {
          const call: RecordedToolCall = { name: event.name, args: event.args, callId: event.callId };
          calls.push(call);
          byCallId.set(event.callId, call);
          yield { type: 'tool_started', callId: event.callId, name: event.name, args: event.args };
          break;
        }
        case 'tool_call_completed': {
          const call = byCallId.get(event.callId) ?? { name: event.name, args: {}, callId: event.callId };
          Object.assign(call, { ok: !event.isError }, event.error ? { error: event.error } : {});
          const blocked = event.error === 'DESTRUCTIVE_OPERATION_BLOCKED';
          // The first blocked call is the proposal; one pending action per session.
          if (blocked && !proposal) proposal = { toolName: event.name, args: call.args };
          const rendered = event.isError ? null : safeRender(input.render, event.name, event.resultFull);
          const messageId = blocked
            ? null
            : await this.store.appendTool(input.sessionId, event.name, rendered ?? (event.isError ? `ERROR: ${errorLine(event.resultFull)}` : JSON.stringify(event.resultFull, null, 2)), {
                args: call.args,
                result: event.resultFull,
              });
          yield { type: 'tool_result', callId: event.callId, name: event.name, args: call.args, ok: !event.isError, ...(event.error ? { error: event.error } : {}), result: event.resultFull, rendered, messageId };
          break;
        }
        case 'turn_usage':
          yield { type: 'usage', model: event.model, provider: event.provider, promptTokens: event.promptTokens, completionTokens: event.completionTokens };
          break;
        case 'final_message':
          reply = event.text;
          break;
        case 'error':
          failure = event.message;
          break;
        case 'prompt_received':
          break;
      }
    }

    if (failure) {
      yield await this.assistant(input.sessionId, `Sorry — something went wrong: ${failure}`, 'error', calls);
      return;
    }
    const invalid = proposal ? await this.invalidArguments(proposal.toolName, proposal.args) : undefined;
    if (proposal && invalid) {
      yield await this.assistant(input.sessionId, `${describeCall(proposal.toolName, proposal.args)} was not staged: ${invalid}`, 'error', calls);
      return;
    }
    if (proposal) {
      const event = await this.assistant(input.sessionId, proposalText(proposal.toolName, proposal.args), 'proposal', calls);
      await this.store.setPending(input.sessionId, { ...proposal, proposalMessageId: event.messageId });
      yield { type: 'proposal_staged', toolName: proposal.toolName, args: proposal.args, messageId: event.messageId };
      yield event;
      return;
    }
    const text = guardCitation(reply.trim(), calls.map((c) => c.name), input.line);
    yield await this.assistant(input.sessionId, text || noReplyText(calls), 'reply', calls);
  }

  private async assistant(sessionId: string, text: string, kind: AssistantKind, calls: RecordedToolCall[]): Promise<Extract<SessionTurnEvent, { type: 'assistant' }>> {
    const messageId = await this.store.appendAssistant(sessionId, text, calls);
    return { type: 'assistant', messageId, text, kind, toolCalls: calls };
  }

  /** A proposal is staged only when its arguments would pass the command's input validation: /confirm must not run into INVALID_INPUT. */
  private async invalidArguments(toolName: string, args: Record<string, unknown>): Promise<string | undefined> {
    const tool = this.runner.registry.get(toolName);
    if (!tool) return `no tool named ${toolName}`;
    try {
      await validateInput(tool.input, args);
      return undefined;
    } catch (error) {
      return isBssError(error) ? `${error.code}  ${error.message}` : (error as Error).message;
    }
  }

  private linkedRunner(): AgentRunner | undefined {
    try {
      return this.moduleRef.get(AgentRunner, { strict: false });
    } catch {
      return undefined;
    }
  }
}

/** OPERATOR.md, the operator prompt and the cockpit's invariants, the pinned focus and the context lines (behaviour 25). */
export function cockpitPrompt(session: SessionView, operatorPersona = ''): string {
  const blocks = [...(operatorPersona ? [operatorPersona] : []), OPERATOR_SYSTEM_PROMPT, COCKPIT_RULES];
  if (session.customerFocus) {
    blocks.push(
      `## Customer focus\nThe operator pinned ${session.customerFocus}${session.subscriptionFocus ? ` (line ${session.subscriptionFocus})` : ''}. Default to it; ask before acting on another customer.`,
    );
  }
  blocks.push(`## Context\n- session_id: ${session.id}`);
  return blocks.join('\n\n');
}

/** Structured rows back into messages (never the lossy text transcript): tool rows as notes of what was shown. */
function toHistory(rows: readonly MessageView[]): BaseMessage[] {
  return rows.map((m) => {
    if (m.role === 'user') return new HumanMessage(m.content);
    if (m.role === 'assistant') return new AIMessage(m.content);
    return new SystemMessage(`(prior tool result for ${m.toolName ?? 'unknown'})\n${m.content}`);
  });
}

function confirmedText(pending: PendingAction, outcome: { ok: boolean; result: unknown } | undefined): string {
  const call = describeCall(pending.toolName, pending.args);
  if (outcome?.ok) return `Executed ${call}.`;
  return `${call} did not run: ${errorLine(outcome?.result)}`;
}

/** `POLICY_VIOLATION subscription.terminate.x: message` — the rule id verbatim, as the CLI prints it. */
export function errorLine(observation: unknown): string {
  const o = (observation ?? {}) as { error?: string; rule?: string; message?: string };
  return [o.error, o.rule].filter(Boolean).join(' ') + (o.message ? `  ${o.message}` : '');
}

function noReplyText(calls: readonly RecordedToolCall[]): string {
  return calls.length ? `(The model called ${calls.map((c) => c.name).join(', ')} and said nothing more; ask again to get a summary.)` : '(no reply)';
}

function safeRender(render: ToolResultRenderer | undefined, name: string, result: unknown): string | null {
  if (!render) return null;
  try {
    return render(name, result);
  } catch {
    return null;
  }
}
