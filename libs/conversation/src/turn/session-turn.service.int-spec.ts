import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatModel, type AgentCaller } from '@bss/agent';
import { BssCoreModule } from '@bss/core';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { createTestApp, type TestApp } from '@bss/testing';
import { ConversationModule } from '#conversation/conversation.module';
import { ConversationStore } from '#conversation/commands/conversation.store';
import { NO_CITATION_PREFIX } from '#conversation/domain/reply-guards';
import { SessionTurnService } from './session-turn.service';
import type { SessionTurnEvent } from './session-turn.events';

const dir = mkdtempSync(join(tmpdir(), 'session-turn-'));
const caller: AgentCaller = { actor: 'ops-ada', channel: 'cockpit', serviceIdentity: 'operator_cockpit' };

function fixtureModel(responses: object[]) {
  const path = join(dir, `f${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ responses }));
  return createChatModel({ BSS_LLM_PROVIDER: 'fixture', BSS_LLM_FIXTURE_PATH: path });
}

async function collect(events: AsyncIterable<SessionTurnEvent>): Promise<SessionTurnEvent[]> {
  const out: SessionTurnEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('SessionTurnService', () => {
  let app: TestApp;
  let turns: SessionTurnService;
  let store: ConversationStore;

  beforeAll(async () => {
    app = await createTestApp({ imports: [BssCoreModule, ConversationModule] });
    turns = app.get(SessionTurnService);
    store = app.get(ConversationStore);
  });
  afterAll(() => app.close());

  const stateOf = async (id: string) => (await app.get(SubscriptionQueries).get(id)).state;
  const terminate = (id: string) => ({ name: 'subscription.terminate', args: { subscriptionId: id } });

  it('answers a listing line without the model, persisting the user row and a tool row (behaviour 13)', async () => {
    const session = await store.open({ actor: 'ops-ada' });
    const events = await collect(turns.turn({ sessionId: session.id, line: 'list customers', caller, autonomy: 'granular', render: (name) => `card of ${name}` }));
    expect(events.map((e) => e.type)).toEqual(['user_recorded', 'tool_started', 'tool_result']);
    const rows = await store.listMessages(session.id);
    expect(rows.map((r) => [r.role, r.toolName, r.content])).toEqual([
      ['user', null, 'list customers'],
      ['tool', 'customer.list', 'card of customer.list'],
    ]);
  });

  it('blocks a destructive call, stages it and says exactly what would run; /confirm runs exactly that (behaviours 14, 15)', async () => {
    const { subscription } = await createTestLine(app);
    const session = await store.open({ actor: 'ops-ada' });
    const model = fixtureModel([{ match: 'terminate', steps: [{ tool_calls: [{ ...terminate(subscription.id), args: { subscriptionId: subscription.id, reason: 'customer_requested' } }] }, { content: 'I proposed it.' }] }]);
    const events = await collect(turns.turn({ sessionId: session.id, line: `terminate ${subscription.id}`, caller, autonomy: 'granular', model }));
    const result = events.find((e) => e.type === 'tool_result');
    expect(result).toMatchObject({ ok: false, error: 'DESTRUCTIVE_OPERATION_BLOCKED', messageId: null });
    const reply = events.find((e) => e.type === 'assistant');
    expect(reply).toMatchObject({ kind: 'proposal', text: expect.stringMatching(new RegExp(`^Proposed subscription\\.terminate\\(${subscription.id}, reason=customer_requested\\) — type /confirm`)) });
    expect(await store.peekPending(session.id)).toMatchObject({ toolName: 'subscription.terminate', args: { subscriptionId: subscription.id, reason: 'customer_requested' } });
    expect(await stateOf(subscription.id)).toBe('active');

    const confirmed = await collect(turns.confirm({ sessionId: session.id, caller }));
    expect(confirmed.find((e) => e.type === 'assistant')).toMatchObject({ kind: 'executed', text: `Executed subscription.terminate(${subscription.id}, reason=customer_requested).` });
    expect(await stateOf(subscription.id)).toBe('terminated');
    expect(await store.peekPending(session.id)).toBeNull();
  });

  it('does not stage a proposal whose arguments the command would refuse', async () => {
    const session = await store.open({ actor: 'ops-ada' });
    const model = fixtureModel([{ match: 'terminate', steps: [{ tool_calls: [{ name: 'subscription.terminate', args: { subscriptionId: 'SUB-0001', reason: 'because' } }] }, { content: 'ok' }] }]);
    const events = await collect(turns.turn({ sessionId: session.id, line: 'terminate SUB-0001', caller, autonomy: 'granular', model }));
    expect(events.find((e) => e.type === 'assistant')).toMatchObject({ kind: 'error', text: expect.stringContaining('was not staged: INVALID_INPUT') });
    expect(await store.peekPending(session.id)).toBeNull();
  });

  it('/confirm with nothing staged says so, persists nothing and runs nothing (behaviour 14)', async () => {
    const session = await store.open({ actor: 'ops-ada' });
    const events = await collect(turns.confirm({ sessionId: session.id, caller }));
    expect(events).toEqual([{ type: 'notice', text: expect.stringContaining('Nothing is staged') }]);
    expect(await store.listMessages(session.id)).toEqual([]);
  });

  it('two concurrent /confirms run the staged action once', async () => {
    const { subscription } = await createTestLine(app);
    const session = await store.open({ actor: 'ops-ada' });
    await store.setPending(session.id, { toolName: 'subscription.terminate', args: { subscriptionId: subscription.id } });
    const [a, b] = await Promise.all([collect(turns.confirm({ sessionId: session.id, caller })), collect(turns.confirm({ sessionId: session.id, caller }))]);
    const ran = [a, b].filter((events) => events.some((e) => e.type === 'tool_result'));
    expect(ran).toHaveLength(1);
    const events = await app.db.query(`select 1 from audit.domain_event where event_type = 'subscription.terminated' and aggregate_id = $1`, [subscription.id]);
    expect(events).toHaveLength(1);
  });

  it('granular: an allowed turn runs the first destructive call and re-stages the second; batched runs both (behaviour 16)', async () => {
    const first = (await createTestLine(app)).subscription.id;
    const second = (await createTestLine(app)).subscription.id;
    const script = [{ match: 'terminate both', steps: [{ tool_calls: [terminate(first), terminate(second)] }, { content: 'done' }] }];
    const session = await store.open({ actor: 'ops-ada' });
    await collect(turns.turn({ sessionId: session.id, line: 'terminate both', caller, autonomy: 'granular', allowDestructive: true, model: fixtureModel(script) }));
    expect([await stateOf(first), await stateOf(second)]).toEqual(['terminated', 'active']);
    expect(await store.peekPending(session.id)).toMatchObject({ toolName: 'subscription.terminate', args: { subscriptionId: second } });

    const third = (await createTestLine(app)).subscription.id;
    const fourth = (await createTestLine(app)).subscription.id;
    const batched = await store.open({ actor: 'ops-ada' });
    const script2 = [{ match: 'terminate both', steps: [{ tool_calls: [terminate(third), terminate(fourth)] }, { content: 'done' }] }];
    await collect(turns.turn({ sessionId: batched.id, line: 'terminate both', caller, autonomy: 'batched', allowDestructive: true, model: fixtureModel(script2) }));
    expect([await stateOf(third), await stateOf(fourth)]).toEqual(['terminated', 'terminated']);
    expect(await store.peekPending(batched.id)).toBeNull();
  });

  it('a policy violation reaches the operator verbatim with its rule id', async () => {
    const { subscription } = await createTestLine(app);
    const session = await store.open({ actor: 'ops-ada' });
    await store.setPending(session.id, { toolName: 'subscription.terminate', args: { subscriptionId: subscription.id } });
    await collect(turns.confirm({ sessionId: session.id, caller }));
    await store.setPending(session.id, { toolName: 'subscription.terminate', args: { subscriptionId: subscription.id } });
    const again = await collect(turns.confirm({ sessionId: session.id, caller }));
    const reply = again.find((e) => e.type === 'assistant') as Extract<SessionTurnEvent, { type: 'assistant' }>;
    expect(reply.kind).toBe('error');
    expect(reply.text).toMatch(/did not run: POLICY_VIOLATION subscription\.[a-z_.]+ {2}\S/);
  });

  it('replaces a handbook citation made without a knowledge call (citation guard)', async () => {
    const session = await store.open({ actor: 'ops-ada' });
    const model = fixtureModel([{ match: 'refund policy', steps: [{ content: 'Per the handbook, refunds take three days.' }] }]);
    const events = await collect(turns.turn({ sessionId: session.id, line: 'what is the refund policy?', caller, autonomy: 'granular', model }));
    expect((events.find((e) => e.type === 'assistant') as { text: string }).text.startsWith(NO_CITATION_PREFIX)).toBe(true);
  });

  it('answers a how-to question from the handbook with a citation, kept by the guard (offline model)', async () => {
    const session = await store.open({ actor: 'ops-ada' });
    const events = await collect(turns.turn({ sessionId: session.id, line: 'how do I rotate the cockpit token?', caller, autonomy: 'granular' }));
    expect(events.find((e) => e.type === 'tool_started')).toMatchObject({ name: 'knowledge.search' });
    const reply = events.find((e) => e.type === 'assistant') as { text: string };
    expect(reply.text).toContain('(see docs/runbooks/api-token-rotation.md#');
    expect(reply.text.startsWith(NO_CITATION_PREFIX)).toBe(false);
  });

  it('three failed calls in a row end the turn with the bail-out as an error row, and it never reaches the model as history (behaviours 18, 20)', async () => {
    const session = await store.open({ actor: 'ops-ada' });
    const missing = { tool_calls: [{ name: 'case.show', args: { caseId: 'CASE-00000000' } }] };
    const model = fixtureModel([{ match: 'loop', steps: [missing, missing, missing, { content: 'never' }] }]);
    const events = await collect(turns.turn({ sessionId: session.id, line: 'loop please', caller, autonomy: 'granular', model }));
    expect(events.at(-1)).toMatchObject({ type: 'assistant', kind: 'error', text: expect.stringMatching(/^Sorry — something went wrong: agent_loop_bailout: 3 consecutive failed tool calls/) });
    expect(await store.transcriptText(session.id)).not.toContain('agent_loop_bailout');
  });

  it('feeds the earlier rows back to the model as history and records the calls on the assistant row', async () => {
    const session = await store.open({ actor: 'ops-ada' });
    const model = fixtureModel([{ match: 'how many', steps: [{ tool_calls: [{ name: 'customer.list', args: {} }] }, { content: 'Counted.' }] }]);
    await collect(turns.turn({ sessionId: session.id, line: 'list customers', caller, autonomy: 'granular' }));
    await collect(turns.turn({ sessionId: session.id, line: 'how many customers?', caller, autonomy: 'granular', model }));
    const rows = await store.listMessages(session.id);
    expect(rows.map((r) => r.role)).toEqual(['user', 'tool', 'user', 'tool', 'assistant']);
    expect(rows[4]!.toolCalls).toEqual([expect.objectContaining({ name: 'customer.list', ok: true })]);
  });
});
