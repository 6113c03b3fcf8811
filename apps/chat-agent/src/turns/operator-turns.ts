import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { autonomyFromEnv, type AgentCaller } from '@bss/agent';
import { assertChatMessageAcceptable } from '@bss/chat';
import { ConversationStore, SESSION_ID_PATTERN, SessionTurnService, type AssistantKind, type SessionTurnEvent, type SessionView } from '@bss/conversation';
import { ERROR_CODES, isBssError, MultiLine, NotFound, validateInput } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { OPERATOR_KEY } from './chat-caller.guard';

export class OperatorTurnInput {
  /** The operator the turn runs on behalf of (bound as the actor by ChatCallerGuard). */
  @Matches(OPERATOR_KEY) operator!: string;
  /** A cockpit session of this operator; without it their most recent open session, else a new one. */
  @IsOptional() @Matches(SESSION_ID_PATTERN) sessionId?: string;
  @IsString() @MultiLine() @MaxLength(20_000) message!: string;
  /** The operator confirmed the session's staged destructive action (as typing `/confirm`). */
  @IsOptional() @IsIn(['yes']) confirm?: 'yes';
}

export interface OperatorToolCall {
  name: string;
  args: Record<string, unknown>;
  ok: boolean;
  error?: string;
}

export interface OperatorTurnResult {
  sessionId: string;
  /** The assistant row the turn persisted: the reply, a proposal, an executed-action note or an error note. */
  reply: { text: string; kind: AssistantKind } | null;
  toolCalls: OperatorToolCall[];
  /** The destructive call the gate blocked and the session now holds for a confirm. */
  staged: { toolName: string; args: Record<string, unknown> } | null;
  /** Nothing ran (e.g. a confirm with nothing staged). */
  notice: string | null;
}

/**
 * An operator_cockpit turn hosted for the cockpit's named token: one turn of the conversation
 * lib's session (the same store, staging and single-shot `/confirm` as the REPL and the browser
 * cockpit), on behalf of the operator the caller names. Destructive tools are blocked by the gate
 * exactly as in `bss ask` — never allowed by the session's own `allow_destructive` — and a blocked
 * call is staged; only a turn that carries an explicit confirm runs it, and it runs exactly the
 * staged tool with the staged arguments. Every write of the turn is audited with the operator as
 * actor, channel `cockpit` and service identity `operator_cockpit` (the auth context the guard bound).
 *
 * The turn answers when it is done (JSON, not SSE): every row it produced is already persisted in
 * the session, so a caller whose connection dropped reads the outcome from the session.
 */
@Injectable()
export class OperatorTurns {
  constructor(
    private readonly store: ConversationStore,
    private readonly sessions: SessionTurnService,
  ) {}

  async run(input: OperatorTurnInput): Promise<OperatorTurnResult> {
    if (typeof input?.message === 'string') assertChatMessageAcceptable(input.message);
    const dto = await validateInput(OperatorTurnInput, input);
    const auth = currentAuth();
    const caller: AgentCaller = { actor: auth.actor, channel: auth.channel, serviceIdentity: auth.serviceIdentity, tenant: auth.tenant, roles: auth.roles };
    // The session belongs to the operator the guard bound as actor (the same one the body named).
    const session = await this.sessionFor(auth.actor, dto.sessionId);
    const confirming = dto.confirm === 'yes' || dto.message.trim() === '/confirm';
    const events = confirming
      ? this.sessions.confirm({ sessionId: session.id, caller })
      : this.sessions.turn({ sessionId: session.id, line: dto.message, caller, autonomy: autonomyFromEnv(process.env, 'batched'), allowDestructive: false });
    return collect(session.id, events);
  }

  /** The operator's own session only: another operator's session id answers like an unknown one. */
  private async sessionFor(operator: string, sessionId: string | undefined): Promise<SessionView> {
    if (sessionId) {
      const session = await this.store.get(sessionId).catch((error: unknown) => {
        if (isBssError(error) && error.code === ERROR_CODES.notFound) return null;
        throw error;
      });
      if (!session || session.actor !== operator) throw new NotFound('session', sessionId);
      return session.state === 'active' ? session : this.store.resume(sessionId);
    }
    return (await this.store.latestActive(operator)) ?? this.store.open({ actor: operator, label: 'via chat-agent' });
  }
}

async function collect(sessionId: string, events: AsyncIterable<SessionTurnEvent>): Promise<OperatorTurnResult> {
  const result: OperatorTurnResult = { sessionId, reply: null, toolCalls: [], staged: null, notice: null };
  for await (const event of events) {
    if (event.type === 'tool_result') result.toolCalls.push({ name: event.name, args: event.args, ok: event.ok, ...(event.error ? { error: event.error } : {}) });
    else if (event.type === 'proposal_staged') result.staged = { toolName: event.toolName, args: event.args };
    else if (event.type === 'assistant') result.reply = { text: event.text, kind: event.kind };
    else if (event.type === 'notice') result.notice = event.text;
  }
  return result;
}
