import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AttestKycCommand } from '@bss/crm';
import { AddPaymentCardCommand } from '@bss/payment';
import { Database, JobQueue } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestDatabase } from '@bss/testing';
import { RelayHubEvents, signHubBody, TMF_QUEUES } from '@bss/tmf';
import { createHttpApp } from '@bss/web';
import { APP_DEFINITION } from '#tmf-api/app.definition';
import { TmfApiAppModule } from '#tmf-api/app.module';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';
const PARTNER_TOKEN = 'h'.repeat(48);
const RIVAL_TOKEN = 'r'.repeat(48);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A partner's listener: answers with the next queued status (then 201), records what it got. */
function startListener(statuses: number[]): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 201;
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, received })));
}

describe('tmf-api hub (TMF688): durable, signed event delivery', () => {
  let app: NestFastifyApplication;

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, token = PARTNER_TOKEN) =>
    app.inject({ method, url, payload, headers: { 'x-bss-api-token': token } });

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    process.env.BSS_PARTNER_RIVAL_API_TOKEN = RIVAL_TOKEN;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
  });
  afterAll(() => app.close());

  /** The partner's own individual (KYC attested, a card on file) with one line from a completed PLAN_S order. */
  async function partnerCustomerWithLine(email: string, passport: string): Promise<{ individual: { id: string }; order: { id: string }; lineId: string }> {
    const individual = (await inject('POST', '/tmf-api/party/v4/individual', { givenName: 'Hub', familyName: 'Partner', contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: email } }] })).json();
    await runWithAuth({ actor: 'test-setup', channel: 'cli' }, async () => {
      await app.get(AttestKycCommand).execute({ customerId: individual.id, provider: 'prebaked', providerReference: `PB-${passport}`, documentType: 'passport', documentNumber: passport, attestationPayload: { signature: 'sig-hub' } });
      await app.get(AddPaymentCardCommand).execute({ customerId: individual.id, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
    });
    const order = (await inject('POST', '/tmf-api/productOrdering/v4/productOrder', { relatedParty: [{ id: individual.id, role: 'customer' }], orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_S' } }] })).json();
    await app.get(JobQueue).drain();
    const [line] = await app.get(Database).query<{ id: string }>(`select id from subscription.subscription where customer_id = $1`, [individual.id]);
    return { individual, order, lineId: line.id };
  }

  it('delivers order state changes to a registered listener with an HMAC signature, retrying a failed delivery', async () => {
    const listener = await startListener([503]);
    try {
      const registered = await inject('POST', '/tmf-api/productOrdering/v4/hub', { callback: listener.url, query: 'eventType=ProductOrderStateChangeEvent' });
      expect(registered.statusCode).toBe(201);
      const hub = registered.json();
      expect(hub).toMatchObject({ id: expect.stringMatching(/^HUB-/), callback: listener.url, signingSecret: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(registered.headers.location).toBe(hub.href);
      expect((await inject('GET', `/tmf-api/productOrdering/v4/hub/${hub.id}`)).json()).not.toHaveProperty('signingSecret');

      const { order } = await partnerCustomerWithLine('hub.tmf@example.com', 'E5550001');
      const jobs = app.get(JobQueue);

      // submitted and completed match the query; created (a create event) does not.
      expect(await runWithAuth({ actor: 'test' }, () => app.get(RelayHubEvents).run())).toBe(2);
      await jobs.drain([TMF_QUEUES.deliver]);
      expect(listener.received).toHaveLength(2);
      const failed = await jobs.list({ queue: TMF_QUEUES.deliver, state: 'retry' });
      expect(failed).toHaveLength(1);

      // The retry becomes runnable after pg-boss' backoff (2 s, with jitter); wait for it, bounded.
      for (let waited = 0; listener.received.length < 3 && waited < 20_000; waited += 500) {
        await new Promise((r) => setTimeout(r, 500));
        await jobs.drain([TMF_QUEUES.deliver]);
      }
      expect(listener.received).toHaveLength(3);
      for (const delivery of listener.received) {
        expect(delivery.headers['x-bss-signature']).toBe(signHubBody(hub.signingSecret, delivery.body));
      }
      const events = listener.received.slice(1).map((d) => JSON.parse(d.body));
      expect(events.map((e) => [e.eventType, e.event.productOrder.id, e.event.productOrder.bssEventType]).sort()).toEqual([
        ['ProductOrderStateChangeEvent', order.id, 'order.completed'],
        ['ProductOrderStateChangeEvent', order.id, 'order.submitted'],
      ]);
      expect(await runWithAuth({ actor: 'test' }, () => app.get(RelayHubEvents).run())).toBe(0);

      expect((await inject('DELETE', `/tmf-api/productOrdering/v4/hub/${hub.id}`)).statusCode).toBe(204);
      expect((await inject('DELETE', `/tmf-api/productOrdering/v4/hub/${hub.id}`)).statusCode).toBe(404);
    } finally {
      listener.server.close();
    }
  });

  it('relays party (TMF632) and balance (TMF654) changes to the partner entitled to the customer, and to no other', async () => {
    const acme = await startListener([]);
    const rival = await startListener([]);
    const hubs: string[] = [];
    try {
      for (const [token, url] of [[PARTNER_TOKEN, acme.url], [RIVAL_TOKEN, rival.url]]) {
        for (const api of ['party/v4', 'prepayBalanceManagement/v2']) {
          const hub = await inject('POST', `/tmf-api/${api}/hub`, { callback: url }, token);
          expect(hub.statusCode).toBe(201);
          hubs.push(hub.json().href);
        }
      }
      const { individual, lineId } = await partnerCustomerWithLine('hub.party@example.com', 'E5550002');
      const organization = (await inject('POST', '/tmf-api/party/v4/organization', { tradingName: 'Hub Robotics', relatedParty: [{ id: individual.id, role: 'admin' }] })).json();
      expect((await inject('PATCH', `/tmf-api/party/v4/organization/${organization.id}`, { tradingName: 'Hub Robotics Asia' })).statusCode).toBe(200);
      expect((await inject('DELETE', `/tmf-api/party/v4/organization/${organization.id}`)).statusCode).toBe(204);
      const adjustment = await inject('POST', '/tmf-api/prepayBalanceManagement/v2/balanceAdjustment', { type: 'data', reason: 'goodwill for the outage', amount: { amount: 500, units: 'MB' }, product: { id: lineId } });
      expect(adjustment.statusCode).toBe(201);

      await runWithAuth({ actor: 'test' }, () => app.get(RelayHubEvents).run());
      await app.get(JobQueue).drain([TMF_QUEUES.deliver]);
      const events = acme.received.map((d) => JSON.parse(d.body) as { eventType: string; event: Record<string, { id: string }> });
      const about = (eventType: string) => events.filter((e) => e.eventType === eventType).map((e) => Object.values(e.event)[0].id);
      expect(about('IndividualCreateEvent')).toEqual([individual.id]);
      expect(about('OrganizationCreateEvent')).toEqual([organization.id]);
      expect(about('OrganizationAttributeValueChangeEvent')).toEqual([organization.id]);
      expect(about('OrganizationDeleteEvent')).toEqual([organization.id]);
      expect(about('BalanceAdjustmentCreateEvent')).toEqual([lineId]);
      // The rival's hubs hear nothing of another partner's customers.
      expect(rival.received).toEqual([]);
    } finally {
      for (const href of hubs) await inject('DELETE', href, undefined, href === hubs[0] || href === hubs[1] ? PARTNER_TOKEN : RIVAL_TOKEN);
      acme.server.close();
      rival.server.close();
    }
  });

  it('refuses a callback that is not an http(s) URL with a 400 TMF error', async () => {
    const res = await inject('POST', '/tmf-api/party/v4/hub', { callback: 'file:///etc/passwd' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', status: '400' });
  });

  it('PUT /hub/{hubId} (TMF641) replaces callback and query, keeping id; another partner can neither see, change nor remove it', async () => {
    const base = '/tmf-api/serviceOrdering/v3/hub';
    const hub = (await inject('POST', base, { callback: 'http://127.0.0.1:1/old' })).json();
    const replaced = await inject('PUT', `${base}/${hub.id}`, { callback: 'http://127.0.0.1:1/new', query: 'eventType=ServiceOrderStateChangeEvent' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toEqual({ id: hub.id, href: hub.href, '@type': 'EventSubscription', callback: 'http://127.0.0.1:1/new', query: 'eventType=ServiceOrderStateChangeEvent' });
    expect((await inject('GET', `${base}/${hub.id}`)).json()).toEqual(replaced.json());
    expect((await inject('PUT', `${base}/${hub.id}`, { callback: 'not a url' })).statusCode).toBe(400);

    expect((await inject('GET', base, undefined, RIVAL_TOKEN)).json()).toEqual([]);
    expect((await inject('GET', `${base}/${hub.id}`, undefined, RIVAL_TOKEN)).statusCode).toBe(404);
    expect((await inject('PUT', `${base}/${hub.id}`, { callback: 'http://127.0.0.1:1/stolen' }, RIVAL_TOKEN)).statusCode).toBe(404);
    expect((await inject('DELETE', `${base}/${hub.id}`, undefined, RIVAL_TOKEN)).statusCode).toBe(404);
    expect((await inject('GET', `${base}/${hub.id}`)).json().callback).toBe('http://127.0.0.1:1/new');
    expect((await inject('GET', base)).json().map((h: { id: string }) => h.id)).toContain(hub.id);
  });

  it('tmf-api runs no job workers by default: the hub queues are linked by BssCoreModule, so the one worker process relays', () => {
    expect(APP_DEFINITION.workersByDefault).toBe(false);
    expect(app.get(JobQueue).queues()).toEqual(expect.arrayContaining([TMF_QUEUES.relay, TMF_QUEUES.deliver]));
  });
});
