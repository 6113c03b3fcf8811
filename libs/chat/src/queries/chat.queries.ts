import { Injectable } from '@nestjs/common';
import { MoreThan, MoreThanOrEqual } from 'typeorm';
import { Clock, Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { ConversationEntity, FrameEntity, PendingActionEntity, TurnEntity } from '#chat/domain/chat.entities';
import type { ChatFrame } from '#chat/domain/chat-frame';
import { periodOf } from '#chat/policies/chat-caps';
import { conversationIdleMinutes, idleCutoff } from '#chat/policies/conversation-idle';

export interface ChatTurnView {
  id: string;
  conversationId: string;
  prompt: string;
  reply: string | null;
  status: TurnEntity['status'];
  tools: { name: string; ok: boolean }[];
  startedAt: Date;
  finishedAt: Date | null;
}

export interface ChatConversationView {
  id: string;
  ownerKey: string;
  state: ConversationEntity['state'];
  turns: ChatTurnView[];
  /** The proposal waiting for the customer's Confirm, if any. */
  pending: { summary: string } | null;
}

const toTurnView = (t: TurnEntity): ChatTurnView => ({
  id: t.id,
  conversationId: t.conversationId,
  prompt: t.prompt,
  reply: t.reply,
  status: t.status,
  tools: t.tools,
  startedAt: t.startedAt,
  finishedAt: t.finishedAt,
});

/**
 * Reads of the chat, always through the owner: a conversation or turn of another owner answers
 * exactly like one that does not exist (NotFound), so an id reveals nothing.
 */
@Injectable()
export class ChatQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * The owner's open conversation (newest), with its turns; null when they have none, or when it
   * has been idle longer than BSS_CHAT_CONVERSATION_IDLE_MINUTES: the widget starts empty, and the
   * next message opens a fresh conversation (the old one stays, readable by its id, for the record).
   */
  async activeConversation(ownerKey: string): Promise<ChatConversationView | null> {
    const cutoff = idleCutoff(await this.clock.now(), conversationIdleMinutes());
    const conversation = await this.db.manager.findOne(ConversationEntity, {
      where: { ownerKey, state: 'active', tenantId: currentAuth().tenant, lastActiveAt: MoreThanOrEqual(cutoff) },
      order: { lastActiveAt: 'DESC' },
    });
    return conversation ? this.withTurns(conversation) : null;
  }

  /** One conversation of this owner; NotFound when it is unknown or someone else's. */
  async ownedConversation(ownerKey: string, conversationId: string): Promise<ChatConversationView> {
    const conversation = await this.db.manager.findOne(ConversationEntity, { where: { id: conversationId, ownerKey, tenantId: currentAuth().tenant } });
    if (!conversation) throw new NotFound('conversation', conversationId);
    return this.withTurns(conversation);
  }

  /** One turn of this owner; NotFound when it is unknown or someone else's. */
  async ownedTurn(ownerKey: string, turnId: string): Promise<ChatTurnView> {
    const turn = await this.db.manager.findOne(TurnEntity, { where: { id: turnId, ownerKey, tenantId: currentAuth().tenant } });
    if (!turn) throw new NotFound('turn', turnId);
    return toTurnView(turn);
  }

  /** The turn's frames after `afterSeq`, in order. */
  async frames(turnId: string, afterSeq = 0): Promise<ChatFrame[]> {
    const rows = await this.db.manager.find(FrameEntity, { where: { turnId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' } });
    return rows.map((f) => ({ turnId: f.turnId, seq: f.seq, kind: f.kind, data: f.data }));
  }

  /** Requests and cost of an owner in the month of `at`. */
  async usage(ownerKey: string, at: Date): Promise<{ requestsCount: number; costCents: number; promptTokens: number; completionTokens: number }> {
    const [row] = await this.db.query<{ requests_count: number; cost_cents: number; prompt_tokens: string; completion_tokens: string }>(
      `select requests_count, cost_cents, prompt_tokens, completion_tokens from chat.usage where owner_key = $1 and period_yyyymm = $2`,
      [ownerKey, periodOf(at)],
    );
    return {
      requestsCount: row?.requests_count ?? 0,
      costCents: row?.cost_cents ?? 0,
      promptTokens: Number(row?.prompt_tokens ?? 0),
      completionTokens: Number(row?.completion_tokens ?? 0),
    };
  }

  private async withTurns(conversation: ConversationEntity): Promise<ChatConversationView> {
    const [turns, pending] = await Promise.all([
      this.db.manager.find(TurnEntity, { where: { conversationId: conversation.id, ownerKey: conversation.ownerKey }, order: { startedAt: 'ASC' } }),
      this.db.manager.findOne(PendingActionEntity, { where: { conversationId: conversation.id } }),
    ]);
    return { id: conversation.id, ownerKey: conversation.ownerKey, state: conversation.state, turns: turns.map(toTurnView), pending: pending ? { summary: pending.summary } : null };
  }
}
