import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Database, JobQueue } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';

const ADMIN_TOKEN = 'j'.repeat(48);
const PARTNER_TOKEN = 'k'.repeat(48);
const BASE = '/tmf-api/productCatalogManagement/v2';

describe('TMF620 import and export jobs: durable jobs that move the catalog as TMF JSON through the admin commands', () => {
  let app: NestFastifyApplication;
  let partner: Server;
  let partnerUrl: string;
  const received: string[] = [];
  const home = mkdtempSync(join(tmpdir(), 'bss-catalog-jobs-'));

  const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url: `${BASE}${url}`, payload, headers: { 'x-bss-api-token': token, 'x-bss-actor': 'ops@acme' } });
  const admin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => call(ADMIN_TOKEN, method, url, payload);

  beforeAll(async () => {
    process.env.BSS_HOME = home;
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_OPS_API_TOKEN = ADMIN_TOKEN;
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    process.env.BSS_TMF_CATALOG_ADMINS = 'partner_ops';
    // A partner's system: receives exports, serves a catalog document to import.
    partner = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.method === 'POST') received.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(req.method === 'GET' ? JSON.stringify({ productOffering: [{ id: 'PLAN_URL', name: 'From URL', productOfferingPrice: [{ price: { taxIncludedAmount: { value: '15.00', unit: 'SGD' } } }], bundleAllowance: [{ allowanceType: 'data', quantity: 1024 }] }] }) : '{}');
      });
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => partner.close(resolve));
  });

  it('refuses every job route to a partner that is not a catalog admin (403)', async () => {
    for (const [method, url] of [['POST', '/exportJob'], ['GET', '/exportJob'], ['POST', '/importJob'], ['GET', '/importJob'], ['DELETE', '/importJob/CJOB-00000000']] as const) {
      expect({ method, url, status: (await call(PARTNER_TOKEN, method, url, method === 'POST' ? { url: 'file:' } : undefined)).statusCode }).toEqual({ method, url, status: 403 });
    }
  });

  it('exports the sellable catalog to a file under BSS_HOME and to a partner URL, each job running to succeeded', async () => {
    const created = await admin('POST', '/exportJob', { url: 'file:' });
    expect(created.statusCode).toBe(201);
    expectOfficialShape('tmf620', 'ExportJob', created.json());
    expect(created.json()).toMatchObject({ status: 'notStarted', url: 'file:' });
    expect(created.headers.location).toBe(created.json().href);
    const toUrl = await admin('POST', '/exportJob', { url: `${partnerUrl}/catalog` });
    await app.get(JobQueue).drain();

    const done = (await admin('GET', `/exportJob/${created.json().id}`)).json();
    expectOfficialShape('tmf620', 'ExportJob', done);
    expect(done).toMatchObject({ status: 'succeeded', path: join(home, 'catalog-exports', `${done.id}.json`), completionDate: expect.any(String) });
    const document = JSON.parse(readFileSync(done.path, 'utf8'));
    expect(document.productOffering.map((o: { id: string }) => o.id).sort()).toEqual(['PLAN_L', 'PLAN_M', 'PLAN_S']);
    expect(document.category.map((c: { id: string }) => c.id)).toEqual(['CATEGORY_PLANS']);

    expect((await admin('GET', `/exportJob/${toUrl.json().id}`)).json().status).toBe('succeeded');
    expect(JSON.parse(received[0]).productOffering).toHaveLength(3);
    const listed = await admin('GET', '/exportJob');
    expect(listed.json()).toHaveLength(2);
    for (const job of listed.json()) expectOfficialShape('tmf620', 'ExportJob', job);

    expect((await admin('DELETE', `/exportJob/${done.id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/exportJob/${done.id}`)).statusCode).toBe(404);
    expect((await admin('POST', '/exportJob', { url: 'ftp://nope' })).statusCode).toBe(400);
  });

  it('imports new offerings (inline or from a URL) through add_offering, skipping ids that exist, and records what failed', async () => {
    const inline = await admin('POST', '/importJob', {
      payload: {
        productOffering: [
          { id: 'PLAN_IMPORTED', name: 'Imported', productOfferingPrice: [{ price: { value: 33, unit: 'SGD' } }], bundleAllowance: [{ allowanceType: 'data', quantity: 2048 }], category: [{ id: 'CATEGORY_PLANS' }] },
          { id: 'PLAN_M', name: 'Standard again', productOfferingPrice: [{ price: { value: 1, unit: 'SGD' } }] },
          { id: 'PLAN_BROKEN', name: 'Broken', productOfferingPrice: [{ price: { value: -5, unit: 'SGD' } }] },
        ],
      },
    });
    expect(inline.statusCode).toBe(201);
    expectOfficialShape('tmf620', 'ImportJob', inline.json());
    const fromUrl = await admin('POST', '/importJob', { url: `${partnerUrl}/catalog.json` });
    expect(fromUrl.statusCode).toBe(201);
    await app.get(JobQueue).drain();

    const job = (await admin('GET', `/importJob/${inline.json().id}`)).json();
    expectOfficialShape('tmf620', 'ImportJob', job);
    expect(job).toMatchObject({ status: 'failed', result: { offerings: ['PLAN_IMPORTED'], skipped: ['PLAN_M'] } });
    expect(job.errorLog).toContain('PLAN_BROKEN');
    expect((await admin('GET', `/importJob/${fromUrl.json().id}`)).json()).toMatchObject({ status: 'succeeded', result: { offerings: ['PLAN_URL'] } });

    const imported = (await call(PARTNER_TOKEN, 'GET', '/productOffering/PLAN_IMPORTED')).json();
    expect(imported).toMatchObject({ name: 'Imported', category: [{ id: 'CATEGORY_PLANS' }], productOfferingPrice: [{ price: { value: 33 } }] });
    expect((await call(PARTNER_TOKEN, 'GET', '/productOffering/PLAN_M')).json().productOfferingPrice[0].price.value).toBe(25);
    expect((await admin('POST', '/importJob', {})).statusCode).toBe(400);
    expect((await admin('DELETE', `/importJob/${job.id}`)).statusCode).toBe(204);
    expect((await admin('GET', '/importJob')).json().map((j: { id: string }) => j.id)).toEqual([fromUrl.json().id]);
  });
});
