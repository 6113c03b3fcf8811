import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AttestKycCommand } from '@bss/crm';
import { AddPaymentCardCommand } from '@bss/payment';
import { Database, JobQueue } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';
const ACME_TOKEN = 's'.repeat(48);
const BETA_TOKEN = 't'.repeat(48);
const BASE = '/tmf-api/serviceOrdering/v3';

describe('tmf-api TMF641 writes: what creating, patching and deleting a SOM service order means', () => {
  let app: NestFastifyApplication;
  let serviceOrder: { id: string; externalId: string; relatedParty: unknown[] };

  const call = async (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, contentType = 'application/json') => {
    const res = await app.inject({ method, url, headers: { 'x-bss-api-token': token, ...(payload ? { 'content-type': contentType } : {}) }, ...(payload ? { payload: JSON.stringify(payload) } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = ACME_TOKEN;
    process.env.BSS_PARTNER_BETA_API_TOKEN = BETA_TOKEN;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(Database).seed();
    const individual = await call(ACME_TOKEN, 'POST', '/tmf-api/party/v4/individual', { givenName: 'Sora', familyName: 'Service', contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'sora.som@example.com' } }] });
    const customerId: string = individual.body.id;
    await runWithAuth({ actor: 'test-setup', channel: 'cli' }, async () => {
      await app.get(AttestKycCommand).execute({ customerId, provider: 'prebaked', providerReference: 'PB-som-1', documentType: 'passport', documentNumber: 'E4410099', attestationPayload: { signature: 'sig-som' } });
      await app.get(AddPaymentCardCommand).execute({ customerId, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
    });
    const order = await call(ACME_TOKEN, 'POST', '/tmf-api/productOrdering/v4/productOrder', { relatedParty: [{ id: customerId, role: 'customer' }], orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_S' } }] });
    expect(order.status).toBe(201);
    await app.get(JobQueue).drain();
    serviceOrder = (await call(ACME_TOKEN, 'GET', `${BASE}/serviceOrder?externalId=${order.body.id}`)).body[0];
  });
  afterAll(() => app.close());

  it('POST validates the body, then answers service_order.create.created_by_som', async () => {
    const refused = await call(ACME_TOKEN, 'POST', `${BASE}/serviceOrder`, { externalId: 'partner-42', orderItem: [{ id: '1', action: 'add' }] });
    expect(refused).toMatchObject({ status: 422, body: { '@type': 'Error', code: 'service_order.create.created_by_som', status: '422' } });
    expect((await call(ACME_TOKEN, 'POST', `${BASE}/serviceOrder`, { externalId: 42 })).status).toBe(400);
    expect((await call(ACME_TOKEN, 'POST', `${BASE}/serviceOrder`, { state: 'completed' })).status).toBe(400);
  });

  it('PATCH restating the service order is a 200 no-op; a change is refused; a foreign one is 404', async () => {
    const same = await call(ACME_TOKEN, 'PATCH', `${BASE}/serviceOrder/${serviceOrder.id}`, { externalId: serviceOrder.externalId, relatedParty: serviceOrder.relatedParty }, 'application/merge-patch+json');
    expect(same.status).toBe(200);
    expectOfficialShape('tmf641', 'ServiceOrder', same.body);
    expect(same.body).toEqual((await call(ACME_TOKEN, 'GET', `${BASE}/serviceOrder/${serviceOrder.id}`)).body);
    const change = await call(ACME_TOKEN, 'PATCH', `${BASE}/serviceOrder/${serviceOrder.id}`, { priority: '1', note: { text: 'expedite' } });
    expect(change).toMatchObject({ status: 422, body: { code: 'service_order.patch.managed_by_som' } });
    expect((await call(ACME_TOKEN, 'PATCH', `${BASE}/serviceOrder/${serviceOrder.id}`, { colour: 'red' })).status).toBe(400);
    expect((await call(BETA_TOKEN, 'PATCH', `${BASE}/serviceOrder/${serviceOrder.id}`, { externalId: serviceOrder.externalId })).status).toBe(404);
  });

  it('DELETE cancels the owning product order where its policy allows; after SOM started, that policy’s 422', async () => {
    const refused = await call(ACME_TOKEN, 'DELETE', `${BASE}/serviceOrder/${serviceOrder.id}`);
    expect(refused).toMatchObject({ status: 422, body: { code: expect.stringMatching(/^order\./) } });
    expect((await call(BETA_TOKEN, 'DELETE', `${BASE}/serviceOrder/${serviceOrder.id}`)).status).toBe(404);
    expect((await call(ACME_TOKEN, 'GET', `/tmf-api/productOrdering/v4/productOrder/${serviceOrder.externalId}`)).body.state).toBe('completed');
  });
});
