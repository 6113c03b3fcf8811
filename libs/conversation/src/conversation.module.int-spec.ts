import { Database } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CONVERSATION_CONTEXT, ConversationModule } from '#conversation/conversation.module';
import { ConversationStore } from '#conversation/commands/conversation.store';

describe('operator conversations forget customers (bss admin demo reset)', () => {
  let app: TestApp;
  let store: ConversationStore;
  beforeAll(async () => {
    app = await createTestApp({ imports: [ConversationModule], seed: false });
    store = app.get(ConversationStore);
  });
  afterAll(() => app.close());

  it('drops the sessions focused on a forgotten customer or one of their lines, with their messages and staged action; others stay', async () => {
    const onCustomer = await store.open({ actor: 'ada', customerFocus: 'CUST-0000f0f0' });
    await store.appendUser(onCustomer.id, 'terminate their line');
    await store.setPending(onCustomer.id, { toolName: 'subscription.terminate', args: { subscriptionId: 'SUB-0000f0f0' } });
    const onLine = await store.open({ actor: 'ada' });
    await store.setFocus(onLine.id, { customerId: null, subscriptionId: 'SUB-0000f0f0' });
    const elsewhere = await store.open({ actor: 'ada', customerFocus: 'CUST-0000beef' });
    const unfocused = await store.open({ actor: 'ada' });

    // The footprint as `forgetCustomers` hands it over, after subscription's hook resolved the lines.
    const removed = await app.get(Database).transaction((tx) =>
      CONVERSATION_CONTEXT.forgetCustomers!(tx, { customerIds: ['CUST-0000f0f0'], subscriptionIds: ['SUB-0000f0f0'] }),
    );
    expect(removed).toEqual({ operatorConversations: 2 });
    for (const id of [onCustomer.id, onLine.id]) await expect(store.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [{ messages, pending }] = await app.get(Database).query<{ messages: number; pending: number }>(
      `select (select count(*) from cockpit.message where session_id = $1)::int as messages,
              (select count(*) from cockpit.pending_action where session_id = $1)::int as pending`,
      [onCustomer.id],
    );
    expect({ messages, pending }).toEqual({ messages: 0, pending: 0 });
    for (const id of [elsewhere.id, unfocused.id]) await expect(store.get(id)).resolves.toMatchObject({ id });
  });
});
