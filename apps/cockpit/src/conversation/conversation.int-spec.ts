import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditQueries } from '@bss/audit';
import { ConversationStore } from '@bss/conversation';
import { createTestCustomer } from '@bss/crm/testing';
import { runWithAuth } from '@bss/policies';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { addOperator, createCockpitTestApp, flashOf, TestBrowser, type CockpitTestApp } from '#cockpit/testing/cockpit-test-app';
import { TurnRunner } from './turn-runner';

/** A scripted model: "terminate <line>" proposes subscription.terminate; tools run for real. */
function fixtureModel(subscriptionId: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-fixture-'));
  const path = join(dir, 'fixture.json');
  writeFileSync(
    path,
    JSON.stringify({
      responses: [
        { match: 'terminate', steps: [{ tool_calls: [{ name: 'subscription.terminate', args: { subscriptionId, reason: 'csr_initiated' } }] }, { content: 'I can do that.' }] },
        { match: 'hello', steps: [{ content: 'Hello, operator.' }] },
        { match: 'show the line', steps: [{ tool_calls: [{ name: 'subscription.show', args: { subscriptionId } }] }, { content: 'Line **shown**. <img src=x onerror=alert(1)> [more](javascript:alert(1))' }] },
      ],
    }),
  );
  process.env.BSS_LLM_PROVIDER = 'fixture';
  process.env.BSS_LLM_FIXTURE_PATH = path;
}

describe('cockpit conversation pages', () => {
  let t: CockpitTestApp;
  let browser: TestBrowser;
  const asTest = <T>(fn: () => Promise<T>) => runWithAuth({ actor: 'test', channel: 'cli' }, fn);
  const settled = () => t.get(TurnRunner).settled();

  beforeAll(async () => {
    t = await createCockpitTestApp();
    await addOperator(t, 'ada@ops.test', 'admin');
    browser = new TestBrowser(t);
    await browser.signIn('ada@ops.test');
  });

  afterAll(async () => {
    delete process.env.BSS_LLM_PROVIDER;
    delete process.env.BSS_LLM_FIXTURE_PATH;
    await t.close();
  });

  async function newSession(): Promise<string> {
    await browser.get('/');
    const res = await browser.post('/cockpit/new');
    expect(res.location).toMatch(/^\/cockpit\/SES-\d{8}-[0-9a-f]{8}$/);
    return res.location!.split('/')[2];
  }

  it('a proposed termination does nothing until /confirm; then exactly that call runs, as the operator', async () => {
    const { subscription } = await asTest(() => createTestLine(t));
    fixtureModel(subscription.id);
    const id = await newSession();
    await browser.get(`/cockpit/${id}`);
    const sent = await browser.post(`/cockpit/${id}/turn`, { message: `please terminate ${subscription.id}` });
    expect(sent.location).toBe(`/cockpit/${id}?turn=1`);
    await settled();
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('active');
    const staged = await t.get(ConversationStore).peekPending(id);
    expect(staged).toMatchObject({ toolName: 'subscription.terminate', args: { subscriptionId: subscription.id } });
    const page = await browser.get(`/cockpit/${id}`);
    expect(page.body).toContain('Staged:');
    expect(page.body).toContain(`/cockpit/${id}/confirm`);

    // Behaviour 35: the turn is answered, so the event stream says "reload" and runs nothing.
    const events = await browser.get(`/cockpit/${id}/events`);
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(events.body).toContain('event: done\ndata: <div class="bss-reload" hidden></div>');

    await browser.post(`/cockpit/${id}/confirm`);
    await settled();
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('terminated');
    const [event] = await t.get(AuditQueries).list({ aggregateId: subscription.id, eventType: 'subscription.terminated' });
    expect(event).toMatchObject({ actor: 'ada@ops.test', channel: 'portal-csr', serviceIdentity: 'operator_cockpit' });
    const after = await browser.get(`/cockpit/${id}`);
    expect(after.body).toContain(`Executed subscription.terminate`);
    expect(after.body).not.toContain('Staged:');
  });

  it('/confirm with nothing staged runs nothing; another line drops a staged proposal', async () => {
    const { subscription } = await asTest(() => createTestLine(t));
    fixtureModel(subscription.id);
    const id = await newSession();
    await browser.get(`/cockpit/${id}`);
    await browser.post(`/cockpit/${id}/turn`, { message: '/confirm' });
    await settled();
    await browser.post(`/cockpit/${id}/turn`, { message: `terminate ${subscription.id}` });
    await settled();
    await browser.post(`/cockpit/${id}/turn`, { message: 'hello' });
    await settled();
    expect(await t.get(ConversationStore).peekPending(id)).toBeNull();
    await browser.post(`/cockpit/${id}/confirm`);
    await settled();
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('active');
  });

  it('"Ask the agent" opens a focused session with the request drafted in the compose box, never sent', async () => {
    const customer = await asTest(() => createTestCustomer(t));
    const page = await browser.get(`/customers/${customer.id}`);
    expect(page.body).toContain('action="/cockpit/handoff"');
    const res = await browser.post('/cockpit/handoff', { customer_id: customer.id, draft: `About customer ${customer.id}: ` });
    const [path, query] = res.location!.split('?');
    const id = path.split('/')[2];
    expect(new URLSearchParams(query).get('draft')).toBe(`About customer ${customer.id}: `);
    const thread = await browser.get(res.location!);
    expect(thread.body).toMatch(new RegExp(`<textarea[^>]*name="message"[^>]*>About customer ${customer.id}: </textarea>`));
    expect(await t.get(ConversationStore).listMessages(id)).toEqual([]);
    expect((await t.get(ConversationStore).get(id)).customerFocus).toBe(customer.id);
  });

  it('the sessions index buckets by day; focus pin and reset are one write each', async () => {
    const id = await newSession();
    const index = await browser.get('/');
    expect(index.body).toContain('Today');
    expect(index.body).toContain(id);
    await browser.get(`/cockpit/${id}`);
    expect(flashOf((await browser.post(`/cockpit/${id}/focus`, { customer_id: 'nope' })).location).err).toMatch(/customer id/);
    const customer = await asTest(() => createTestCustomer(t));
    expect(flashOf((await browser.post(`/cockpit/${id}/focus`, { customer_id: customer.id })).location).flash).toBe(`Focus pinned on ${customer.id}`);
    expect(flashOf((await browser.post(`/cockpit/${id}/reset`)).location).flash).toBe('Conversation reset');
  });

  it('a tool result shows as the shared ASCII card; the reply renders as markdown with the model\'s HTML inert', async () => {
    const { subscription } = await asTest(() => createTestLine(t));
    fixtureModel(subscription.id);
    const id = await newSession();
    await browser.get(`/cockpit/${id}`);
    await browser.post(`/cockpit/${id}/turn`, { message: `show the line ${subscription.id}` });
    await settled();
    const page = await browser.get(`/cockpit/${id}`);
    expect(page.body).toContain(`┌─ Subscription ${subscription.id}`);
    expect(page.body).toContain('<strong>shown</strong>');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).not.toMatch(/<img[^>]*onerror/i);
    expect(page.body).not.toContain('javascript:alert');
  });

  it("another operator's conversation is not theirs to read or drive", async () => {
    const id = await newSession();
    await addOperator(t, 'bob@ops.test');
    const bob = new TestBrowser(t);
    await bob.signIn('bob@ops.test');
    expect((await bob.get(`/cockpit/${id}`)).status).toBe(404);
    expect((await bob.post(`/cockpit/${id}/turn`, { message: 'hello' })).status).toBe(404);
  });
});
