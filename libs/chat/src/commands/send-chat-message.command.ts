import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Clock, Database, MultiLine, NotFound, PolicyViolation, randomId, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { In, LessThan } from 'typeorm';
import { currentAuth } from '@bss/policies';
import { CHAT_RULES } from '#chat/chat.errors';
import { ConversationEntity, PendingActionEntity, TurnEntity } from '#chat/domain/chat.entities';
import { ANON_KEY, CUSTOMER_KEY } from '#chat/domain/chat-owner';
import { leaseFrom } from '#chat/domain/chat-turn-lease';
import { assertChatMessageAcceptable } from '#chat/policies/chat-message.policies';
import { conversationIdleMinutes, idleCutoff } from '#chat/policies/conversation-idle';
import { ChatCaps } from './chat-caps';
import { ChatTurnRunner, type ConfirmedAction } from './chat-turn-runner';

export class SendChatMessageInput {
  /** The customer id bound by the caller's session, or `anon-…` for a visitor. */
  @Matches(new RegExp(`${CUSTOMER_KEY.source}|${ANON_KEY.source}`)) ownerKey!: string;
  @IsOptional() @Matches(/^CHT-[0-9a-f]{8}$/) conversationId?: string;
  @IsString() @MultiLine() @MaxLength(20_000) message!: string;
  /** The customer pressed Confirm on the proposal of the previous turn. */
  @IsOptional() @IsIn(['yes']) confirm?: 'yes';
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
}

export interface ChatTurnStarted {
  conversationId: string;
  turnId: string;
}

/**
 * A chat message: refused above 4 KB and over the caps BEFORE any model is called, then stored
 * as a turn of the owner's conversation and answered by a detached run (ChatTurnRunner) that
 * persists its frames — the HTTP request returns at once, and a dropped stream loses nothing.
 * A customer owner must be the customer the caller bound into the auth context.
 */
@Verb({
  name: 'chat.send_message',
  input: SendChatMessageInput,
  summary: 'Send a message to the customer chat agent',
  cliExempt: 'the portal chat widget sends it through the chat-agent service; operators use bss ask',
})
@Injectable()
export class SendChatMessageCommand {
  constructor(
    private readonly db: Database,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly caps: ChatCaps,
    private readonly runner: ChatTurnRunner,
  ) {}

