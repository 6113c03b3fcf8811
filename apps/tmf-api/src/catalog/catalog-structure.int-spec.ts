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

describe('TMF620 catalogs, categories, specifications and price versions are real catalog rows, written by catalog admins only', () => {
  let app: NestFastifyApplication;

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url: `${BASE}${url}`, payload, headers: { 'x-bss-api-token': token, 'x-bss-actor': 'ops@acme' } });
  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => call(ADMIN_TOKEN, method, url, payload);
  const partner = (url: string) => call(PARTNER_TOKEN, 'GET', url);

  /** Waits until the offering cache has heard the NOTIFY of the write just made (an event, not a sleep). */
  const afterChange = async <R extends { statusCode: number }>(write: () => Promise<R>): Promise<R> => {
    const cache = app.get(ProductOfferingCache);
    const heard = cache.heardChanges();
    const res = await write();
    if (res.statusCode < 300) while (cache.heardChanges() === heard) await new Promise((resolve) => setImmediate(resolve));
    return res;
  };

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

  it('refuses every new write of a partner not named a catalog admin with a 403 TMF error, and writes nothing', async () => {
    for (const [method, url, body] of [
      ['POST', '/catalog', { name: 'Rogue' }],
      ['PATCH', '/catalog/CAT_MOBILE', { name: 'Rogue' }],
      ['DELETE', '/catalog/CAT_MOBILE', undefined],
      ['POST', '/category', { name: 'Rogue' }],
      ['PATCH', '/category/CATEGORY_PLANS', { name: 'Rogue' }],
      ['DELETE', '/category/CATEGORY_PLANS', undefined],
      ['POST', '/productSpecification', { name: 'Rogue' }],
      ['PATCH', '/productSpecification/SPEC_MOBILE_PREPAID', { name: 'Rogue' }],
      ['DELETE', '/productSpecification/SPEC_MOBILE_PREPAID', undefined],
      ['PATCH', '/productOfferingPrice/PRICE_PLAN_M', { price: { value: 0.01, unit: 'SGD' } }],
      ['DELETE', '/productOfferingPrice/PRICE_PLAN_M', undefined],
    ] as const) {
      const res = await call(PARTNER_TOKEN, method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
    }
    expect((await partner('/catalog/CAT_MOBILE')).json().name).toBe('Prepaid eSIM plans');
  });

  it('serves the seeded catalog and category as rows: the plans are listed in CATEGORY_PLANS and filter by category.id', async () => {
    const catalog = (await partner('/catalog/CAT_MOBILE')).json();
    expectOfficialShape('tmf620', 'Catalog', catalog);
    expect(catalog.category.map((c: { id: string }) => c.id)).toEqual(['CATEGORY_PLANS']);
    const category = (await partner('/category/CATEGORY_PLANS')).json();
    expectOfficialShape('tmf620', 'Category', category);
    expect(category).toMatchObject({ isRoot: true, productOffering: [{ id: 'PLAN_L' }, { id: 'PLAN_M' }, { id: 'PLAN_S' }] });
    const offering = (await partner('/productOffering/PLAN_M')).json();
    expectOfficialShape('tmf620', 'ProductOffering', offering);
    expect(offering.category).toEqual([expect.objectContaining({ id: 'CATEGORY_PLANS', name: 'Mobile plans' })]);
    const filtered = await partner('/productOffering?category.id=CATEGORY_PLANS');
    expect(filtered.json()).toHaveLength(3);
    expect((await partner('/productOffering?category.id=CATEGORY_NONE')).json()).toEqual([]);
  });

  it('creates a category and a reseller catalog, regroups them by PATCH, filters offerings by it, and deletes only what nothing uses', async () => {
    const category = await afterChange(() => admin('POST', '/category', { name: 'Big data', productOffering: [{ id: 'PLAN_L' }] }));
    expect(category.statusCode).toBe(201);
    expectOfficialShape('tmf620', 'Category', category.json());
    expect(category.json()).toMatchObject({ id: 'CATEGORY_BIG_DATA', productOffering: [{ id: 'PLAN_L', name: 'Max' }] });
    expect(category.headers.location).toBe(category.json().href);
    expect((await partner('/productOffering?category.id=CATEGORY_BIG_DATA')).json().map((o: { id: string }) => o.id)).toEqual(['PLAN_L']);

    const patchedCategory = await afterChange(() => admin('PATCH', '/category/CATEGORY_BIG_DATA', { productOffering: [{ id: 'PLAN_M' }, { id: 'PLAN_L' }], parentId: 'CATEGORY_PLANS' }));
    expect(patchedCategory.statusCode).toBe(201);
    expect(patchedCategory.json()).toMatchObject({ parentId: 'CATEGORY_PLANS', isRoot: false });
    expect((await partner('/productOffering?category.id=CATEGORY_BIG_DATA')).json().map((o: { id: string }) => o.id)).toEqual(['PLAN_M', 'PLAN_L']);
    expect((await partner('/category/CATEGORY_PLANS')).json().subCategory).toEqual([expect.objectContaining({ id: 'CATEGORY_BIG_DATA' })]);
    expect((await admin('PATCH', '/category/CATEGORY_PLANS', { parentId: 'CATEGORY_BIG_DATA' })).statusCode).toBe(400);
    expect((await admin('PATCH', '/category/CATEGORY_BIG_DATA', { isRoot: true })).json()).toMatchObject({ code: 'INVALID_INPUT' });

    const catalog = await admin('POST', '/catalog', { name: 'Reseller', channel: 'partner_acme', category: [{ id: 'CATEGORY_BIG_DATA' }] });
    expect(catalog.statusCode).toBe(201);
    expectOfficialShape('tmf620', 'Catalog', catalog.json());
    expect(catalog.json()).toMatchObject({ id: 'CAT_RESELLER', channel: 'partner_acme', category: [{ id: 'CATEGORY_BIG_DATA', name: 'Big data' }] });
    expect((await admin('POST', '/catalog', { name: 'Reseller' })).json()).toMatchObject({ status: '422', code: 'catalog.catalog.already_exists' });
    expect((await admin('POST', '/catalog', { name: 'Ghost', category: [{ id: 'CATEGORY_GHOST' }] })).statusCode).toBe(400);
    const renamed = await admin('PATCH', '/catalog/CAT_RESELLER', { name: 'Reseller plans', lifecycleStatus: 'retired' });
    expect(renamed.statusCode).toBe(201);
    expect(renamed.json()).toMatchObject({ name: 'Reseller plans', lifecycleStatus: 'retired' });
    expect((await partner('/catalog?lifecycleStatus=retired')).json().map((c: { id: string }) => c.id)).toEqual(['CAT_RESELLER']);

    const inUse = await admin('DELETE', '/category/CATEGORY_BIG_DATA');
    expect(inUse.statusCode).toBe(422);
    expect(inUse.json()).toMatchObject({ code: 'catalog.category.in_use' });
    expect((await admin('DELETE', '/catalog/CAT_RESELLER')).statusCode).toBe(204);
    expect((await partner('/catalog/CAT_RESELLER')).statusCode).toBe(404);
    expect((await admin('PATCH', '/category/CATEGORY_BIG_DATA', { productOffering: [] })).statusCode).toBe(201);
    expect((await afterChange(() => admin('DELETE', '/category/CATEGORY_BIG_DATA'))).statusCode).toBe(204);
    expect((await partner('/category/CATEGORY_BIG_DATA')).statusCode).toBe(404);
    expect((await partner('/productOffering/PLAN_L')).json().category.map((c: { id: string }) => c.id)).toEqual(['CATEGORY_PLANS']);
  });

  it('creates, patches and deletes a product specification; one an offering references is kept (422)', async () => {
    const created = await admin('POST', '/productSpecification', { name: 'Data only', brand: 'BSS', lifecycleStatus: 'active' });
    expect(created.statusCode).toBe(201);
    expectOfficialShape('tmf620', 'ProductSpecification', created.json());
    expect(created.json()).toMatchObject({ id: 'SPEC_DATA_ONLY', brand: 'BSS', lifecycleStatus: 'active' });
    const patched = await admin('PATCH', '/productSpecification/SPEC_DATA_ONLY', { description: 'No voice, no SMS', brand: null });
    expect(patched.statusCode).toBe(201);
    expect(patched.json()).toMatchObject({ description: 'No voice, no SMS' });
    expect(patched.json().brand).toBeUndefined();
    expect((await partner('/productSpecification')).json().map((s: { id: string }) => s.id)).toEqual(['SPEC_DATA_ONLY', 'SPEC_MOBILE_PREPAID']);

    const used = await admin('DELETE', '/productSpecification/SPEC_MOBILE_PREPAID');
    expect(used.statusCode).toBe(422);
    expect(used.json()).toMatchObject({ code: 'catalog.specification.in_use' });
    expect((await admin('DELETE', '/productSpecification/SPEC_DATA_ONLY')).statusCode).toBe(204);
    expect((await partner('/productSpecification/SPEC_DATA_ONLY')).statusCode).toBe(404);
    expect((await admin('DELETE', '/productSpecification/SPEC_DATA_ONLY')).statusCode).toBe(404);
  });

  it('PATCH of a price is a new version from validFor.startDateTime with the old row end-dated; DELETE ends it, never the only current one of an offering on sale', async () => {
    const revised = await afterChange(() => admin('PATCH', '/productOfferingPrice/PRICE_PLAN_S', { price: { value: 12, unit: 'SGD' } }));
    expect(revised.statusCode).toBe(201);
    const version = revised.json();
    expectOfficialShape('tmf620', 'ProductOfferingPrice', version);
    expect(version).toMatchObject({ id: expect.stringMatching(/^PRICE_PLAN_S_\d{10}$/), price: { value: 12, unit: 'SGD' } });
    const old = (await partner('/productOfferingPrice/PRICE_PLAN_S')).json();
    expect(old).toMatchObject({ price: { value: 10 }, validFor: { endDateTime: version.validFor.startDateTime } });
    expect((await partner('/productOffering?id=PLAN_S')).json()[0].productOfferingPrice.map((p: { id: string }) => p.id)).toEqual([version.id]);
    expect((await admin('PATCH', '/productOfferingPrice/PRICE_PLAN_S', { price: { value: 13, unit: 'SGD' } })).statusCode).toBe(400);
    expect((await admin('PATCH', '/productOfferingPrice/PRICE_PLAN_S_X', { name: 'x' })).statusCode).toBe(400);

    const last = await admin('DELETE', `/productOfferingPrice/${version.id}`);
    expect(last.statusCode).toBe(422);
    expect(last.json()).toMatchObject({ code: 'catalog.price.last_current' });

    const promo = await afterChange(() => admin('POST', '/productOfferingPrice', { name: 'Plan S promo', productOffering: { id: 'PLAN_S' }, price: { value: 8, unit: 'SGD' } }));
    expect(promo.statusCode).toBe(201);
    expect((await afterChange(() => admin('DELETE', '/productOfferingPrice/PRICE_PLAN_S_PROMO'))).statusCode).toBe(204);
    expect((await partner('/productOfferingPrice/PRICE_PLAN_S_PROMO')).json().validFor.endDateTime).toEqual(expect.any(String));
    expect((await partner('/productOffering?id=PLAN_S')).json()[0].productOfferingPrice.map((p: { id: string }) => p.id)).toEqual([version.id]);
    expect((await admin('DELETE', '/productOfferingPrice/PRICE_NONE')).statusCode).toBe(404);
  });
});
