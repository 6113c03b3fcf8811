import { Module } from '@nestjs/common';
import { KnowledgeModule } from '@bss/knowledge';
import { join } from 'node:path';
import { defineContext, localStateDir } from '@bss/platform';
import { CockpitSettings } from './domain/cockpit-settings';
import { ConversationStore } from './commands/conversation.store';
import { MessageEntity } from './domain/message.entity';
import { PendingActionEntity } from './domain/pending-action.entity';
import { SessionEntity } from './domain/session.entity';
import { SessionTurnService } from './turn/session-turn.service';

export const CONVERSATION_CONTEXT = defineContext({
  name: 'conversation',
  entities: [SessionEntity, MessageEntity, PendingActionEntity],
  // No reset: `bss admin reset` clears business data, not the operators' notebooks (an open REPL keeps its session).
  // Forgetting customers does take the conversations focused on them or their lines: their
  // messages quote the customer, and a staged action must not outlive its target (a restored demo
  // may reuse an id). After subscription's hook, which resolves the lines.
  forgetOrder: 20,
  forgetCustomers: async (tx, { customerIds, subscriptionIds }) => {
    const [{ operatorConversations }] = (await tx.query(
      `with gone as (delete from cockpit.session where customer_focus = any($1) or subscription_focus = any($2) returning 1)
       select count(*)::int as "operatorConversations" from gone`,
      [customerIds, subscriptionIds],
    )) as { operatorConversations: number }[];
    return { operatorConversations };
  },
});

/**
 * The operator cockpit's conversations (REPL and browser): the store, and the session-turn service
 * that runs agent turns inside a session. Import next to `BssCoreModule` (and optionally
 * `AgentModule`) so every tool's command is resolvable; it brings the knowledge index with it.
 */
@Module({
  // The cockpit's agent turns may search the handbook (knowledge.* tools, operator profile only).
  imports: [KnowledgeModule],
  providers: [
    ConversationStore,
    SessionTurnService,
    { provide: CockpitSettings, useFactory: () => new CockpitSettings(process.env.BSS_COCKPIT_DIR ?? join(localStateDir(), 'cockpit')) },
  ],
  exports: [ConversationStore, SessionTurnService, CockpitSettings],
})
export class ConversationModule {}
