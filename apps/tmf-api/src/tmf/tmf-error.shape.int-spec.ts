import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Database } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import type { HubApi } from '@bss/tmf';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';
import { TMF_APIS } from './official-contract';
import { TMF_ERROR_SHAPE_NOTE } from './tmf-error.shape';

const PARTNER_TOKEN = 'e'.repeat(48);
const ADMIN_TOKEN = 'f'.repeat(48);

/** A GET of an unknown id in each API. */
const UNKNOWN: Record<HubApi, string> = {
  productCatalog: '/productOffering/NO_SUCH_PLAN',
  productOrdering: '/productOrder/ORD-9999',
  party: '/individual/CUST-00000000',
  serviceOrdering: '/serviceOrder/SO-9999',
  prepayBalance: '/product/SUB-9999/bucket',
  usageConsumption: '/usageConsumptionReport/SUB-9999',
};

describe('one TMF error shape across the six APIs: code is a string (a refusal’s rule id), as issue #17 asks', () => {
  let app: NestFastifyApplication;
  const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: token ? { 'x-bss-api-token': token } : {} });

  const expectShape = (body: Record<string, unknown>, status: number, code: string | RegExp) => {
    expect(Object.keys(body).sort()).toEqual(['@type', 'code', 'message', 'reason', 'status']);
    expect(body).toMatchObject({ '@type': 'Error', status: String(status), reason: expect.any(String), message: expect.any(String) });
    expect(body.code).toEqual(typeof code === 'string' ? code : expect.stringMatching(code));
    // TMF632's official Error is the one with a string code; it is the shape all six answer with.
    expectOfficialShape('tmf632', 'Error', body);
  };

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    process.env.BSS_PARTNER_OPS_API_TOKEN = ADMIN_TOKEN;
    process.env.BSS_TMF_CATALOG_ADMINS = 'partner_ops';
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
  });
  afterAll(() => app.close());

  it.each(Object.entries(TMF_APIS))('%s: 401, 404 and 400 carry the same shape with a string code', async (api, { basePath }) => {
    expectShape((await call('GET', `${basePath}${UNKNOWN[api as HubApi]}`)).json(), 401, 'UNAUTHORIZED');
    const missing = await call('GET', `${basePath}${UNKNOWN[api as HubApi]}`, PARTNER_TOKEN);
    expect(missing.statusCode).toBe(404);
    expectShape(missing.json(), 404, 'NOT_FOUND');
    const malformed = await call('POST', `${basePath}/hub`, PARTNER_TOKEN, { callback: 'not a url' });
    expect(malformed.statusCode).toBe(400);
    expectShape(malformed.json(), 400, 'INVALID_INPUT');
  });

  it('a policy refusal is 422 with its rule id in code, and a refused role 403 with FORBIDDEN', async () => {
    const duplicate = await call('POST', `${TMF_APIS.productCatalog.basePath}/productOffering`, ADMIN_TOKEN, { name: 'Plan M', id: 'PLAN_M', productOfferingPrice: [{ price: { value: 20, unit: 'SGD' } }] });
    expect(duplicate.statusCode).toBe(422);
    expectShape(duplicate.json(), 422, 'catalog.offering.already_exists');
    const notAdmin = await call('POST', `${TMF_APIS.productCatalog.basePath}/productOffering`, PARTNER_TOKEN, { name: 'Plan Z' });
    expect(notAdmin.statusCode).toBe(403);
    expectShape(notAdmin.json(), 403, 'FORBIDDEN');
  });

  it.each(Object.entries(TMF_APIS))('%s: the OpenAPI document says so (x-bss-error-shape)', async (_api, { basePath }) => {
    expect((await call('GET', `${basePath}/api-docs`)).json().info['x-bss-error-shape']).toBe(TMF_ERROR_SHAPE_NOTE);
  });
});
