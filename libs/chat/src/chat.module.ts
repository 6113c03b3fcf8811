import { Module, type OnModuleInit } from '@nestjs/common';
import { AgentModule } from '@bss/agent';
import { CrmModule } from '@bss/crm';
import { SubscriptionModule } from '@bss/subscription';
import { defineContext } from '@bss/platform';
import { ChatCaps } from './commands/chat-caps';
import { ChatTurnRunner } from './commands/chat-turn-runner';
import { ResetChatCommand } from './commands/reset-chat.command';
import { SendChatMessageCommand } from './commands/send-chat-message.command';
import { SweepInterruptedTurnsCommand } from './commands/sweep-interrupted-turns.command';
import { CHAT_ENTITIES } from './domain/chat.entities';
import { ChatFrameStream } from './queries/chat-frame-stream';
import { ChatQueries } from './queries/chat.queries';
import { conversationIdleMinutes } from './policies/conversation-idle';

export const CHAT_CONTEXT = defineContext({
  name: 'chat',
  entities: CHAT_ENTITIES,
  resetOrder: 5,
  reset: async (tx) => {
    await tx.query('delete from chat.conversation');
    await tx.query('delete from chat.request');
    await tx.query('delete from chat.usage');
  },
  // A customer's chat is keyed by its owner key, which for a customer is the customer id; turns,
  // frames and a staged action go with their conversation (on delete cascade). The transcript of
  // an escalated case stays: it is audit evidence (append-only), like the audit events.
  forgetCustomers: async (tx, { customerIds }) => {
    const [{ chatConversations }] = (await tx.query(
      `with gone as (delete from chat.conversation where owner_key = any($1) or customer_id = any($1) returning 1)
       select count(*)::int as "chatConversations" from gone`,
      [customerIds],
    )) as { chatConversations: number }[];
    await tx.query('delete from chat.request where owner_key = any($1)', [customerIds]);
    await tx.query('delete from chat.usage where owner_key = any($1)', [customerIds]);
    return { chatConversations };
  },
});

/** Reading and streaming the chat only (the portal): no agent, no turn runner in that process. */
@Module({
  providers: [ChatQueries, ChatFrameStream],
  exports: [ChatQueries, ChatFrameStream],
})
export class ChatReadModule implements OnModuleInit {
  /** Every process that shows or runs the chat refuses to start on a bad idle setting (ConfigInvalid names it). */
  onModuleInit(): void {
    conversationIdleMinutes();
  }
}

/**
 * The customer chat: owner-bound conversations and turns, caps in Postgres, turns run detached
 * through the one agent loop with the chat's guards, frames persisted and streamed from any process;
 * turns whose process died are swept as interrupted (on boot and every 30 s).
 */
@Module({
  imports: [ChatReadModule, AgentModule, CrmModule, SubscriptionModule],
  providers: [SendChatMessageCommand, ResetChatCommand, ChatTurnRunner, ChatCaps, SweepInterruptedTurnsCommand],
  exports: [ChatReadModule, SendChatMessageCommand, ResetChatCommand, ChatTurnRunner, SweepInterruptedTurnsCommand],
})
export class ChatModule {}
