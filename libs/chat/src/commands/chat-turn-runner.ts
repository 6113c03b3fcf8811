import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { AgentRunner, DOTTED_NAMES, FixtureChatModel, stableJson, type AgentEvent, type ChatModelHandle, type ToolCallGuard } from '@bss/agent';
import { AuditLog } from '@bss/audit';
import { CustomerQueries, LogInteractionCommand } from '@bss/crm';
import { Clock, Database, LOGGER, type Logger, type Tx } from '@bss/platform';
import { runWithAuth, type AuthContext } from '@bss/policies';
import { SubscriptionQueries } from '@bss/subscription';
import { ConversationEntity, TurnEntity } from '#chat/domain/chat.entities';
import { CHAT_FRAME_CHANNEL, type ChatFrameData, type ChatFrameKind } from '#chat/domain/chat-frame';
import { CUSTOMER_KEY } from '#chat/domain/chat-owner';
import { leaseFrom, TURN_HEARTBEAT_MS } from '#chat/domain/chat-turn-lease';
import { turnCostCents } from '#chat/policies/chat-caps';
import { browsePrompt, customerHelp, GENERIC_APOLOGY, linkedCustomerPrompt, operatorSupportEmail, signInPointer, TURN_FAILED, type CustomerSnapshot } from '#chat/policies/chat-prompts';
import { claimsEscalation, escalationFallback } from '#chat/policies/escalation-claim';
import { findForeignOwner } from '#chat/policies/ownership-trip-wire';
import { BROWSE_TOOLS, NEEDS_CONFIRMATION, toolLabel } from '#chat/policies/tool-labels';
import { ChatCaps } from './chat-caps';
import { SweepInterruptedTurnsCommand } from './sweep-interrupted-turns.command';

/** A proposal the customer confirmed: this turn runs exactly that call. */
export interface ConfirmedAction {
  tool: string;
  args: Record<string, unknown>;
  summary: string;
}

/** The turn error the trip-wire ends a turn with (spec §5 `AgentOwnershipViolation: <tool>`). */
export const OWNERSHIP_VIOLATION = 'AgentOwnershipViolation:';
const CONFIRMATION_REQUIRED = 'CONFIRMATION_REQUIRED';
const STAGED = 'chat_confirmation_required:';
/** Earlier turns the model sees (the newest), and the transcript's size bound. */
const HISTORY_TURNS = 12;
const TRANSCRIPT_MAX_CHARS = 32_000;

/**
 * Runs a chat turn detached from the HTTP request that asked for it: the one agent loop
 * (`AgentRunner`) with the chat's guards around every tool call — the confirmation gate for
 * money-moving calls, then the ownership trip-wire (layer 3) on every result — and every frame
 * persisted (and NOTIFYed) as it happens, so any process can stream it and a dropped connection
 * loses nothing. The profile (layer 1) and the wrappers' own pre-check (layer 2) run inside the
 * runner and executor.
 */
