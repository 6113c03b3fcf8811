import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChatQueries, ChatTurnRunner } from '@bss/chat';
import { createTestCustomer } from '@bss/crm/testing';
import { createTestDatabase, type TestApp } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { ChatAgentAppModule } from '#chat-agent/app.module';

const TOKENS = { default: 'd'.repeat(48), portal: 'p'.repeat(48), cockpit: 'c'.repeat(48) };

describe('chat-agent turns API: named tokens decide the profile, the owner is bound', () => {
  let app: NestFastifyApplication;
  let customerId: string;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = TOKENS.default;
    process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN = TOKENS.portal;
    process.env.BSS_OPERATOR_COCKPIT_API_TOKEN = TOKENS.cockpit;
    const url = await createTestDatabase();
    app = await createHttpApp(ChatAgentAppModule.forRoot({ databaseUrl: url, workers: false }), { logRequests: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    customerId = (await createTestCustomer({ get: (type: never) => app.get(type) } as unknown as TestApp)).id;
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
});
