import { createTestCustomer } from '@bss/crm/testing';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { ChatModule } from '#chat/chat.module';
import { CONVERSATION_IDLE_ENV } from '#chat/policies/conversation-idle';
import { ChatQueries } from '#chat/queries/chat.queries';
import { chatTurn } from '#chat/testing';
import { SendChatMessageCommand } from './send-chat-message.command';

const START = new Date('2026-03-02T10:00:00Z');
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();

describe('conversation expiry: idle longer than BSS_CHAT_CONVERSATION_IDLE_MINUTES starts fresh, the old one is kept', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ imports: [ChatModule] });
  }, 120_000);
  afterAll(async () => {
    delete process.env[CONVERSATION_IDLE_ENV];
    await app.close();
  });

  const stateOf = async (id: string) => (await app.db.query<{ state: string }>(`select state from chat.conversation where id = $1`, [id]))[0].state;

  it('within the hour the next message continues the conversation; after 60 idle minutes it starts a fresh one', async () => {
    const customerId = (await createTestCustomer(app)).id;
    await app.clock.freeze(START.toISOString());
    const first = await chatTurn(app, customerId, 'what plans do you have');

    await app.clock.freeze(minutesAfter(START, 59));
    const second = await chatTurn(app, customerId, 'what top ups do you have');
    expect(second.conversationId).toBe(first.conversationId);

    // The second turn finished at minute 59: the conversation's idle clock restarts there.
    await app.clock.freeze(minutesAfter(START, 59 + 60));
    expect((await app.get(ChatQueries).activeConversation(customerId))?.id).toBe(first.conversationId);
    await app.clock.freeze(minutesAfter(START, 59 + 61));
    // The widget no longer shows it — and reading it changed nothing (GET never writes).
    expect(await app.get(ChatQueries).activeConversation(customerId)).toBeNull();
    expect(await stateOf(first.conversationId)).toBe('active');

    const third = await chatTurn(app, customerId, 'what plans do you have');
    expect(third.conversationId).not.toBe(first.conversationId);
    const active = await app.get(ChatQueries).activeConversation(customerId);
    expect(active?.id).toBe(third.conversationId);
    expect(active?.turns.map((t) => t.id)).toEqual([third.turnId]);

    // The old conversation is closed, not deleted: its turns stay readable for the record.
    expect(await stateOf(first.conversationId)).toBe('closed');
    const old = await app.get(ChatQueries).ownedConversation(customerId, first.conversationId);
    expect(old.turns.map((t) => t.id)).toEqual([first.turnId, second.turnId]);
    const [event] = await app.db.query<{ aggregate_id: string }>(`select aggregate_id from audit.domain_event where event_type = 'chat.conversation_expired'`);
    expect(event.aggregate_id).toBe(first.conversationId);
  });

  it('a proposal left in the expired conversation can no longer be confirmed; the fresh one holds only its own turn', async () => {
    const customerId = (await createTestCustomer(app)).id;
    await app.clock.freeze(START.toISOString());
    const first = await chatTurn(app, customerId, 'what plans do you have');
    await app.db.query(
      `insert into chat.pending_action (conversation_id, tool_name, tool_args, summary, proposed_at) values ($1, 'vas.purchase_for_me', '{}', 'I can buy a top-up.', $2)`,
      [first.conversationId, START],
    );
    await app.clock.freeze(minutesAfter(START, 61));
    const confirm = runWithAuth({ actor: customerId, channel: 'portal-chat', serviceIdentity: 'portal_self_serve', customerId }, () =>
      app.get(SendChatMessageCommand).execute({ ownerKey: customerId, message: 'Yes, confirm', confirm: 'yes' }),
    );
    await expect(confirm).rejects.toMatchObject({ rule: 'chat.confirm.nothing_pending' });

    // The next message opens the fresh conversation, which holds only its own turn (the model's history comes from it).
    const next = await chatTurn(app, customerId, 'hello again');
    expect(next.conversationId).not.toBe(first.conversationId);
    expect((await app.get(ChatQueries).activeConversation(customerId))?.turns.map((t) => t.id)).toEqual([next.turnId]);
  });

  it('honours a shorter BSS_CHAT_CONVERSATION_IDLE_MINUTES', async () => {
    process.env[CONVERSATION_IDLE_ENV] = '5';
    try {
      const customerId = (await createTestCustomer(app)).id;
      await app.clock.freeze(START.toISOString());
      const first = await chatTurn(app, customerId, 'what plans do you have');
      await app.clock.freeze(minutesAfter(START, 4));
      expect((await chatTurn(app, customerId, 'what top ups do you have')).conversationId).toBe(first.conversationId);
      await app.clock.freeze(minutesAfter(START, 10));
      expect((await chatTurn(app, customerId, 'what plans do you have')).conversationId).not.toBe(first.conversationId);
    } finally {
      delete process.env[CONVERSATION_IDLE_ENV];
    }
  });

  it('a bad value refuses to start, naming the variable', async () => {
    process.env[CONVERSATION_IDLE_ENV] = 'sixty';
    try {
      await expect(createTestApp({ imports: [ChatModule] })).rejects.toThrow(
        'BSS_CHAT_CONVERSATION_IDLE_MINUTES must be a whole number of minutes from 1 to 10080 (default 60), got "sixty"',
      );
    } finally {
      delete process.env[CONVERSATION_IDLE_ENV];
    }
  });
});