@Injectable()
export class ChatTurnRunner implements OnModuleDestroy {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly agent: AgentRunner,
    private readonly caps: ChatCaps,
    private readonly audit: AuditLog,
    private readonly customers: CustomerQueries,
    private readonly subscriptions: SubscriptionQueries,
    private readonly logInteraction: LogInteractionCommand,
    private readonly sweeper: SweepInterruptedTurnsCommand,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts the turn and returns at once; the turn's frames tell the rest. */
  start(turnId: string, options: { caller: AuthContext; confirmed: ConfirmedAction | null }): void {
    const run = this.run(turnId, options)
      .catch(async (error: unknown) => {
        this.logger.error({ turnId, error: (error as Error).message }, 'chat turn failed');
        // This process is alive: end the turn now rather than when its lease runs out.
        await this.sweeper.execute({ turnId }).catch(() => undefined);
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves when every turn this process started has finished (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  /** A stopping process finishes its turns first: their replies are persisted, never cut off. */
  onModuleDestroy(): Promise<void> {
    return this.idle();
  }

  private async run(turnId: string, options: { caller: AuthContext; confirmed: ConfirmedAction | null }): Promise<void> {
    const turn = await this.db.manager.findOneByOrFail(TurnEntity, { id: turnId });
    // The lease says this process still runs the turn; renewed until the turn's last write.
    const heartbeat = setInterval(() => void this.renewLease(turn.id), TURN_HEARTBEAT_MS);
    try {
      await this.runLeased(turn, options);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async renewLease(turnId: string): Promise<void> {
    try {
      const now = await this.clock.now();
      await this.db.manager.update(TurnEntity, { id: turnId, status: 'running' }, { leaseUntil: leaseFrom(now) });
    } catch (error) {
      this.logger.warn({ turnId, error: (error as Error).message }, 'chat turn lease renewal failed');
    }
  }

  private async runLeased(turn: TurnEntity, options: { caller: AuthContext; confirmed: ConfirmedAction | null }): Promise<void> {
    const turnId = turn.id;
    // Frame 1 (`status live`) was written with the turn itself, so a stream has something at once.
    const frames = new FrameWriter(this.db, turnId, turn.tenantId, 1);
    const customerId = CUSTOMER_KEY.test(turn.ownerKey) ? turn.ownerKey : undefined;
    const caller: AuthContext = { ...options.caller, actor: turn.ownerKey, channel: 'portal-chat', customerId };
    const [earlier, snapshot] = await Promise.all([this.earlierTurns(turn), customerId ? this.snapshot(customerId) : Promise.resolve(null)]);
    const history: BaseMessage[] = earlier.flatMap((t) => [new HumanMessage(t.prompt), new AIMessage(t.reply ?? '')]);
    const transcript = boundedTranscript([...earlier.flatMap((t) => [`User: ${t.prompt}`, `Assistant: ${t.reply ?? ''}`]), `User: ${turn.prompt}`].join('\n'));

    const state: TurnState = { staged: null, tripped: false, called: [] };
    const guards: ToolCallGuard[] = [this.confirmationGate(turn, options.confirmed, state)];
    if (customerId) guards.push(this.tripWire(customerId, caller, turn.prompt, state));
    const model = options.confirmed ? confirmedActionModel(options.confirmed) : undefined;
    let reply = '';
    let failed = false;
    let usage: Extract<AgentEvent, { type: 'turn_usage' }> | undefined;

    const events = this.agent.runTurn({
      prompt: turn.prompt,
      profile: 'customer_self_serve',
      caller,
      // Money-moving calls are gated by the chat's own confirmation step (above), not the operator gate.
      allowDestructive: true,
      autonomy: 'batched',
      systemPrompt: customerId ? linkedCustomerPrompt(snapshot) : browsePrompt(),
      history,
      transcript,
      guards,
      ...(customerId ? {} : { narrowTo: BROWSE_TOOLS }),
      ...(model ? { model } : {}),
    });
    for await (const event of events) {
      if (event.type === 'tool_call_completed') {
        state.called.push({ name: event.name, ok: !event.isError });
        if (event.error !== CONFIRMATION_REQUIRED) await frames.write('tool', { callId: event.callId, label: toolLabel(event.name), ok: !event.isError });
      } else if (event.type === 'turn_usage') {
        usage = event;
      } else if (event.type === 'final_message') {
        reply = event.text;
      } else if (event.type === 'error') {
        failed = !event.message.startsWith(STAGED);
        reply = event.message;
      }
    }

    let confirm: { summary: string } | undefined;
    if (state.tripped) reply = GENERIC_APOLOGY;
    else if (state.staged) {
      confirm = { summary: state.staged.summary };
      reply = `${state.staged.summary} Press Confirm to go ahead, or just ask something else to skip it.`;
      failed = false;
    } else if (failed) reply = TURN_FAILED;
    else if (options.confirmed) reply = confirmedReply(options.confirmed, state.called.at(-1)?.ok ?? false);
    // A visitor has the catalog only: when no catalog read answered, the question was about something an account holds.
    else if (!customerId && !state.called.some((c) => c.ok)) reply = signInPointer();
    else if (customerId && OFFLINE_FALLBACK.test(reply)) reply = customerHelp();
    else if (claimsEscalation(reply) && !state.called.some((c) => c.name === 'case.open_for_me' && c.ok)) reply = escalationFallback(operatorSupportEmail());
    if (!reply.trim() || reply.trim() === '(done)') reply = customerId ? TURN_FAILED : signInPointer();

    const now = await this.clock.now();
    await this.db.transaction(async (tx) => {
      await this.caps.recordUsage(tx, {
        ownerKey: turn.ownerKey,
        at: now,
        promptTokens: usage?.promptTokens ?? 0,
        completionTokens: usage?.completionTokens ?? 0,
        costCents: usage ? turnCostCents(usage.provider, usage.model, usage.promptTokens, usage.completionTokens) : 0,
        tenantId: turn.tenantId,
      });
      // Only a turn still running is finished here. One the sweeper already ended as interrupted
      // (this process stalled past its lease) stays so: its stream has ended, nothing more is said.
      const finished = await tx.update(TurnEntity, { id: turn.id, status: 'running' }, { reply, status: failed ? 'error' : 'done', tools: state.called, finishedAt: now, leaseUntil: null });
      if (!finished.affected) return;
      if (state.staged) {
        await tx.query(
          `insert into chat.pending_action (conversation_id, tenant_id, tool_name, tool_args, summary, proposed_at) values ($1, $2, $3, $4, $5, $6)
           on conflict (conversation_id) do update set tool_name = excluded.tool_name, tool_args = excluded.tool_args, summary = excluded.summary, proposed_at = excluded.proposed_at`,
          [turn.conversationId, turn.tenantId, state.staged.tool, JSON.stringify(state.staged.args), state.staged.summary, now],
        );
      }
      await tx.update(ConversationEntity, { id: turn.conversationId }, { lastActiveAt: now });
      // The reply and the final status commit with the turn's outcome: a stream sees both or neither.
      await frames.write('message', confirm ? { text: reply, confirm } : { text: reply }, tx);
      await frames.write('status', { status: failed ? 'error' : 'done' }, tx);
    });
  }

  private earlierTurns(turn: TurnEntity): Promise<TurnEntity[]> {
    return this.db.manager
      .createQueryBuilder(TurnEntity, 't')
      .where('t.conversation_id = :conversation and t.owner_key = :owner and t.id <> :id and t.status = :done', {
        conversation: turn.conversationId,
        owner: turn.ownerKey,
        id: turn.id,
        done: 'done',
      })
      .orderBy('t.started_at', 'DESC')
      .limit(HISTORY_TURNS)
      .getMany()
      .then((rows) => rows.reverse());
  }

  /** What the prompt may quote about the customer; a failed read leaves `(loading)` placeholders. */
  private async snapshot(customerId: string): Promise<CustomerSnapshot | null> {
    try {
      const [customer, lines] = await Promise.all([this.customers.get(customerId), this.subscriptions.listForCustomer(customerId)]);
      return {
        name: customer.name,
        state: customer.status,
        email: customer.email,
        lines: lines.map((l) => ({ id: l.id, plan: l.offeringId, state: l.state, charge: `${l.currency} ${l.effectiveAmount || l.priceAmount}` })),
      };
    } catch {
      return null;
    }
  }

  /**
   * Money-moving calls run only as the confirmed call of a Confirm turn; otherwise the call is
   * staged as a proposal (the turn ends, the customer sees what it would do and a Confirm button).
   */
  private confirmationGate(turn: TurnEntity, confirmed: ConfirmedAction | null, state: TurnState): ToolCallGuard {
    return {
      before: ({ name, args }) => {
        if (!NEEDS_CONFIRMATION.includes(name)) return undefined;
        if (confirmed && confirmed.tool === name && stableJson(confirmed.args) === stableJson(args)) return undefined;
        const record = (args ?? {}) as Record<string, unknown>;
        state.staged ??= { tool: name, args: record, summary: proposalSummary(name, record) };
        const observation = { error: CONFIRMATION_REQUIRED, message: 'The customer must press Confirm first; the proposal is shown to them.' };
        return { ok: false, result: observation, observation: JSON.stringify(observation), error: CONFIRMATION_REQUIRED };
      },
      after: ({ outcome }) => (outcome.error === CONFIRMATION_REQUIRED ? { endTurn: `${STAGED} ${turn.id}` } : undefined),
    };
  }

  /**
   * Layer 3: every successful result is walked for the bound customer before the model or the
   * stream sees it. A foreign owner ends the turn, writes a P0 audit event and a CRM interaction on
   * the customer; the customer reads only the generic apology.
   */
  private tripWire(customerId: string, caller: AuthContext, prompt: string, state: TurnState): ToolCallGuard {
    return {
      after: async ({ name, outcome }) => {
        if (!outcome.ok) return undefined;
        const trip = findForeignOwner(name, outcome.result, customerId);
        if (!trip) return undefined;
        state.tripped = true;
        await this.recordTrip(caller, customerId, name, trip, prompt);
        return { endTurn: `${OWNERSHIP_VIOLATION} ${name}` };
      },
    };
  }

  private async recordTrip(caller: AuthContext, customerId: string, tool: string, trip: { path: string; found: string }, prompt: string): Promise<void> {
    const now = await this.clock.now();
    const details = { tool, path: trip.path, found: trip.found, actor: customerId, severity: 'P0' };
    this.logger.error(details, 'agent.ownership_violation');
    await runWithAuth(caller, async () => {
      await this.audit.record(this.db.manager, now, { eventType: 'agent.ownership_violation', aggregateType: 'customer', aggregateId: customerId, payload: details }).catch(() => undefined);
      await this.logInteraction
        .execute({
          customerId,
          summary: `P0 agent ownership violation on ${tool}`.slice(0, 200),
          body: `tool: ${tool}\npath: ${trip.path}\nfound: ${trip.found}\nactor: ${customerId}\nprompt: ${prompt.slice(0, 1000)}`,
          channel: 'portal-chat',
        })
        .catch(() => undefined);
    });
  }
}

interface TurnState {
  staged: ConfirmedAction | null;
  tripped: boolean;
  called: { name: string; ok: boolean }[];
}

/** Persists a turn's frames in order and wakes the streams (NOTIFY fires when the insert commits). */
export class FrameWriter {
  constructor(
    private readonly db: Database,
    private readonly turnId: string,
    private readonly tenantId: string,
    private seq = 0,
  ) {}

  /** In `tx` when given: the frame commits (and its NOTIFY fires) with the rest of that transaction. */
  async write(kind: ChatFrameKind, data: ChatFrameData, tx?: Tx): Promise<void> {
    this.seq += 1;
    await (tx ?? this.db).query(
      `with f as (insert into chat.frame (turn_id, seq, kind, data, tenant_id) values ($1, $2, $3, $4, $5) returning turn_id)
       select pg_notify('${CHAT_FRAME_CHANNEL}', turn_id) from f`,
      [this.turnId, this.seq, kind, JSON.stringify(data), this.tenantId],
    );
  }
}

/** The one call a Confirm turn runs: the staged tool with its staged arguments, then a fixed reply. */
function confirmedActionModel(action: ConfirmedAction): ChatModelHandle {
  const model = new FixtureChatModel({ responses: [{ match: '', steps: [{ tool_calls: [{ name: action.tool, args: action.args }] }, { content: 'done' }] }] });
  return { provider: 'fixture', modelName: 'confirmed-action', model, toolNames: DOTTED_NAMES };
}

function proposalSummary(tool: string, args: Record<string, unknown>): string {
  const line = typeof args.subscriptionId === 'string' ? ` on line ${args.subscriptionId}` : '';
  if (tool === 'vas.purchase_for_me') return `I can buy the top-up ${String(args.vasOfferingId ?? '')}${line}, charged to your card on file.`;
  if (tool === 'subscription.schedule_plan_change_mine') return `I can switch${line} to ${String(args.offeringId ?? '')} from your next renewal (no proration).`;
  return `I can cancel${line} for good.`;
}

/** Spec §5: fixed confirmations after a top-up or plan change. */
function confirmedReply(action: ConfirmedAction, ok: boolean): string {
  if (!ok) return 'That did not go through, and nothing was charged. Please check your card on the Cards page, or try again.';
  if (action.tool === 'vas.purchase_for_me') return 'Done — your top-up is active now. Your dashboard shows the new balance.';
  if (action.tool === 'subscription.schedule_plan_change_mine') return 'Done — your new plan starts at your next renewal. There is no proration.';
  return 'Done — the line is cancelled.';
}

/** The offline model's catch-all lists operator abilities; a customer hears what their chat can do instead. */
const OFFLINE_FALLBACK = /^Sorry, I can't help with that\./;

function boundedTranscript(text: string): string {
  return text.length > TRANSCRIPT_MAX_CHARS ? `(earlier messages cut)\n${text.slice(text.length - TRANSCRIPT_MAX_CHARS)}` : text;
}

