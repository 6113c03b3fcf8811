import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChatQueries, ChatTurnRunner } from '@bss/chat';
import { useFixtureModel } from '@bss/chat/testing';
import { ConversationStore } from '@bss/conversation';
import { createTestCustomer } from '@bss/crm/testing';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { createTestDatabase, type TestApp } from '@bss/testing';
import { Database } from '@bss/platform';
import { createHttpApp } from '@bss/web';
import { ChatAgentAppModule } from '#chat-agent/app.module';

const TOKENS = { default: 'd'.repeat(48), portal: 'p'.repeat(48), cockpit: 'c'.repeat(48) };

describe('chat-agent turns API: named tokens decide the profile, the owner is bound', () => {
  let app: NestFastifyApplication;
  let customerId: string;
  let testApp: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = TOKENS.default;
    process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN = TOKENS.portal;
    process.env.BSS_OPERATOR_COCKPIT_API_TOKEN = TOKENS.cockpit;
    process.env.BSS_COCKPIT_DIR = mkdtempSync(join(tmpdir(), 'chat-agent-cockpit-'));
    const url = await createTestDatabase();
    app = await createHttpApp(ChatAgentAppModule.forRoot({ databaseUrl: url, workers: false }), { logRequests: false });
    await app.init();
    // On a real socket too: the guard tests below go over HTTP, as the portal and the cockpit call it.
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    // The catalog and the number ranges a test line needs.
    await app.get(Database).seed();
    testApp = { get: (type: never) => app.get(type), db: app.get(Database) } as unknown as TestApp;
    customerId = (await createTestCustomer(testApp)).id;
  }, 120_000);
  afterAll(async () => {
    await app.get(ChatTurnRunner).idle();
    await app.close();
    delete process.env.BSS_OPERATOR_COCKPIT_API_TOKEN;
  });

  const post = (token: string | undefined, body: object) =>
    app.inject({ method: 'POST', url: '/v1/chat/turns', headers: { 'content-type': 'application/json', ...(token ? { 'x-bss-api-token': token } : {}) }, payload: JSON.stringify(body) });

  it('401 without a token or with an unknown one', async () => {
    expect((await post(undefined, { ownerKey: customerId, message: 'hi' })).statusCode).toBe(401);
    expect((await post('x'.repeat(48), { ownerKey: customerId, message: 'hi' })).statusCode).toBe(401);
  });

  it('the default and cockpit identities may not run customer_self_serve turns (403); the portal may', async () => {
    expect((await post(TOKENS.default, { ownerKey: customerId, message: 'what plans do you have' })).statusCode).toBe(403);
    expect((await post(TOKENS.cockpit, { ownerKey: customerId, message: 'what plans do you have' })).statusCode).toBe(403);
    expect((await post(TOKENS.portal, { profile: 'operator_cockpit', ownerKey: customerId, message: 'list customers' })).statusCode).toBe(403);
    const ok = await post(TOKENS.portal, { ownerKey: customerId, message: 'what plans do you have' });
    expect(ok.statusCode).toBe(202);
    const { turnId } = ok.json() as { turnId: string };
    await app.get(ChatTurnRunner).idle();
    // The turn is bound to the customer the portal named: it is theirs and nobody else's.
    await expect(app.get(ChatQueries).ownedTurn(customerId, turnId)).resolves.toMatchObject({ status: 'done' });
    await expect(app.get(ChatQueries).ownedTurn('CUST-00000000', turnId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an owner that is neither a customer id nor anon-… is refused (422 INVALID_INPUT), an oversized message 422 with its rule', async () => {
    expect((await post(TOKENS.portal, { ownerKey: 'alice@example.com', message: 'hi' })).json()).toMatchObject({ code: 'INVALID_INPUT' });
    const big = await post(TOKENS.portal, { ownerKey: customerId, message: 'x'.repeat(5000) });
    expect(big.statusCode).toBe(422);
    expect(big.json()).toMatchObject({ rule: 'chat.message.too_long' });
  });

  it('streams a turn as SSE to its owner; another owner gets 404', async () => {
    const { turnId } = (await post(TOKENS.portal, { ownerKey: customerId, message: 'what top ups do you have' })).json() as { turnId: string };
    await app.get(ChatTurnRunner).idle();
    const events = await app.inject({ method: 'GET', url: `/v1/chat/turns/${turnId}/events?ownerKey=${customerId}`, headers: { 'x-bss-api-token': TOKENS.portal } });
    expect(events.statusCode).toBe(200);
    expect(events.body).toMatch(/^event: status\ndata: \{"status":"live"\}/);
    expect(events.body).toContain('event: message');
    const foreign = await app.inject({ method: 'GET', url: `/v1/chat/turns/${turnId}/events?ownerKey=anon-someone`, headers: { 'x-bss-api-token': TOKENS.portal } });
    expect(foreign.statusCode).toBe(404);
  });

  describe('operator_cockpit turns: the cockpit token, on behalf of the operator it names', () => {
    const OPERATOR = 'ops-ada@example.com';
    const operatorTurn = (body: object, token = TOKENS.cockpit) => post(token, { profile: 'operator_cockpit', operator: OPERATOR, ...body });
    const stateOf = async (id: string) => (await app.get(SubscriptionQueries).get(id)).state;
    const auditOf = (eventType: string, aggregateId: string) =>
      app.get(Database).query<{ actor: string; channel: string; service_identity: string }>(
        `select actor, channel, service_identity from audit.domain_event where event_type = $1 and aggregate_id = $2`,
        [eventType, aggregateId],
      );

    it('a cockpit token asking for customer_self_serve is refused, and may not read customer turns either (403)', async () => {
      expect((await post(TOKENS.cockpit, { profile: 'customer_self_serve', ownerKey: customerId, message: 'hi' })).statusCode).toBe(403);
      const events = await app.inject({ method: 'GET', url: `/v1/chat/turns/TRN-00000000/events?profile=operator_cockpit&operator=${OPERATOR}`, headers: { 'x-bss-api-token': TOKENS.cockpit } });
      expect(events.statusCode).toBe(403);
      const active = await app.inject({ method: 'GET', url: `/v1/chat/conversations/active?profile=operator_cockpit&operator=${OPERATOR}`, headers: { 'x-bss-api-token': TOKENS.cockpit } });
      expect(active.statusCode).toBe(403);
    });

    it('a portal token asking for operator_cockpit is 403 and runs nothing; an unknown profile is 403', async () => {
      const refused = await operatorTurn({ message: 'list customers' }, TOKENS.portal);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
      expect(await app.get(ConversationStore).latestActive(OPERATOR)).toBeNull();
      expect((await post(TOKENS.cockpit, { profile: 'admin', operator: OPERATOR, message: 'list customers' })).statusCode).toBe(403);
    });

    it('over a real socket, both directions: each token runs only its own profile', async () => {
      const send = (token: string, body: object) =>
        fetch(`${baseUrl}/v1/chat/turns`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bss-api-token': token }, body: JSON.stringify(body) });
      expect((await send(TOKENS.portal, { profile: 'operator_cockpit', operator: OPERATOR, message: 'list customers' })).status).toBe(403);
      expect((await send(TOKENS.cockpit, { profile: 'customer_self_serve', ownerKey: customerId, message: 'what plans do you have' })).status).toBe(403);
      const operator = await send(TOKENS.cockpit, { profile: 'operator_cockpit', operator: OPERATOR, message: 'list customers' });
      expect(operator.status).toBe(200);
      expect(await operator.json()).toMatchObject({ toolCalls: [{ name: 'customer.list', ok: true }] });
      const customer = await send(TOKENS.portal, { ownerKey: customerId, message: 'what plans do you have' });
      expect(customer.status).toBe(202);
      await app.get(ChatTurnRunner).idle();
    });

    it('an operator turn must name its operator (422)', async () => {
      const missing = await post(TOKENS.cockpit, { profile: 'operator_cockpit', message: 'list customers' });
      expect(missing.statusCode).toBe(422);
      expect(missing.json()).toMatchObject({ code: 'INVALID_INPUT' });
    });

    it('runs with the operator_cockpit profile in the operator session; the audit row names the operator, channel cockpit, identity operator_cockpit', async () => {
      const restore = useFixtureModel({ responses: [{ match: 'how many customers', steps: [{ tool_calls: [{ name: 'customer.list', args: {} }] }, { content: 'Here they are.' }] }] });
      try {
        const res = await operatorTurn({ message: 'how many customers do we have' });
        expect(res.statusCode).toBe(200);
        const body = res.json() as { sessionId: string; reply: { text: string; kind: string }; toolCalls: { name: string; ok: boolean }[] };
        // customer.list is an operator tool: outside customer_self_serve, so this turn ran the operator profile.
        expect(body.toolCalls).toEqual([expect.objectContaining({ name: 'customer.list', ok: true })]);
        expect(body.reply).toEqual({ text: 'Here they are.', kind: 'reply' });
        const session = await app.get(ConversationStore).get(body.sessionId);
        expect(session.actor).toBe(OPERATOR);
        const [turn] = await app.get(Database).query<{ actor: string; channel: string; service_identity: string; payload: { profile: string } }>(
          `select actor, channel, service_identity, payload from audit.domain_event where event_type = 'agent.turn_completed' and actor = $1`,
          [OPERATOR],
        );
        expect(turn).toMatchObject({ actor: OPERATOR, channel: 'cockpit', service_identity: 'operator_cockpit', payload: { profile: 'operator_cockpit' } });
      } finally {
        restore();
      }
    });

    it('blocks a destructive tool and stages it; only a turn carrying confirm runs exactly that call, audited on the operator', async () => {
      const { subscription } = await createTestLine(testApp);
      const terminate = { name: 'subscription.terminate', args: { subscriptionId: subscription.id, reason: 'customer_requested' } };
      const restore = useFixtureModel({ responses: [{ match: 'terminate', steps: [{ tool_calls: [terminate] }, { content: 'I terminated it.' }] }] });
      try {
        const proposed = await operatorTurn({ message: `terminate ${subscription.id}` });
        expect(proposed.statusCode).toBe(200);
        const first = proposed.json() as { sessionId: string; staged: unknown; toolCalls: { error?: string }[]; reply: { kind: string } };
        expect(first.toolCalls).toEqual([expect.objectContaining({ name: 'subscription.terminate', ok: false, error: 'DESTRUCTIVE_OPERATION_BLOCKED' })]);
        expect(first.staged).toEqual({ toolName: 'subscription.terminate', args: terminate.args });
        expect(first.reply.kind).toBe('proposal');
        expect(await stateOf(subscription.id)).toBe('active');

        // Another operator cannot confirm (or even see) this operator's session.
        const foreign = await post(TOKENS.cockpit, { profile: 'operator_cockpit', operator: 'ops-bob@example.com', sessionId: first.sessionId, message: '/confirm', confirm: 'yes' });
        expect(foreign.statusCode).toBe(404);
        expect(await stateOf(subscription.id)).toBe('active');

        const confirmed = await operatorTurn({ sessionId: first.sessionId, message: '/confirm', confirm: 'yes' });
        expect(confirmed.statusCode).toBe(200);
        expect(confirmed.json()).toMatchObject({ sessionId: first.sessionId, reply: { kind: 'executed' }, toolCalls: [{ name: 'subscription.terminate', ok: true }] });
        expect(await stateOf(subscription.id)).toBe('terminated');
        expect(await auditOf('subscription.terminated', subscription.id)).toEqual([{ actor: OPERATOR, channel: 'cockpit', service_identity: 'operator_cockpit' }]);

        // The staged action was single-shot: a second confirm runs nothing.
        const again = await operatorTurn({ sessionId: first.sessionId, message: '/confirm', confirm: 'yes' });
        expect(again.json()).toMatchObject({ notice: expect.stringContaining('Nothing is staged'), toolCalls: [] });
      } finally {
        restore();
      }
    });

    it('a session whose allow_destructive is on still goes through the gate: no confirm, no destructive call', async () => {
      const { subscription } = await createTestLine(testApp);
      const session = await app.get(ConversationStore).open({ actor: OPERATOR, allowDestructive: true });
      const restore = useFixtureModel({ responses: [{ match: 'terminate', steps: [{ tool_calls: [{ name: 'subscription.terminate', args: { subscriptionId: subscription.id } }] }, { content: 'done' }] }] });
      try {
        const res = await operatorTurn({ sessionId: session.id, message: `terminate ${subscription.id}` });
        expect(res.json()).toMatchObject({ staged: { toolName: 'subscription.terminate' } });
        expect(await stateOf(subscription.id)).toBe('active');
      } finally {
        restore();
      }
    });
  });
});