  async execute(input: SendChatMessageInput): Promise<ChatTurnStarted> {
    // The size refusal comes first and names the limit; nothing is stored, counted or sent.
    if (typeof input?.message === 'string') assertChatMessageAcceptable(input.message);
    const dto = await validateInput(SendChatMessageInput, input);
    const auth = currentAuth();
    const isCustomer = CUSTOMER_KEY.test(dto.ownerKey);
    if (isCustomer && auth.customerId !== dto.ownerKey) {
      throw new PolicyViolation(CHAT_RULES.ownerInvalid, 'The conversation owner must be the customer bound to this request', {});
    }
    if (!isCustomer && auth.customerId) throw new PolicyViolation(CHAT_RULES.ownerInvalid, 'A signed-in customer chats as themselves', {});

    const now = await this.clock.now();
    await this.db.transaction((tx) => this.caps.admit(tx, { ownerKey: dto.ownerKey, ip: dto.ip ?? null, now, tenantId: auth.tenant }));

    const { started, confirmed } = await this.uow.run(async (w) => {
      const conversation = await this.conversationFor(w, dto, auth.tenant, isCustomer);
      // A proposal lives for one reply: Confirm runs it, anything else drops it (spec §8 gap 1).
      const pending = await w.tx.findOne(PendingActionEntity, { where: { conversationId: conversation.id }, lock: { mode: 'pessimistic_write' } });
      if (pending) await w.tx.delete(PendingActionEntity, { conversationId: conversation.id });
      if (dto.confirm === 'yes' && !pending) throw new PolicyViolation(CHAT_RULES.nothingToConfirm, 'There is nothing waiting for your confirmation any more. Please ask again.', {});
      const turn = w.tx.create(TurnEntity, {
        id: randomId('TRN'),
        conversationId: conversation.id,
        ownerKey: dto.ownerKey,
        prompt: dto.message,
        reply: null,
        status: 'running',
        tools: [],
        startedAt: w.now,
        finishedAt: null,
        // The runner renews it while the turn runs; if this process dies, the sweeper ends the turn.
        leaseUntil: leaseFrom(w.now),
        tenantId: auth.tenant,
      });
      await w.tx.insert(TurnEntity, turn);
      // The stream's first frame commits with the turn: a browser that connects at once sees `live`.
      await w.tx.query(
        `insert into chat.frame (turn_id, seq, kind, data, tenant_id) values ($1, 1, 'status', '{"status":"live"}', $2)`,
        [turn.id, auth.tenant],
      );
      await w.tx.update(ConversationEntity, { id: conversation.id }, { lastActiveAt: w.now });
      await w.emit({
        eventType: 'chat.message_sent',
        aggregateType: 'chat_conversation',
        aggregateId: conversation.id,
        payload: { turnId: turn.id, confirmed: dto.confirm === 'yes', bytes: Buffer.byteLength(dto.message, 'utf8') },
      });
      const confirmedAction: ConfirmedAction | null = dto.confirm === 'yes' && pending ? { tool: pending.toolName, args: pending.toolArgs, summary: pending.summary } : null;
      return { started: { conversationId: conversation.id, turnId: turn.id }, confirmed: confirmedAction };
    });
    this.runner.start(started.turnId, { caller: auth, confirmed });
    return started;
  }

  /**
   * The owner's conversation: the one named (only if it is theirs and open), else their open one,
   * else a new one. One idle longer than BSS_CHAT_CONVERSATION_IDLE_MINUTES is closed — kept, with
   * its turns, for the audit and the transcript — and the message starts a fresh conversation
   * (with no history for the model and no proposal left to confirm).
   */
  private async conversationFor(w: WriteScope, dto: SendChatMessageInput, tenantId: string, isCustomer: boolean): Promise<ConversationEntity> {
    const cutoff = idleCutoff(w.now, conversationIdleMinutes());
    const named = dto.conversationId
      ? await w.tx.findOne(ConversationEntity, { where: { id: dto.conversationId, ownerKey: dto.ownerKey, state: 'active', tenantId } })
      : await w.tx.findOne(ConversationEntity, { where: { ownerKey: dto.ownerKey, state: 'active', tenantId }, order: { lastActiveAt: 'DESC' } });
    if (dto.conversationId && !named) throw new NotFound('conversation', dto.conversationId);
    if (named && named.lastActiveAt >= cutoff) return named;

    const expired = await w.tx.find(ConversationEntity, { where: { ownerKey: dto.ownerKey, state: 'active', tenantId, lastActiveAt: LessThan(cutoff) } });
    if (expired.length) {
      await w.tx.update(ConversationEntity, { id: In(expired.map((c) => c.id)) }, { state: 'closed' });
      for (const conversation of expired) {
        await w.emit({
          eventType: 'chat.conversation_expired',
          aggregateType: 'chat_conversation',
          aggregateId: conversation.id,
          payload: { ownerKey: dto.ownerKey, lastActiveAt: conversation.lastActiveAt.toISOString(), idleMinutes: conversationIdleMinutes() },
        });
      }
    }
    const fresh = w.tx.create(ConversationEntity, {
      id: randomId('CHT'),
      ownerKey: dto.ownerKey,
      customerId: isCustomer ? dto.ownerKey : null,
      state: 'active',
      createdAt: w.now,
      lastActiveAt: w.now,
      tenantId,
    });
    await w.tx.insert(ConversationEntity, fresh);
    return fresh;
  }
}
