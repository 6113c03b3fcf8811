import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Database } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';

const ACME = 'o'.repeat(48);
const BETA = 'p'.repeat(48);
const MVNE = 'r'.repeat(48);
const BASE = '/tmf-api/party/v4';

describe('TMF632 organization: a business customer in CRM, related to individuals, seen only by the partner that created it', () => {
  let app: NestFastifyApplication;

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url: `${BASE}${url}`, payload, headers: { 'x-bss-api-token': token } });

  let ada: string;
  let bob: string;
  let betaCustomer: string;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = ACME;
    process.env.BSS_PARTNER_BETA_API_TOKEN = BETA;
    process.env.BSS_PARTNER_MVNE_API_TOKEN = MVNE;
    process.env.BSS_TMF_TRUSTED_PARTNERS = 'partner_mvne';
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
    const individual = async (token: string, givenName: string) =>
      (await call(token, 'POST', '/individual', { givenName, familyName: 'Org', contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: `${givenName.toLowerCase()}@org.example` } }] })).json().id as string;
    ada = await individual(ACME, 'Ada');
    bob = await individual(ACME, 'Bob');
    betaCustomer = await individual(BETA, 'Bea');
  });
  afterAll(() => app.close());

  it('creates, reads, lists, patches and closes an organization, each answer valid against the official schema', async () => {
    const created = await call(ACME, 'POST', '/organization', {
      tradingName: 'Acme Robotics',
      name: 'Acme Robotics Pte Ltd',
      organizationType: 'company',
      organizationIdentification: [{ identificationId: '201912345K', identificationType: 'UEN' }],
      relatedParty: [{ id: ada, role: 'admin', '@referredType': 'Individual' }],
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expectOfficialShape('tmf632', 'Organization', org);
    expect(org).toMatchObject({ id: expect.stringMatching(/^PTY-[0-9a-f]{8}$/), tradingName: 'Acme Robotics', status: 'initialized', relatedParty: [{ id: ada, role: 'admin' }] });
    expect(created.headers.location).toBe(org.href);

    const read = await call(ACME, 'GET', `/organization/${org.id}`);
    expectOfficialShape('tmf632', 'Organization', read.json());
    expect(read.json()).toEqual(org);
    const list = await call(ACME, 'GET', '/organization?fields=tradingName');
    expect(list.json()).toEqual([{ id: org.id, href: org.href, '@type': 'Organization', tradingName: 'Acme Robotics' }]);
    expect(list.headers['x-total-count']).toBe('1');

    const patched = await call(ACME, 'PATCH', `/organization/${org.id}`, { status: 'validated', relatedParty: [{ id: ada, role: 'admin' }, { id: bob, role: 'employee' }] });
    expect(patched.statusCode).toBe(200);
    expectOfficialShape('tmf632', 'Organization', patched.json());
    expect(patched.json()).toMatchObject({ status: 'validated', relatedParty: [{ id: ada }, { id: bob, role: 'employee' }].sort((a, b) => (a.id < b.id ? -1 : 1)) });
    expect((await call(ACME, 'PATCH', `/organization/${org.id}`, { creditRating: [] })).statusCode).toBe(400);

    expect((await call(ACME, 'DELETE', `/organization/${org.id}`)).statusCode).toBe(204);
    const closed = (await call(ACME, 'GET', `/organization/${org.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', relatedParty: [] });
    const refused = await call(ACME, 'PATCH', `/organization/${org.id}`, { tradingName: 'Zombie' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'organization.update.not_closed' });
    // The individuals stay customers on their own.
    expect((await call(ACME, 'GET', `/individual/${ada}`)).statusCode).toBe(200);
  });

  it('keeps organizations partner-scoped: another partner gets the 404 of an unknown id, a trusted one sees all, foreign individuals cannot be related', async () => {
    const org = (await call(ACME, 'POST', '/organization', { tradingName: 'Acme Two', relatedParty: [{ id: bob }] })).json();
    const unknown = await call(BETA, 'GET', '/organization/PTY-00000000');
    for (const [method, body] of [['GET', undefined], ['PATCH', { tradingName: 'Hijack' }], ['DELETE', undefined]] as const) {
      const res = await call(BETA, method, `/organization/${org.id}`, body);
      expect({ method, status: res.statusCode }).toEqual({ method, status: 404 });
      expect(res.json().message).toBe(unknown.json().message.replace('PTY-00000000', org.id));
    }
    expect((await call(BETA, 'GET', '/organization')).json()).toEqual([]);
    expect((await call(MVNE, 'GET', '/organization')).json().map((o: { id: string }) => o.id)).toContain(org.id);

    const foreign = await call(ACME, 'POST', '/organization', { tradingName: 'Poacher', relatedParty: [{ id: betaCustomer }] });
    expect(foreign.statusCode).toBe(404);
    expect((await call(ACME, 'PATCH', `/organization/${org.id}`, { relatedParty: [{ id: betaCustomer }] })).statusCode).toBe(404);
    expect((await call(ACME, 'GET', `/organization/${org.id}`)).json().relatedParty.map((r: { id: string }) => r.id)).toEqual([bob]);
  });

  it('answers malformed organizations with 400 in the TMF error shape', async () => {
    for (const body of [{}, { tradingName: '  ' }, { tradingName: 'X', relatedParty: 'all' }, { tradingName: 'X', relatedParty: [{ id: 'PTY-00000001', '@referredType': 'Organization' }] }, { tradingName: 'X', status: 'closed' }]) {
      const res = await call(ACME, 'POST', '/organization', body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', status: '400' });
    }
  });
});
