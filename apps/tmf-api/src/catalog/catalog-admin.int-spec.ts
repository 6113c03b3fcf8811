import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Database } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';
import { ProductOfferingCache } from './product-offering.cache';

const ADMIN_TOKEN = 'q'.repeat(48);
const PARTNER_TOKEN = 'w'.repeat(48);
const BASE = '/tmf-api/productCatalogManagement/v2';

describe('TMF620 writes map onto the catalog admin commands, for the identities named catalog admins only', () => {
  let app: NestFastifyApplication;

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url: `${BASE}${url}`, payload, headers: { 'x-bss-api-token': token, 'x-bss-actor': 'ops@acme' } });

  /** Waits until the cache has heard the NOTIFY of the write just made (an event, not a sleep). */
  const afterChange = async <R extends { statusCode: number }>(write: () => Promise<R>): Promise<R> => {
    const cache = app.get(ProductOfferingCache);
    const heard = cache.heardChanges();
    const res = await write();
    if (res.statusCode < 300) while (cache.heardChanges() === heard) await new Promise((resolve) => setImmediate(resolve));
    return res;
  };
  const onSale = async () => (await call(PARTNER_TOKEN, 'GET', '/productOffering')).json().map((o: { id: string }) => o.id);

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_OPS_API_TOKEN = ADMIN_TOKEN;
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    process.env.BSS_TMF_CATALOG_ADMINS = 'partner_ops';
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
  });
  afterAll(() => app.close());

  it('refuses every catalog write of a partner not named in BSS_TMF_CATALOG_ADMINS with a 403 TMF error', async () => {
    for (const [method, url, body] of [
      ['POST', '/productOffering', { name: 'Plan Rogue' }],
      ['PATCH', '/productOffering/PLAN_M', { validFor: { endDateTime: '2000-01-01T00:00:00Z' } }],
      ['DELETE', '/productOffering/PLAN_M', undefined],
      ['POST', '/productOfferingPrice', { name: 'Rogue', productOffering: { id: 'PLAN_M' }, price: { value: 0.01, unit: 'SGD' } }],
    ] as const) {
      const res = await call(PARTNER_TOKEN, method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
      expectOfficialShape('tmf632', 'Error', res.json());
    }
    expect(await onSale()).toContain('PLAN_M');
  });

  it('creates an offering, adds a price, moves its window and retires it (DELETE), each visible at once to partners', async () => {
    const created = await afterChange(() =>
      call(ADMIN_TOKEN, 'POST', '/productOffering', {
        name: 'Plan XL',
        productOfferingPrice: [{ name: 'Plan XL monthly', price: { value: 45, unit: 'SGD' } }],
        bundleAllowance: [
          { allowanceType: 'data', quantity: 51200 },
          { allowanceType: 'voice', quantity: -1 },
        ],
      }),
    );
    expect(created.statusCode).toBe(201);
    const offering = created.json();
    expectOfficialShape('tmf620', 'ProductOffering', offering);
    expect(offering).toMatchObject({ id: 'PLAN_XL', name: 'Plan XL', productOfferingPrice: [{ price: { value: 45, unit: 'SGD' } }] });
    expect(created.headers.location).toBe(offering.href);
    expect(await onSale()).toContain('PLAN_XL');

    const price = await afterChange(() => call(ADMIN_TOKEN, 'POST', '/productOfferingPrice', { name: 'Plan XL launch', productOffering: { id: 'PLAN_XL' }, priceType: 'recurring', price: { value: 39.5, unit: 'SGD' }, retireCurrent: true }));
    expect(price.statusCode).toBe(201);
    expectOfficialShape('tmf620', 'ProductOfferingPrice', price.json());
    expect(price.json()).toMatchObject({ id: 'PRICE_PLAN_XL_LAUNCH', price: { value: 39.5 } });
    const listed = (await call(PARTNER_TOKEN, 'GET', '/productOffering?id=PLAN_XL')).json()[0];
    expect(listed.productOfferingPrice.map((p: { price: { value: number } }) => p.price.value)).toEqual([39.5]);

    const patched = await afterChange(() => call(ADMIN_TOKEN, 'PATCH', '/productOffering/PLAN_XL', { validFor: { startDateTime: '2099-01-01T00:00:00.000Z' } }));
    expect(patched.statusCode).toBe(201);
    expectOfficialShape('tmf620', 'ProductOffering', patched.json());
    expect(patched.json().validFor).toEqual({ startDateTime: '2099-01-01T00:00:00.000Z' });
    expect(await onSale()).not.toContain('PLAN_XL');
    expect((await call(ADMIN_TOKEN, 'PATCH', '/productOffering/PLAN_XL', { name: 'Renamed' })).statusCode).toBe(400);

    await afterChange(() => call(ADMIN_TOKEN, 'PATCH', '/productOffering/PLAN_XL', { validFor: null }));
    expect(await onSale()).toContain('PLAN_XL');
    const retired = await afterChange(() => call(ADMIN_TOKEN, 'DELETE', '/productOffering/PLAN_XL'));
    expect(retired.statusCode).toBe(204);
    expect(await onSale()).not.toContain('PLAN_XL');
    const gone = await call(PARTNER_TOKEN, 'GET', '/productOffering/PLAN_XL');
    expect(gone.statusCode).toBe(200);
    expect(gone.json().validFor.endDateTime).toEqual(expect.any(String));
    expect((await call(ADMIN_TOKEN, 'DELETE', '/productOffering/NO_SUCH_PLAN')).statusCode).toBe(404);
  });

  it('answers a malformed write with 400 and a policy refusal with 422 (rule id), never 5xx', async () => {
    expect((await call(ADMIN_TOKEN, 'POST', '/productOffering', { name: 'Plan Bad', productOfferingPrice: [{ price: { value: -1, unit: 'SGD' } }] })).statusCode).toBe(400);
    expect((await call(ADMIN_TOKEN, 'POST', '/productOffering', { name: 'Plan Odd', bundleAllowance: [{ allowanceType: 'fax', quantity: 1 }] })).statusCode).toBe(400);
    expect((await call(ADMIN_TOKEN, 'POST', '/productOfferingPrice', { name: 'One-off', productOffering: { id: 'PLAN_M' }, priceType: 'oneTime', price: { value: 5, unit: 'SGD' } })).statusCode).toBe(400);
    const duplicate = await call(ADMIN_TOKEN, 'POST', '/productOffering', { name: 'Plan M', id: 'PLAN_M', productOfferingPrice: [{ price: { value: 20, unit: 'SGD' } }] });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().code).toMatch(/^catalog\./);
  });
});
