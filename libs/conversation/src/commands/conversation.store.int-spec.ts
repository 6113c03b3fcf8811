import { createTestApp, type TestApp } from '@bss/testing';
import { NotFound, PolicyViolation } from '@bss/platform';
import { CONVERSATION_CONTEXT, ConversationModule } from '#conversation/conversation.module';
import { SESSION_ID_PATTERN } from '#conversation/domain/session.views';
import { TRANSCRIPT_ELISION } from '#conversation/domain/transcript';
import { ConversationStore } from './conversation.store';

describe('ConversationStore', () => {
  let app: TestApp;
  let store: ConversationStore;

  beforeAll(async () => {
    app = await createTestApp({ imports: [ConversationModule], seed: false });
    store = app.get(ConversationStore);
  });
  afterAll(() => app.close());

  it('opens sessions SES-YYYYMMDD-<8 hex> on the simulated clock', async () => {
    await app.clock.freeze('2026-03-04T10:00:00Z');
    const session = await store.open({ actor: 'ada', label: 'port-outs' });
    expect(session.id).toMatch(SESSION_ID_PATTERN);
    expect(session.id.startsWith('SES-20260304-')).toBe(true);
    expect(session).toMatchObject({ actor: 'ada', label: 'port-outs', state: 'active', customerFocus: null, allowDestructive: false });
    await app.clock.unfreeze();
  });

  it('lists an actor’s active sessions newest activity first with message counts; closed ones drop out', async () => {
    await app.clock.freeze('2026-03-05T10:00:00Z');
    const older = await store.open({ actor: 'bob' });
    await app.clock.freeze('2026-03-05T11:00:00Z');
    const newer = await store.open({ actor: 'bob' });
    const closed = await store.open({ actor: 'bob' });
    await store.close(closed.id);
    await app.clock.freeze('2026-03-05T12:00:00Z');
    await store.appendUser(older.id, 'hello again');

    const listed = await store.listFor('bob');
    expect(listed.map((s) => s.id)).toEqual([older.id, newer.id]);
    expect(listed[0]!.messageCount).toBe(1);
    expect((await store.listFor('bob', { activeOnly: false })).map((s) => s.id)).toContain(closed.id);
    expect((await store.latestActive('bob'))!.id).toBe(older.id);
    await expect(store.appendUser(closed.id, 'x')).rejects.toBeInstanceOf(PolicyViolation);
    expect((await store.resume(closed.id)).state).toBe('active');
    await app.clock.unfreeze();
  });

  it('keeps user, assistant and tool rows in order, with structured tool calls', async () => {
    const session = await store.open({ actor: 'ada' });
    await store.appendUser(session.id, 'terminate SUB-0001');
    await store.appendTool(session.id, 'subscription.show', 'card', { args: { subscriptionId: 'SUB-0001' }, result: { id: 'SUB-0001' } });
    await store.appendAssistant(session.id, 'Proposed subscription.terminate(SUB-0001)', [{ name: 'subscription.terminate', args: { subscriptionId: 'SUB-0001' }, callId: 'c1', ok: false }]);
    const rows = await store.listMessages(session.id);
    expect(rows.map((r) => r.role)).toEqual(['user', 'tool', 'assistant']);
    expect(rows[1]).toMatchObject({ toolName: 'subscription.show', toolCalls: { args: { subscriptionId: 'SUB-0001' }, result: { id: 'SUB-0001' } } });
    expect(rows[2]!.toolCalls).toEqual([{ name: 'subscription.terminate', args: { subscriptionId: 'SUB-0001' }, callId: 'c1', ok: false }]);
    expect((await store.listMessages(session.id, { last: 2 })).map((r) => r.role)).toEqual(['tool', 'assistant']);
  });

  it('renders the transcript without chrome rows (behaviour 20) and cuts it to the newest suffix (behaviour 21)', async () => {
    const session = await store.open({ actor: 'ada' });
    await store.appendUser(session.id, 'list customers');
    await store.appendTool(session.id, 'customer.list', 'CUST-1 Ada');
    await store.appendAssistant(session.id, '(no reply)');
    await store.appendAssistant(session.id, "I don't have a citation for that: …");
    await store.appendAssistant(session.id, '');
    await store.appendAssistant(session.id, 'One customer.');
    expect(await store.transcriptText(session.id)).toBe('user:\nlist customers\n\ntool[customer.list]:\nCUST-1 Ada\n\nassistant:\nOne customer.');

    await store.appendUser(session.id, 'x'.repeat(40_000));
    const cut = await store.transcriptText(session.id);
    expect(cut.startsWith(TRANSCRIPT_ELISION)).toBe(true);
    expect(cut.length).toBe(TRANSCRIPT_ELISION.length + 2 + 32_000);
    expect(cut.endsWith('x'.repeat(100))).toBe(true);
  });

  it('stages one pending action per session: set overwrites, consume returns it once then null (behaviour 22)', async () => {
    const session = await store.open({ actor: 'ada' });
    const proposal = await store.appendAssistant(session.id, 'Proposed case.close(CASE-0001)');
    await store.setPending(session.id, { toolName: 'case.close', args: { caseId: 'CASE-0001' }, proposalMessageId: proposal });
    await store.setPending(session.id, { toolName: 'subscription.terminate', args: { subscriptionId: 'SUB-0001' } });
    expect(await store.peekPending(session.id)).toMatchObject({ toolName: 'subscription.terminate', args: { subscriptionId: 'SUB-0001' }, proposalMessageId: null });
    expect(await store.consumePending(session.id)).toMatchObject({ toolName: 'subscription.terminate' });
    expect(await store.consumePending(session.id)).toBeNull();
  });

  it('hands a staged action to exactly one of many concurrent consumers', async () => {
    const session = await store.open({ actor: 'ada' });
    for (let round = 0; round < 5; round += 1) {
      await store.setPending(session.id, { toolName: 'subscription.terminate', args: { subscriptionId: 'SUB-0001' } });
      const taken = await Promise.all(Array.from({ length: 6 }, () => store.consumePending(session.id)));
      expect(taken.filter((t) => t !== null)).toHaveLength(1);
    }
  });

  it('reset removes messages and the pending action but keeps the session and its focus (behaviour 22)', async () => {
    const session = await store.open({ actor: 'ada' });
    await store.setFocus(session.id, { customerId: 'CUST-3f9a0c12' });
    await store.appendUser(session.id, 'hi');
    await store.setPending(session.id, { toolName: 'case.close', args: { caseId: 'CASE-0001' } });
    await store.reset(session.id);
    expect(await store.listMessages(session.id)).toEqual([]);
    expect(await store.peekPending(session.id)).toBeNull();
    expect(await store.get(session.id)).toMatchObject({ state: 'active', customerFocus: 'CUST-3f9a0c12' });
    expect((await store.setFocus(session.id, { customerId: null })).customerFocus).toBeNull();
  });

  it('says NotFound for an unknown session', async () => {
    await expect(store.resume('SES-20260101-00000000')).rejects.toBeInstanceOf(NotFound);
    await expect(store.appendUser('SES-20260101-00000000', 'x')).rejects.toBeInstanceOf(NotFound);
  });

  // The context's forgetCustomers hook (bss admin demo reset), over rows the store wrote.
  it('drops the sessions focused on a forgotten customer or one of their lines, with their messages and staged action; others stay', async () => {
    const onCustomer = await store.open({ actor: 'ada', customerFocus: 'CUST-0000f0f0' });
    await store.appendUser(onCustomer.id, 'terminate their line');
    await store.setPending(onCustomer.id, { toolName: 'subscription.terminate', args: { subscriptionId: 'SUB-0000f0f0' } });
    const onLine = await store.open({ actor: 'ada' });
    await store.setFocus(onLine.id, { customerId: null, subscriptionId: 'SUB-0000f0f0' });
    const elsewhere = await store.open({ actor: 'ada', customerFocus: 'CUST-0000beef' });
    const unfocused = await store.open({ actor: 'ada' });

    // The footprint as `forgetCustomers` hands it over, after subscription's hook resolved the lines.
    const removed = await app.db.transaction((tx) =>
      CONVERSATION_CONTEXT.forgetCustomers!(tx, { customerIds: ['CUST-0000f0f0'], subscriptionIds: ['SUB-0000f0f0'] }),
    );
    expect(removed).toEqual({ operatorConversations: 2 });
    for (const id of [onCustomer.id, onLine.id]) await expect(store.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [{ messages, pending }] = await app.db.query<{ messages: number; pending: number }>(
      `select (select count(*) from cockpit.message where session_id = $1)::int as messages,
              (select count(*) from cockpit.pending_action where session_id = $1)::int as pending`,
      [onCustomer.id],
    );
    expect({ messages, pending }).toEqual({ messages: 0, pending: 0 });
    for (const id of [elsewhere.id, unfocused.id]) await expect(store.get(id)).resolves.toMatchObject({ id });
  });
});
