import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AttestKycCommand } from '@bss/crm';
import { AddPaymentCardCommand } from '@bss/payment';
import { Database, JobQueue } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { SimulateUsageCommand } from '@bss/subscription';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';

const ACME = 'u'.repeat(48);
const BETA = 'v'.repeat(48);
const BASE = '/tmf-api/usageConsumption/v4';

describe('TMF677 report requests: a job computes a line report over a period and stores it; request and report can be deleted', () => {
  let app: NestFastifyApplication;
  let lineId: string;

  const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => app.inject({ method, url, payload, headers: { 'x-bss-api-token': token } });

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = ACME;
    process.env.BSS_PARTNER_BETA_API_TOKEN = BETA;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
    const individual = await call(ACME, 'POST', '/tmf-api/party/v4/individual', { givenName: 'Uma', familyName: 'Usage', contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'uma.usage@example.com' } }] });
    const customerId: string = individual.json().id;
    await runWithAuth({ actor: 'test-setup', channel: 'cli' }, async () => {
      await app.get(AttestKycCommand).execute({ customerId, provider: 'prebaked', providerReference: 'PB-ucr-1', documentType: 'passport', documentNumber: 'E7654321098', attestationPayload: { signature: 'sig-ucr' } });
      await app.get(AddPaymentCardCommand).execute({ customerId, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
    });
    const placed = await call(ACME, 'POST', '/tmf-api/productOrdering/v4/productOrder', {
      relatedParty: [{ id: customerId, role: 'customer' }],
      orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_M' } }],
    });
    expect(placed.statusCode).toBe(201);
    await app.get(JobQueue).drain();
    lineId = (await call(ACME, 'GET', `/tmf-api/productOrdering/v4/productOrder/${placed.json().id}`)).json().orderItem[0].product.id;
    const msisdn: string = (await call(ACME, 'GET', `/tmf-api/prepayBalanceManagement/v2/bucket/${lineId}.data`)).json().product[0].name;
    await runWithAuth({ actor: 'test-mediation', channel: 'system' }, async () => {
      await app.get(SimulateUsageCommand).execute({ msisdn, eventType: 'data', quantity: 200, eventId: 'cdr-ucr-1' });
      await app.get(SimulateUsageCommand).execute({ msisdn, eventType: 'data', quantity: 50, eventId: 'cdr-ucr-2' });
    });
  });
  afterAll(() => app.close());

  it('creates a request (inProgress, 201), computes and stores the report in a job (done), serves both, then deletes each', async () => {
    const created = await call(ACME, 'POST', `${BASE}/usageConsumptionReportRequest`, { product: { id: lineId, href: `x/${lineId}` } });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    expectOfficialShape('tmf677', 'UsageConsumptionReportRequest', request);
    expect(request).toMatchObject({ id: expect.stringMatching(/^UCRR-[0-9a-f]{8}$/), status: 'inProgress', product: { id: lineId } });
    expect(created.headers.location).toBe(request.href);

    await app.get(JobQueue).drain();

    const done = (await call(ACME, 'GET', `${BASE}/usageConsumptionReportRequest/${request.id}`)).json();
    expectOfficialShape('tmf677', 'UsageConsumptionReportRequest', done);
    expect(done.failure).toBeUndefined();
    expect(done).toMatchObject({ status: 'done', usageConsumptionReport: { id: expect.stringMatching(/^UCR-[0-9a-f]{8}$/) } });
    const list = await call(ACME, 'GET', `${BASE}/usageConsumptionReportRequest?status=done`);
    expect(list.json().map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect(list.headers['x-total-count']).toBe('1');

    const report = await call(ACME, 'GET', `${BASE}/usageConsumptionReport/${done.usageConsumptionReport.id}`);
    expect(report.statusCode).toBe(200);
    expectOfficialShape('tmf677', 'UsageConsumptionReport', report.json());
    const data = report.json().bucket.find((b: { usageType: string }) => b.usageType === 'data');
    expect(data.bucketCounter[0].value.amount).toBe(250);
    expect(report.json().description).toContain('2 usage event(s)');

    // Another partner: the 404 of an unknown id, on every route.
    for (const [method, url] of [
      ['GET', `${BASE}/usageConsumptionReportRequest/${request.id}`],
      ['DELETE', `${BASE}/usageConsumptionReportRequest/${request.id}`],
      ['GET', `${BASE}/usageConsumptionReport/${done.usageConsumptionReport.id}`],
      ['DELETE', `${BASE}/usageConsumptionReport/${done.usageConsumptionReport.id}`],
    ] as const) {
      expect({ method, url, status: (await call(BETA, method, url)).statusCode }).toEqual({ method, url, status: 404 });
    }
    expect((await call(BETA, 'GET', `${BASE}/usageConsumptionReportRequest`)).json()).toEqual([]);
    expect((await call(BETA, 'POST', `${BASE}/usageConsumptionReportRequest`, { product: { id: lineId } })).statusCode).toBe(404);

    expect((await call(ACME, 'DELETE', `${BASE}/usageConsumptionReportRequest/${request.id}`)).statusCode).toBe(204);
    expect((await call(ACME, 'GET', `${BASE}/usageConsumptionReportRequest/${request.id}`)).statusCode).toBe(404);
    // The report outlives its request until deleted on its own.
    expect((await call(ACME, 'GET', `${BASE}/usageConsumptionReport/${done.usageConsumptionReport.id}`)).statusCode).toBe(200);
    expect((await call(ACME, 'DELETE', `${BASE}/usageConsumptionReport/${done.usageConsumptionReport.id}`)).statusCode).toBe(204);
    expect((await call(ACME, 'GET', `${BASE}/usageConsumptionReport/${done.usageConsumptionReport.id}`)).statusCode).toBe(404);
  });

  it('computes a report over the requested period only, and refuses to delete a report computed on read', async () => {
    const created = await call(ACME, 'POST', `${BASE}/usageConsumptionReportRequest`, { product: { id: lineId }, validPeriod: { startDateTime: '2000-01-01T00:00:00Z', endDateTime: '2000-02-01T00:00:00Z' } });
    expect(created.statusCode).toBe(201);
    await app.get(JobQueue).drain();
    const done = (await call(ACME, 'GET', `${BASE}/usageConsumptionReportRequest/${created.json().id}`)).json();
    const report = (await call(ACME, 'GET', `${BASE}/usageConsumptionReport/${done.usageConsumptionReport.id}`)).json();
    expect(report.bucket.find((b: { usageType: string }) => b.usageType === 'data').bucketCounter[0].value.amount).toBe(0);

    const computed = await call(ACME, 'DELETE', `${BASE}/usageConsumptionReport/${lineId}`);
    expect(computed.statusCode).toBe(400);
    expect(computed.json().message).toContain('computed on read');
    for (const body of [{}, { product: { id: lineId }, validPeriod: { startDateTime: '2000-02-01T00:00:00Z', endDateTime: '2000-01-01T00:00:00Z' } }, { product: { id: lineId }, validPeriod: { startDateTime: 'soon' } }]) {
      expect((await call(ACME, 'POST', `${BASE}/usageConsumptionReportRequest`, body)).statusCode).toBe(400);
    }
  });
});
