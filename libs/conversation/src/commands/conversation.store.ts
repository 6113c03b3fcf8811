import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, Database, NotFound, PolicyViolation, type Tx } from '@bss/platform';
import { CONVERSATION_RULES } from '#conversation/conversation.errors';
import type { RecordedToolCall } from '#conversation/domain/message.entity';
import type { MessageView, PendingAction, SessionSummary, SessionView } from '#conversation/domain/session.views';
import { transcriptText, TRANSCRIPT_MAX_CHARS } from '#conversation/domain/transcript';

interface SessionRow {
  id: string;
  actor: string;
  label: string | null;
  customer_focus: string | null;
  subscription_focus: string | null;
  allow_destructive: boolean;
  state: 'active' | 'closed';
  started_at: Date;
  last_active_at: Date;
  closed_at: Date | null;
  message_count?: string;
}

interface MessageRow {
  id: string;
  session_id: string;
  role: MessageView['role'];
  content: string;
  tool_name: string | null;
  tool_calls_json: MessageView['toolCalls'];
  created_at: Date;
}

interface PendingRow {
  session_id: string;
  tool_name: string;
  tool_args_json: Record<string, unknown>;
  proposal_message_id: string | null;
  proposed_at: Date;
}

export interface OpenSessionInput {
  actor: string;
  label?: string | null;
  customerFocus?: string | null;
  allowDestructive?: boolean;
}

const SESSION_COLUMNS = `s.id, s.actor, s.label, s.customer_focus, s.subscription_focus, s.allow_destructive, s.state, s.started_at, s.last_active_at, s.closed_at`;

/**
 * The conversation store of the operator cockpit (schema `cockpit`), shared by the terminal REPL
 * and the browser. Each method is one statement or one transaction, so two faces working on the
 * same session never see half a change; `consumePending` is a single `delete … returning`, which
 * makes a staged destructive action single-shot even under two concurrent `/confirm`s.
 *
 * Not a verb on the spine: a conversation is the operator's notebook, not business state, and the
 * model must never be able to edit its own transcript. Every business write of a turn is audited
 * by its own command.
 */
