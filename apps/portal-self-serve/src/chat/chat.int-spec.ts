import { INTERRUPTED_REPLY, SweepInterruptedTurnsCommand } from '@bss/chat';
import { startChatAgent, type ChatAgentUnderTest } from '#portal-self-serve/testing/chat-agent';
import { customerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

describe('portal chat routes (portal → chat-agent over HTTP, frames from Postgres)', () => {
  let t: PortalTestApp;
  let agent: ChatAgentUnderTest;

  beforeAll(async () => {
    t = await createPortalTestApp();
    agent = await startChatAgent(t);
  }, 120_000);
  afterAll(async () => {
    await agent?.close();
    await t?.close();
  });

  const sid = (body: string) => /sse-connect="\/chat\/events\/(CHT-[0-9a-f]{8})\?turn=(TRN-[0-9a-f]{8})"/.exec(body);

  it('the chat button shows on /welcome and /plans for a visitor, not on other public pages', async () => {
    const visitor = new TestBrowser(t);
    expect((await visitor.get('/welcome')).body).toContain('id="chat-fab"');
    expect((await visitor.get('/plans')).body).toContain('id="chat-fab"');
    expect((await visitor.get('/help')).body).not.toContain('id="chat-fab"');
  });

  it('a visitor chats in browse mode: the answer streams as SSE frames, and another browser gets 404 for that session', async () => {
    const visitor = new TestBrowser(t);
    const widget = await visitor.get('/chat/widget', { hx: true });
    expect(widget.status).toBe(200);
    expect(widget.body).toContain('not signed in');
    const sent = await visitor.post('/chat/message', { message: 'what plans do you have' }, { hx: true });
    expect(sent.status).toBe(200);
    const [, conversationId, turnId] = sid(sent.body)!;
    await agent.idle();
    const events = await visitor.get(`/chat/events/${conversationId}?turn=${turnId}`);
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.body).toMatch(/^event: status\ndata: <span class="dot live">/);
    expect(events.body).toContain('event: tool\ndata: <li class="chat-pill ok">Looked up our plans</li>');
    expect(events.body).toMatch(/event: message\ndata: <p class="chat-msg chat-bot chat-final">[^\n]*PLAN_/);
    expect(events.body).toContain('event: done');

    const stranger = new TestBrowser(t);
    await stranger.get('/chat/widget');
    expect((await stranger.get(`/chat/events/${conversationId}?turn=${turnId}`)).status).toBe(404);
    expect((await stranger.get(`/chat/events/CHT-00000000`)).status).toBe(404);
  });

  it('refuses a POST without the CSRF token, and an oversized message with a clear notice (never sent on)', async () => {
    const visitor = new TestBrowser(t);
    await visitor.get('/chat/widget');
    expect((await visitor.post('/chat/message', { message: 'hi' }, { hx: true, csrf: false })).status).toBe(403);
    const before = await t.db.query<{ n: number }>(`select count(*)::int as n from chat.turn`);
    const big = await visitor.post('/chat/message', { message: 'é'.repeat(2100) }, { hx: true });
    expect(big.body).toContain('Your message is too long (the limit is 4096 bytes)');
    expect((await t.db.query<{ n: number }>(`select count(*)::int as n from chat.turn`))[0].n).toBe(before[0].n);
  });

  it('a signed-in customer has the button on the dashboard; their turn is theirs (another customer: 404)', async () => {
    const cust = await customerWithLine(t, 'chat.inject@example.sg');
    const browser = new TestBrowser(t);
    await browser.login(cust.email);
    expect((await browser.get('/')).body).toContain('id="chat-fab"');
    await browser.get('/chat/widget', { hx: true });
    const sent = await browser.post('/chat/message', { message: 'how much data do I have left' }, { hx: true });
    const [, conversationId, turnId] = sid(sent.body)!;
    await agent.idle();
    expect((await browser.get(`/chat/events/${conversationId}?turn=${turnId}`)).body).toContain('Checked your balance');
    const other = await customerWithLine(t, 'chat.inject.other@example.sg');
    const otherBrowser = new TestBrowser(t);
    await otherBrowser.login(other.email);
    expect((await otherBrowser.get(`/chat/events/${conversationId}?turn=${turnId}`)).status).toBe(404);
  }, 60_000);

  it('a turn whose chat-agent died: the sweeper ends it, the open stream shows "interrupted" and stops, the log keeps it', async () => {
    const cust = await customerWithLine(t, 'chat.crashed@example.sg');
    const browser = new TestBrowser(t);
    await browser.login(cust.email);
    // What a chat-agent killed mid-turn leaves: the turn running, its `live` frame, a lease nobody renews.
    const now = await t.clock.now();
    await t.db.query(`insert into chat.conversation (id, owner_key, customer_id, state, created_at, last_active_at) values ('CHT-0dead0c1', $1, $1, 'active', $2, $2)`, [cust.customerId, now]);
    await t.db.query(
      `insert into chat.turn (id, conversation_id, owner_key, prompt, status, started_at, lease_until) values ('TRN-0dead0c1', 'CHT-0dead0c1', $1, 'how much data do I have left', 'running', $2, $3)`,
      [cust.customerId, now, new Date(now.getTime() - 1_000)],
    );
    await t.db.query(`insert into chat.frame (turn_id, seq, kind, data) values ('TRN-0dead0c1', 1, 'status', '{"status":"live"}')`);
    // The widget re-attaches to the running turn, as after a reload.
    expect((await browser.get('/chat/widget', { hx: true })).body).toContain('sse-connect="/chat/events/CHT-0dead0c1?turn=TRN-0dead0c1"');

    const streaming = browser.get('/chat/events/CHT-0dead0c1?turn=TRN-0dead0c1');
    expect(await agent.app.get(SweepInterruptedTurnsCommand).execute()).toEqual(['TRN-0dead0c1']);
    const events = (await streaming).body;
    expect(events).toContain(`event: message\ndata: <p class="chat-msg chat-bot chat-final chat-interrupted" role="alert">${INTERRUPTED_REPLY}</p>`);
    expect(events).toMatch(/event: status\ndata: <span class="dot error">[^\n]*\n\nevent: done/);
    const widget = (await browser.get('/chat/widget', { hx: true })).body;
    expect(widget).not.toContain('sse-connect');
    expect(widget).toContain(INTERRUPTED_REPLY);
  }, 60_000);
});
