import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { UnitOfWork } from '@bss/audit';
import { ConversationEntity } from '#chat/domain/chat.entities';
import { ANON_KEY, CUSTOMER_KEY } from '#chat/domain/chat-owner';

export class ResetChatInput {
  @Matches(new RegExp(`${CUSTOMER_KEY.source}|${ANON_KEY.source}`)) ownerKey!: string;
}

/** "Start over": closes the owner's open conversations (kept for the record); the next message opens a new one. */
@Verb({
  name: 'chat.reset',
  input: ResetChatInput,
  summary: "Close the owner's open chat conversation",
  cliExempt: 'the portal chat widget resets its own conversation',
})
@Injectable()
export class ResetChatCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ResetChatInput): Promise<{ closed: number }> {
    const dto = await validateInput(ResetChatInput, input);
    return this.uow.run(async (w) => {
      const result = await w.tx.update(ConversationEntity, { ownerKey: dto.ownerKey, state: 'active', tenantId: w.auth.tenant }, { state: 'closed', lastActiveAt: w.now });
      const closed = result.affected ?? 0;
      if (closed) await w.emit({ eventType: 'chat.reset', aggregateType: 'chat_owner', aggregateId: dto.ownerKey, payload: { closed } });
      return { closed };
    });
  }
}
