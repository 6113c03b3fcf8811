import { Module } from '@nestjs/common';
import { defineContext, type Tx } from '@bss/platform';
import { ConversationStore } from './commands/conversation.store';
import { MessageEntity } from './domain/message.entity';
import { PendingActionEntity } from './domain/pending-action.entity';
import { SessionEntity } from './domain/session.entity';
import { SessionTurnService } from './turn/session-turn.service';

/** `bss admin reset` clears conversations: they talk about operational rows that are gone after it. */
async function resetConversations(tx: Tx): Promise<void> {
  await tx.query(`delete from cockpit.session`);
}

export const CONVERSATION_CONTEXT = defineContext({
  name: 'conversation',
  entities: [SessionEntity, MessageEntity, PendingActionEntity],
  reset: resetConversations,
  resetOrder: 5,
});

/**
 * The operator cockpit's conversations (REPL and browser): the store, and the session-turn service
 * that runs agent turns inside a session. Import next to `BssCoreModule` (and optionally
 * `AgentModule`) so every tool's command is resolvable.
 */
@Module({
  providers: [ConversationStore, SessionTurnService],
  exports: [ConversationStore, SessionTurnService],
})
export class ConversationModule {}