@Injectable()
export class ConversationStore {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async open(input: OpenSessionInput): Promise<SessionView> {
    const now = await this.clock.now();
    const id = `SES-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const [row] = await this.db.query<SessionRow>(
      `insert into cockpit.session as s (id, actor, label, customer_focus, allow_destructive, state, started_at, last_active_at)
       values ($1, $2, $3, $4, $5, 'active', $6, $6) returning ${SESSION_COLUMNS}`,
      [id, input.actor, input.label ?? null, input.customerFocus ?? null, input.allowDestructive ?? false, now],
    );
    return toSessionView(row!);
  }

  async get(sessionId: string): Promise<SessionView> {
    const [row] = await this.db.query<SessionRow>(`select ${SESSION_COLUMNS} from cockpit.session s where s.id = $1`, [sessionId]);
    if (!row) throw new NotFound('session', sessionId);
    return toSessionView(row);
  }

  /** Picks a session up again (closed ones reopen: the operator asked for it by id) and marks it active now. */
  async resume(sessionId: string): Promise<SessionView> {
    const now = await this.clock.now();
    const [row] = await returning<SessionRow>(
      this.db.manager,
      `update cockpit.session s set last_active_at = $2, state = 'active', closed_at = null where s.id = $1 returning ${SESSION_COLUMNS}`,
      [sessionId, now],
    );
    if (!row) throw new NotFound('session', sessionId);
    return toSessionView(row);
  }

  /** The actor's most recently active open session, if any (what a bare `bss` resumes). */
  async latestActive(actor: string): Promise<SessionView | null> {
    const [row] = await this.db.query<SessionRow>(
      `select ${SESSION_COLUMNS} from cockpit.session s where s.actor = $1 and s.state = 'active' order by s.last_active_at desc, s.id desc limit 1`,
      [actor],
    );
    return row ? toSessionView(row) : null;
  }

  /** Newest activity first, with message counts; closed sessions only when asked. */
  async listFor(actor: string, options: { activeOnly?: boolean; limit?: number } = {}): Promise<SessionSummary[]> {
    const rows = await this.db.query<SessionRow>(
      `select ${SESSION_COLUMNS}, (select count(*) from cockpit.message m where m.session_id = s.id) as message_count
         from cockpit.session s
        where s.actor = $1 and ($2::boolean = false or s.state = 'active')
        order by s.last_active_at desc, s.id desc
        limit $3`,
      [actor, options.activeOnly ?? true, options.limit ?? 50],
    );
    return rows.map((r) => ({ ...toSessionView(r), messageCount: Number(r.message_count ?? 0) }));
  }

  appendUser(sessionId: string, content: string): Promise<number> {
    return this.append(sessionId, 'user', content, null, null);
  }

  appendAssistant(sessionId: string, content: string, toolCalls: readonly RecordedToolCall[] = []): Promise<number> {
    return this.append(sessionId, 'assistant', content, null, toolCalls.length ? toolCalls : null);
  }

  /** A tool's result as the operator saw it (the rendered card, else JSON), with its arguments and full result alongside. */
  appendTool(sessionId: string, toolName: string, content: string, detail: { args?: Record<string, unknown>; result?: unknown } = {}): Promise<number> {
    return this.append(sessionId, 'tool', content, toolName, detail);
  }

  async listMessages(sessionId: string, options: { last?: number } = {}): Promise<MessageView[]> {
    const rows = await this.db.query<MessageRow>(
      options.last
        ? `select * from (select * from cockpit.message where session_id = $1 order by id desc limit $2) m order by id`
        : `select * from cockpit.message where session_id = $1 order by id`,
      options.last ? [sessionId, options.last] : [sessionId],
    );
    return rows.map(toMessageView);
  }

  async transcriptText(sessionId: string, maxChars = TRANSCRIPT_MAX_CHARS): Promise<string> {
    return transcriptText(await this.listMessages(sessionId), maxChars);
  }

  /** Forgets the conversation (messages and the staged action) but keeps the session, its label and focus. */
  async reset(sessionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.touch(tx, sessionId);
      await tx.query(`delete from cockpit.pending_action where session_id = $1`, [sessionId]);
      await tx.query(`delete from cockpit.message where session_id = $1`, [sessionId]);
    });
  }

  async close(sessionId: string): Promise<SessionView> {
    const now = await this.clock.now();
    return this.db.transaction(async (tx) => {
      const [row] = await returning<SessionRow>(
        tx,
        `update cockpit.session s set state = 'closed', closed_at = $2 where s.id = $1 returning ${SESSION_COLUMNS}`,
        [sessionId, now],
      );
      if (!row) throw new NotFound('session', sessionId);
      await tx.query(`delete from cockpit.pending_action where session_id = $1`, [sessionId]);
      return toSessionView(row);
    });
  }

  /** Pins (or with null, unpins) the customer and optionally the line the conversation is about. */
  async setFocus(sessionId: string, focus: { customerId: string | null; subscriptionId?: string | null }): Promise<SessionView> {
    const now = await this.clock.now();
    const [row] = await returning<SessionRow>(
      this.db.manager,
      `update cockpit.session s set customer_focus = $2, subscription_focus = $3, last_active_at = $4 where s.id = $1 returning ${SESSION_COLUMNS}`,
      [sessionId, focus.customerId, focus.subscriptionId ?? null, now],
    );
    if (!row) throw new NotFound('session', sessionId);
    return toSessionView(row);
  }

  /** Stages the session's one pending destructive action, replacing any earlier one. */
  async setPending(sessionId: string, action: { toolName: string; args: Record<string, unknown>; proposalMessageId?: number | null }): Promise<PendingAction> {
    const now = await this.clock.now();
    const [row] = await this.db.query<PendingRow>(
      `insert into cockpit.pending_action (session_id, tool_name, tool_args_json, proposal_message_id, proposed_at)
       values ($1, $2, $3::jsonb, $4, $5)
       on conflict (session_id) do update set tool_name = excluded.tool_name, tool_args_json = excluded.tool_args_json,
         proposal_message_id = excluded.proposal_message_id, proposed_at = excluded.proposed_at
       returning *`,
      [sessionId, action.toolName, JSON.stringify(action.args), action.proposalMessageId ?? null, now],
    );
    return toPending(row!);
  }

  async peekPending(sessionId: string): Promise<PendingAction | null> {
    const [row] = await this.db.query<PendingRow>(`select * from cockpit.pending_action where session_id = $1`, [sessionId]);
    return row ? toPending(row) : null;
  }

  /** Takes the staged action out, exactly once: of two concurrent callers, one gets it and the other null. */
  async consumePending(sessionId: string): Promise<PendingAction | null> {
    const [row] = await returning<PendingRow>(this.db.manager, `delete from cockpit.pending_action where session_id = $1 returning *`, [sessionId]);
    return row ? toPending(row) : null;
  }

  private async append(sessionId: string, role: MessageView['role'], content: string, toolName: string | null, toolCalls: unknown): Promise<number> {
    const now = await this.clock.now();
    return this.db.transaction(async (tx) => {
      await this.touch(tx, sessionId, { mustBeActive: true });
      const [row] = (await tx.query(
        `insert into cockpit.message (session_id, role, content, tool_name, tool_calls_json, created_at) values ($1, $2, $3, $4, $5::jsonb, $6) returning id`,
        [sessionId, role, content, toolName, toolCalls === null ? null : JSON.stringify(toolCalls), now],
      )) as { id: string }[];
      return Number(row!.id);
    });
  }

  /** Bumps last activity, locking the session row so appends and resets of one session queue up. */
  private async touch(tx: Tx, sessionId: string, options: { mustBeActive?: boolean } = {}): Promise<void> {
    const now = await this.clock.now();
    const [row] = await returning<{ state: string }>(tx, `update cockpit.session set last_active_at = $2 where id = $1 returning state`, [sessionId, now]);
    if (!row) throw new NotFound('session', sessionId);
    if (options.mustBeActive && row.state !== 'active') {
      throw new PolicyViolation(CONVERSATION_RULES.sessionClosed, `session ${sessionId} is closed; resume it first`, { sessionId });
    }
  }
}

/** The rows of an `update|delete … returning` (TypeORM answers those with `[rows, count]`, inserts with the rows). */
async function returning<R>(tx: Tx, sql: string, params: unknown[]): Promise<R[]> {
  const raw = (await tx.query(sql, params)) as R[] | [R[], number];
  return Array.isArray(raw[0]) ? (raw[0] as R[]) : (raw as R[]);
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toSessionView(row: SessionRow): SessionView {
  return {
    id: row.id,
    actor: row.actor,
    label: row.label,
    customerFocus: row.customer_focus,
    subscriptionFocus: row.subscription_focus,
    allowDestructive: row.allow_destructive,
    state: row.state,
    startedAt: iso(row.started_at),
    lastActiveAt: iso(row.last_active_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
  };
}

function toMessageView(row: MessageRow): MessageView {
  return {
    id: Number(row.id),
    sessionId: row.session_id,
    role: row.role,
    content: row.content,
    toolName: row.tool_name,
    toolCalls: row.tool_calls_json,
    createdAt: iso(row.created_at),
  };
}

function toPending(row: PendingRow): PendingAction {
  return {
    sessionId: row.session_id,
    toolName: row.tool_name,
    args: row.tool_args_json,
    proposalMessageId: row.proposal_message_id === null ? null : Number(row.proposal_message_id),
    proposedAt: iso(row.proposed_at),
  };
}
