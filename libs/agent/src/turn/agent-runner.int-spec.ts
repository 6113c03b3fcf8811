import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditQueries } from '@bss/audit';
import { CaseQueries, TicketQueries } from '@bss/crm';
import { createTestCustomer, openTestCase, openTestTicket } from '@bss/crm/testing';
import { OrdersModule } from '@bss/orders';
import { SubscriptionModule, SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { createTestApp, type TestApp } from '@bss/testing';
import { createChatModel } from '#agent/adapters/model-factory';
import type { FixtureScript } from '#agent/adapters/fixture/fixture-model';
import type { AgentCaller } from '#agent/tools/tool-executor';
import { AgentRunner, type TurnOptions } from './agent-runner';
import type { AgentEvent } from './agent-events';

const OPERATOR: AgentCaller = { actor: 'ops-alice', channel: 'cli', serviceIdentity: 'operator_cockpit' };
const fixtureDir = mkdtempSync(join(tmpdir(), 'agent-fixture-'));
let fixtureCount = 0;

/** A fixture model (spec §7) playing `steps` for any prompt containing `match`. */
function scripted(match: string, steps: FixtureScript['responses'][number]['steps']) {
  const path = join(fixtureDir, `fixture-${(fixtureCount += 1)}.json`);
  writeFileSync(path, JSON.stringify({ responses: [{ name: match, match, steps }] }));
  return createChatModel({ BSS_LLM_PROVIDER: 'fixture', BSS_LLM_FIXTURE_PATH: path });
}

async function collect(events: AsyncIterable<AgentEvent>): Promise<AgentEvent[]> {
  const out: AgentEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

const completed = (events: AgentEvent[]) => events.filter((e): e is Extract<AgentEvent, { type: 'tool_call_completed' }> => e.type === 'tool_call_completed');

describe('agent turn loop with the fixture model against Postgres', () => {
  let app: TestApp;
  let runner: AgentRunner;

  const turn = (prompt: string, model: ReturnType<typeof scripted>, options: Partial<TurnOptions> = {}) =>
    collect(runner.runTurn({ prompt, profile: 'operator_cockpit', caller: OPERATOR, allowDestructive: false, autonomy: 'granular', model, ...options }));

  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule, OrdersModule] });
    runner = AgentRunner.boot(app.context);
  });
  afterAll(() => app.close());

  it('runs real commands step by step, stamps the caller on every write, and records the model on the turn', async () => {
    const { subscription } = await createTestLine(app);
    const model = scripted('top up', [
      { tool_calls: [{ name: 'subscription.show', args: { subscriptionId: subscription.id } }] },
      { tool_calls: [{ name: 'subscription.vas', args: { subscriptionId: subscription.id, vasOfferingId: 'VAS_DATA_1GB' } }] },
      { content: `Topped up ${subscription.id} with 1 GB.` },
    ]);
    const events = await turn(`Please top up ${subscription.id} with a GB`, model);

    expect(events.map((e) => e.type)).toEqual([
      'prompt_received', 'tool_call_started', 'tool_call_completed', 'tool_call_started', 'tool_call_completed', 'turn_usage', 'final_message',
    ]);
    expect(completed(events).map((e) => e.isError)).toEqual([false, false]);
    expect(events.at(-1)).toEqual({ type: 'final_message', text: `Topped up ${subscription.id} with 1 GB.` });
    expect(events.find((e) => e.type === 'turn_usage')).toEqual({ type: 'turn_usage', promptTokens: 0, completionTokens: 0, model: 'fixture', provider: 'fixture' });
    expect(await app.get(SubscriptionQueries).listVasPurchases(subscription.id)).toHaveLength(1);

    const turnId = (events[0] as Extract<AgentEvent, { type: 'prompt_received' }>).turnId;
    const written = await app.get(AuditQueries).list({ requestId: turnId, limit: 50 });
    expect(written.length).toBeGreaterThan(1);
    for (const row of written) expect(row).toMatchObject({ actor: 'ops-alice', channel: 'cli', serviceIdentity: 'operator_cockpit' });
    expect(written.find((r) => r.eventType === 'agent.turn_completed')?.payload).toMatchObject({
      model: 'fixture',
      provider: 'fixture',
      profile: 'operator_cockpit',
      tools: [{ name: 'subscription.show', ok: true }, { name: 'subscription.vas', ok: true }],
    });
  });

  it('answers (done) when no fixture matches', async () => {
    const events = await turn('something else entirely', scripted('top up', [{ content: 'never' }]));
    expect(events.at(-1)).toEqual({ type: 'final_message', text: '(done)' });
  });

  describe('destructive gate', () => {
    it('blocks a destructive call without executing it when the turn does not allow destructive', async () => {
      const customer = await createTestCustomer(app);
      const kase = await openTestCase(app, customer.id);
      const events = await turn('close the case', scripted('close the case', [{ tool_calls: [{ name: 'case.close', args: { caseId: kase.id, resolutionCode: 'fixed' } }] }, { content: 'Proposed.' }]));
      expect(completed(events)[0]).toMatchObject({ name: 'case.close', isError: true, error: 'DESTRUCTIVE_OPERATION_BLOCKED' });
      expect(JSON.parse(completed(events)[0].result)).toMatchObject({ error: 'DESTRUCTIVE_OPERATION_BLOCKED', tool: 'case.close' });
      expect((await app.get(CaseQueries).get(kase.id)).state).toBe('open');
    });

    async function twoTickets() {
      const customer = await createTestCustomer(app);
      return Promise.all([openTestTicket(app, { customerId: customer.id }), openTestTicket(app, { customerId: customer.id })]);
    }
    const cancelBoth = (ids: string[]) =>
      scripted('cancel both', [{ tool_calls: ids.map((ticketId) => ({ name: 'ticket.cancel', args: { ticketId } })) }, { content: 'Done.' }]);

    it('granular: an allowed turn runs the first destructive call and blocks the second', async () => {
      const tickets = await twoTickets();
      const events = await turn('cancel both tickets', cancelBoth(tickets.map((t) => t.id)), { allowDestructive: true, autonomy: 'granular' });
      expect(completed(events).map((e) => e.error ?? 'ok')).toEqual(['ok', 'DESTRUCTIVE_OPERATION_BLOCKED']);
      const states = await Promise.all(tickets.map((t) => app.get(TicketQueries).get(t.id).then((v) => v.state)));
      expect(states).toEqual(['cancelled', 'open']);
    });

    it('batched: an allowed turn runs every destructive call', async () => {
      const tickets = await twoTickets();
      const events = await turn('cancel both tickets', cancelBoth(tickets.map((t) => t.id)), { allowDestructive: true, autonomy: 'batched' });
      expect(completed(events).map((e) => e.error ?? 'ok')).toEqual(['ok', 'ok']);
      const states = await Promise.all(tickets.map((t) => app.get(TicketQueries).get(t.id).then((v) => v.state)));
      expect(states).toEqual(['cancelled', 'cancelled']);
    });
  });

  describe('bails', () => {
    it('three failed results in a row end the turn with agent_loop_bailout', async () => {
      const missing = { name: 'case.show', args: { caseId: 'CASE-00000000' } };
      const events = await turn('look around', scripted('look around', [{ tool_calls: [missing] }, { tool_calls: [{ name: 'ticket.show', args: { ticketId: 'TKT-00000000' } }] }, { tool_calls: [missing] }, { content: 'never' }]));
      expect(events.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/^agent_loop_bailout: 3 consecutive failed/) });
      expect(events.filter((e) => e.type === 'final_message')).toEqual([]);
    });

    it('a success in between resets the failure count', async () => {
      const missing = { name: 'case.show', args: { caseId: 'CASE-00000000' } };
      const events = await turn('look again', scripted('look again', [
        { tool_calls: [missing] }, { tool_calls: [{ name: 'ticket.show', args: { ticketId: 'TKT-00000000' } }] }, { tool_calls: [{ name: 'catalog.vas', args: {} }] },
        { tool_calls: [missing] }, { tool_calls: [{ name: 'ticket.show', args: { ticketId: 'TKT-00000000' } }] }, { content: 'Nothing found.' },
      ]));
      expect(events.at(-1)).toEqual({ type: 'final_message', text: 'Nothing found.' });
    });

    it('three identical (tool, args, result) calls end the turn; argument order does not matter', async () => {
      const customer = await createTestCustomer(app);
      const show = (args: Record<string, unknown>) => ({ tool_calls: [{ name: 'case.list', args }] });
      const events = await turn('loop', scripted('loop', [show({ customerId: customer.id, limit: 5 }), show({ limit: 5, customerId: customer.id }), show({ customerId: customer.id, limit: 5 }), { content: 'never' }]));
      expect(events.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/^agent_loop_bailout: 3 identical calls of case.list/) });
    });

    it('three polls whose results change do not bail', async () => {
      const now = { tool_calls: [{ name: 'clock.now', args: {} }] };
      const events = await turn('poll', scripted('poll', [now, { tool_calls: [{ name: 'clock.advance', args: { duration: '1s' } }] }, now, { tool_calls: [{ name: 'clock.advance', args: { duration: '1s' } }] }, now, { content: 'Polled.' }]));
      expect(events.at(-1)).toEqual({ type: 'final_message', text: 'Polled.' });
    });
  });

  describe('bad input becomes observations, and the turn ends cleanly', () => {
    it('an unknown tool, a hidden tool, and arguments that are not an object', async () => {
      const events = await turn('bad calls', scripted('bad calls', [
        { tool_calls: [{ name: 'customer.delete', args: {} }, { name: 'usage.simulate', args: { msisdn: '90000000' } }] },
        { tool_calls: [{ name: 'catalog.vas', args: {} }] },
        { tool_calls: [{ name: 'case.show', args: 'CASE-1' as unknown as Record<string, unknown> }] },
        { content: 'Could not.' },
      ]));
      const results = completed(events).map((e) => e.resultFull as Record<string, any>);
      expect(results[0]).toMatchObject({ error: 'UNKNOWN_TOOL', tool: 'customer.delete' });
      expect(results[1]).toMatchObject({ error: 'UNKNOWN_TOOL', tool: 'usage.simulate' });
      expect(results[3]).toMatchObject({ error: 'INVALID_INPUT', fields: [{ field: '(arguments)' }] });
      expect(events.at(-1)).toEqual({ type: 'final_message', text: 'Could not.' });
    });

    it('arguments failing validation, an unknown id and a policy violation, with nothing half-written', async () => {
      const customer = await createTestCustomer(app);
      const kase = await openTestCase(app, customer.id);
      await openTestTicket(app, { caseId: kase.id });
      const events = await turn('mixed', scripted('mixed', [
        { tool_calls: [{ name: 'case.show', args: { caseId: 'bogus', extra: 1 } }] },
        { tool_calls: [{ name: 'catalog.vas', args: {} }] },
        { tool_calls: [{ name: 'case.show', args: { caseId: 'CASE-00000000' } }] },
        { tool_calls: [{ name: 'catalog.vas', args: {} }] },
        { tool_calls: [{ name: 'case.transition', args: { caseId: kase.id, trigger: 'resolve' } }] },
        { content: 'Done trying.' },
      ]), { allowDestructive: true });
      const results = completed(events).map((e) => e.resultFull as Record<string, any>);
      expect(results[0]).toMatchObject({ error: 'INVALID_INPUT' });
      expect(results[0].fields.map((f: { field: string }) => f.field).sort()).toEqual(['caseId', 'extra']);
      expect(results[2]).toMatchObject({ error: 'NOT_FOUND' });
      expect(results[4]).toMatchObject({ error: 'POLICY_VIOLATION', rule: expect.any(String) });
      expect((await app.get(CaseQueries).get(kase.id)).state).toBe('open');
      expect(events.at(-1)).toEqual({ type: 'final_message', text: 'Done trying.' });
    });
  });

  describe('customer wrappers', () => {
    const customerTurn = (prompt: string, model: ReturnType<typeof scripted>, customerId?: string) =>
      collect(runner.runTurn({
        prompt,
        profile: 'customer_self_serve',
        caller: { actor: customerId ?? 'anonymous', channel: 'portal-chat', serviceIdentity: 'portal_self_serve', ...(customerId ? { customerId } : {}) },
        allowDestructive: true,
        autonomy: 'batched',
        model,
      }));

    it('act on the bound customer only: own line works, another customer\'s line is refused with no data', async () => {
      const mine = await createTestLine(app);
      const theirs = await createTestLine(app);
      const events = await customerTurn('my balance', scripted('my balance', [
        { tool_calls: [{ name: 'subscription.get_balance_mine', args: { subscriptionId: mine.subscription.id } }] },
        { tool_calls: [{ name: 'subscription.get_mine', args: { subscriptionId: theirs.subscription.id } }] },
        { tool_calls: [{ name: 'vas.purchase_for_me', args: { subscriptionId: mine.subscription.id, vasOfferingId: 'VAS_DATA_1GB' } }] },
        { content: 'Here you go.' },
      ]), mine.subscription.customerId);
      const [balance, foreign, topUp] = completed(events);
      expect(balance).toMatchObject({ isError: false, resultFull: { subscriptionId: mine.subscription.id } });
      expect(JSON.parse(foreign.result)).toEqual({ error: 'POLICY_VIOLATION', rule: 'policy.subscription.not_owned_by_actor', message: expect.any(String) });
      expect(foreign.result).not.toContain(theirs.subscription.msisdn);
      expect(topUp).toMatchObject({ isError: false });
      expect(await app.get(SubscriptionQueries).listVasPurchases(mine.subscription.id)).toHaveLength(1);
    });

    it('refuse with chat.no_actor_bound when no customer is bound', async () => {
      const events = await customerTurn('anon', scripted('anon', [{ tool_calls: [{ name: 'subscription.list_mine', args: {} }] }, { content: 'Sign in first.' }]));
      expect(JSON.parse(completed(events)[0].result)).toMatchObject({ error: 'POLICY_VIOLATION', rule: 'chat.no_actor_bound' });
    });

    it('an operator tool named in a customer turn is refused even if the model invents it (filter twice)', async () => {
      const line = await createTestLine(app);
      const events = await customerTurn('sneaky', scripted('sneaky', [{ tool_calls: [{ name: 'customer.list', args: {} }] }, { content: 'No.' }]), line.subscription.customerId);
      expect(JSON.parse(completed(events)[0].result)).toMatchObject({ error: 'UNKNOWN_TOOL' });
    });
  });

  describe('surface guards (the customer chat hooks)', () => {
    it('an after-guard reads the full result first and ends the turn: the result is neither streamed nor shown to the model', async () => {
      const { subscription } = await createTestLine(app);
      const model = scripted('guarded', [
        { tool_calls: [{ name: 'subscription.show', args: { subscriptionId: subscription.id } }] },
        { content: 'never reached' },
      ]);
      const seen: unknown[] = [];
      const events = await turn('guarded read', model, {
        guards: [{ after: ({ outcome }) => (seen.push(outcome.result), { endTurn: 'tripped: subscription.show' }) }],
      });
      expect(seen[0]).toMatchObject({ id: subscription.id });
      expect(events.map((e) => e.type)).toEqual(['prompt_received', 'tool_call_started', 'turn_usage', 'error']);
      expect(events.at(-1)).toEqual({ type: 'error', message: 'tripped: subscription.show' });
    });

    it('a before-guard answers a call in its place: the tool does not run', async () => {
      const { subscription } = await createTestLine(app);
      const model = scripted('stage it', [
        { tool_calls: [{ name: 'subscription.vas', args: { subscriptionId: subscription.id, vasOfferingId: 'VAS_DATA_1GB' } }] },
        { content: 'staged' },
      ]);
      const staged = { ok: false, result: { error: 'CONFIRMATION_REQUIRED' }, observation: '{"error":"CONFIRMATION_REQUIRED"}', error: 'CONFIRMATION_REQUIRED' };
      const events = await turn('stage it', model, { guards: [{ before: () => staged }] });
      expect(completed(events)[0]).toMatchObject({ isError: true, error: 'CONFIRMATION_REQUIRED' });
      expect(await app.get(SubscriptionQueries).listVasPurchases(subscription.id)).toHaveLength(0);
    });

    it('narrowTo offers and runs only the named tools of the profile', async () => {
      const model = scripted('narrow', [{ tool_calls: [{ name: 'subscription.list_mine', args: {} }] }, { content: 'ok' }]);
      const events = await turn('narrow', model, {
        profile: 'customer_self_serve',
        caller: { actor: 'anon-x', channel: 'portal-chat', serviceIdentity: 'portal_self_serve' },
        narrowTo: ['catalog.list_active_offerings'],
      });
      expect(completed(events)[0]).toMatchObject({ isError: true, error: 'UNKNOWN_TOOL' });
    });
  });

  it('dry run returns the first step\'s tool calls and executes nothing', async () => {
    const customer = await createTestCustomer(app);
    const model = scripted('open a case', [{ tool_calls: [{ name: 'case.open', args: { customerId: customer.id, subject: 'No signal' } }] }, { content: 'Opened.' }]);
    const result = await runner.dryRun({ prompt: 'open a case please', profile: 'operator_cockpit', model });
    expect(result).toEqual({ toolCalls: [{ name: 'case.open', args: { customerId: customer.id, subject: 'No signal' } }], reply: '' });
    expect(await app.get(CaseQueries).list({ customerId: customer.id })).toEqual([]);
  });
});
