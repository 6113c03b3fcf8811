import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AttestKycCommand, CreateCustomerCommand } from '@bss/crm';
import { AddPaymentCardCommand } from '@bss/payment';
import { Database, JobQueue } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { SimulateUsageCommand } from '@bss/subscription';
import { createTestDatabase } from '@bss/testing';
import { RelayHubEvents, signHubBody, TMF_QUEUES } from '@bss/tmf';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from './app.module';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';
const ACME_TOKEN = 'k'.repeat(48);
const BETA_TOKEN = 'm'.repeat(48);
const MVNE_TOKEN = 'n'.repeat(48);

interface Listener {
  server: Server;
  url: string;
  received: { signature: string | undefined; body: string }[];
}

/** A partner's real HTTP listener: answers 201 and records each signed envelope. */
function startListener(): Promise<Listener> {
  const received: Listener['received'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ signature: req.headers['x-bss-signature'] as string | undefined, body });
      res.statusCode = 201;
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, received })));
}

/** The resource ids an envelope is about: the event's resource, and the customer it names. */
function subjectOf(body: string): string[] {
  const envelope = JSON.parse(body) as { event: Record<string, { id: string }> };
  return Object.values(envelope.event).map((r) => r.id);
}

describe('tmf-api keeps partners apart: a partner sees only the customers it brought, over reads and hub events', () => {
  let app: NestFastifyApplication;
  let base: string;
  const listeners: Record<'acme' | 'beta' | 'mvne', Listener[]> = { acme: [], beta: [], mvne: [] };
  const secrets = new Map<Listener, string>();
  const sold: Record<'acme' | 'beta', { customerId: string; orderId: string; lineId: string; serviceOrderId: string; topUpId: string }> = {} as never;
  let portalCustomerId: string;

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-bss-api-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  async function sell(token: string, tag: string): Promise<(typeof sold)['acme']> {
    const individual = await call(token, 'POST', '/tmf-api/party/v4/individual', {
      givenName: `Buyer ${tag}`,
      familyName: 'Separated',
      contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: `buyer.${tag}@example.com` } }],
    });
    expect(individual.status).toBe(201);
    const customerId: string = individual.body.id;
    await runWithAuth({ actor: 'test-setup', channel: 'cli' }, async () => {
      await app.get(AttestKycCommand).execute({ customerId, provider: 'prebaked', providerReference: `PB-sep-${tag}`, documentType: 'passport', documentNumber: `E77${tag.length}000${tag.charCodeAt(0)}`, attestationPayload: { signature: `sig-${tag}` } });
      await app.get(AddPaymentCardCommand).execute({ customerId, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
    });
    const order = await call(token, 'POST', '/tmf-api/productOrdering/v4/productOrder', { relatedParty: [{ id: customerId, role: 'customer' }], orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_S' } }] });
    expect(order.status).toBe(201);
    await app.get(JobQueue).drain();
    const placed = await call(token, 'GET', `/tmf-api/productOrdering/v4/productOrder/${order.body.id}`);
    expect(placed.body.state).toBe('completed');
    const lineId: string = placed.body.orderItem[0].product.id;
    const serviceOrders = await call(token, 'GET', `/tmf-api/serviceOrdering/v3/serviceOrder?externalId=${order.body.id}`);
    const topUp = await call(token, 'POST', '/tmf-api/prepayBalanceManagement/v2/balanceTopup', { type: 'VAS_DATA_1GB', product: { id: lineId } });
    expect(topUp.status).toBe(201);
    return { customerId, orderId: order.body.id, lineId, serviceOrderId: serviceOrders.body[0].id, topUpId: topUp.body.id };
  }

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = ACME_TOKEN;
    process.env.BSS_PARTNER_BETA_API_TOKEN = BETA_TOKEN;
    process.env.BSS_PARTNER_MVNE_API_TOKEN = MVNE_TOKEN;
    process.env.BSS_TMF_TRUSTED_PARTNERS = 'partner_mvne';
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    // Each partner listens to orders, parties and balances before anything is sold.
    for (const [who, token] of [['acme', ACME_TOKEN], ['beta', BETA_TOKEN], ['mvne', MVNE_TOKEN]] as const) {
      for (const api of ['productOrdering/v4', 'party/v4', 'serviceOrdering/v3', 'prepayBalanceManagement/v2']) {
        const listener = await startListener();
        const hub = await call(token, 'POST', `/tmf-api/${api}/hub`, { callback: listener.url });
        expect(hub.status).toBe(201);
        listeners[who].push(listener);
        secrets.set(listener, hub.body.signingSecret);
      }
    }
    sold.acme = await sell(ACME_TOKEN, 'acme');
    sold.beta = await sell(BETA_TOKEN, 'beta');
    // A customer the portal signed up: no partner brought it.
    portalCustomerId = (
      await runWithAuth({ actor: 'portal', channel: 'portal-self-serve', serviceIdentity: 'portal_self_serve' }, () =>
        app.get(CreateCustomerCommand).execute({ givenName: 'Portal', familyName: 'Only', email: 'portal.only@example.com' }),
      )
    ).id;
    await runWithAuth({ actor: 'test-mediation', channel: 'system' }, async () => {
      const msisdn = (await call(ACME_TOKEN, 'GET', `/tmf-api/prepayBalanceManagement/v2/product/${sold.acme.lineId}/bucket`)).body[0].product[0].name;
      await app.get(SimulateUsageCommand).execute({ msisdn, eventType: 'data', quantity: 10, eventId: 'cdr-sep-1' });
    });
    await runWithAuth({ actor: 'test' }, () => app.get(RelayHubEvents).run());
    await app.get(JobQueue).drain([TMF_QUEUES.deliver]);
  });
  afterAll(async () => {
    await app.close();
    for (const l of Object.values(listeners).flat()) l.server.close();
  });

  it('delivers each event only to the listeners of the partner that brought the customer (and to a trusted MVNE)', () => {
    const subjects = (who: 'acme' | 'beta' | 'mvne') =>
      new Set(
        listeners[who].flatMap((l) =>
          l.received.map((d) => {
            expect(d.signature).toBe(signHubBody(secrets.get(l)!, d.body));
            return subjectOf(d.body);
          }),
        ).flat(),
      );
    const mine = (s: (typeof sold)['acme']) => [s.customerId, s.orderId, s.serviceOrderId, s.lineId];
    const acme = subjects('acme');
    const beta = subjects('beta');
    for (const id of mine(sold.acme)) expect(acme).toContain(id);
    for (const id of mine(sold.beta)) expect(beta).toContain(id);
    for (const id of [...mine(sold.beta), portalCustomerId]) expect(acme).not.toContain(id);
    for (const id of [...mine(sold.acme), portalCustomerId]) expect(beta).not.toContain(id);
    const mvne = subjects('mvne');
    for (const id of [...mine(sold.acme), ...mine(sold.beta), portalCustomerId]) expect(mvne).toContain(id);
  });

  it('answers another partner’s resources with the same 404 as an unknown id, and lists only its own', async () => {
    const b = sold.beta;
    const foreign: [string, string][] = [
      ['GET', `/tmf-api/party/v4/individual/${b.customerId}`],
      ['GET', `/tmf-api/party/v4/individual/${portalCustomerId}`],
      ['GET', `/tmf-api/productOrdering/v4/productOrder/${b.orderId}`],
      ['GET', `/tmf-api/serviceOrdering/v3/serviceOrder/${b.serviceOrderId}`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/product/${b.lineId}/bucket`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/bucket?product.id=${b.lineId}`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/bucket/${b.lineId}.data`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/balanceTopup/${b.topUpId}`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/balanceTopup/${b.topUpId}/status`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/balanceTopup?product.id=${b.lineId}`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/accumulatedbalance/${b.lineId}?name=data`],
      ['GET', `/tmf-api/prepayBalanceManagement/v2/balanceActivity?prod.id=${b.lineId}`],
      ['GET', `/tmf-api/usageConsumption/v4/usageConsumptionReport/${b.lineId}`],
      ['GET', `/tmf-api/usageConsumption/v4/usageConsumptionReport?bucket.product.id=${b.lineId}`],
    ];
    for (const [method, path] of foreign) {
      const res = await call(ACME_TOKEN, method, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(JSON.stringify(res.body)).not.toMatch(/Buyer|beta|Portal/i);
    }
    // Nothing distinguishes "someone else's" from "no such": same status, same body shape and message form.
    const theirs = await call(ACME_TOKEN, 'GET', `/tmf-api/productOrdering/v4/productOrder/${b.orderId}`);
    const none = await call(ACME_TOKEN, 'GET', '/tmf-api/productOrdering/v4/productOrder/ORD-9999');
    expect(theirs.body).toEqual({ ...none.body, message: none.body.message.replace('ORD-9999', b.orderId) });

    const individuals = await call(ACME_TOKEN, 'GET', '/tmf-api/party/v4/individual');
    expect(individuals.body.map((i: { id: string }) => i.id)).toEqual([sold.acme.customerId]);
    expect(individuals.headers.get('x-total-count')).toBe('1');
    const orders = await call(ACME_TOKEN, 'GET', '/tmf-api/productOrdering/v4/productOrder');
    expect(orders.body.map((o: { id: string }) => o.id)).toEqual([sold.acme.orderId]);
    const serviceOrders = await call(ACME_TOKEN, 'GET', '/tmf-api/serviceOrdering/v3/serviceOrder');
    expect(serviceOrders.body.map((o: { id: string }) => o.id)).toEqual([sold.acme.serviceOrderId]);

    // The trusted MVNE sees everyone.
    const all = await call(MVNE_TOKEN, 'GET', '/tmf-api/party/v4/individual');
    expect(all.body.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([sold.acme.customerId, sold.beta.customerId, portalCustomerId]));
    expect((await call(MVNE_TOKEN, 'GET', `/tmf-api/productOrdering/v4/productOrder/${b.orderId}`)).status).toBe(200);
  });

  it('refuses writes on another partner’s customer with the same 404, and writes nothing', async () => {
    const b = sold.beta;
    const writes: [string, string, unknown][] = [
      ['PATCH', `/tmf-api/party/v4/individual/${b.customerId}`, { familyName: 'Hijacked' }],
      ['DELETE', `/tmf-api/party/v4/individual/${b.customerId}`, undefined],
      ['PATCH', `/tmf-api/productOrdering/v4/productOrder/${b.orderId}`, { state: 'cancelled' }],
      ['DELETE', `/tmf-api/productOrdering/v4/productOrder/${b.orderId}`, undefined],
      ['POST', '/tmf-api/productOrdering/v4/productOrder', { relatedParty: [{ id: b.customerId, role: 'customer' }], orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_S' } }] }],
      ['POST', '/tmf-api/prepayBalanceManagement/v2/balanceTopup', { type: 'VAS_DATA_1GB', product: { id: b.lineId } }],
      ['POST', `/tmf-api/prepayBalanceManagement/v2/${b.lineId}/balanceTopup`, { type: 'VAS_DATA_1GB' }],
    ];
    for (const [method, path, body] of writes) {
      const res = await call(ACME_TOKEN, method, path, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    const individual = await call(BETA_TOKEN, 'GET', `/tmf-api/party/v4/individual/${b.customerId}`);
    expect(individual.body.familyName).toBe('Separated');
    expect((await call(BETA_TOKEN, 'GET', `/tmf-api/prepayBalanceManagement/v2/balanceTopup?product.id=${b.lineId}`)).body).toHaveLength(1);
    expect((await call(BETA_TOKEN, 'GET', '/tmf-api/productOrdering/v4/productOrder')).body).toHaveLength(1);
  });
});
