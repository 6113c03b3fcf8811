import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CatalogQueries, SetPriceCommand, WindowOfferingCommand } from '@bss/catalog';
import { Clock, Database } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { PRODUCT_OFFERING_REFRESH_MS, ProductOfferingCache } from './product-offering.cache';

const PARTNER_TOKEN = 'p'.repeat(48);
const URL = '/tmf-api/productCatalogManagement/v2/productOffering';

describe('GET productOffering is served from a snapshot that follows catalog writes', () => {
  let app: NestFastifyApplication;

  const offeringIds = async (): Promise<string[]> => {
    const res = await app.inject({ method: 'GET', url: URL, headers: { 'x-bss-api-token': PARTNER_TOKEN } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe(String(res.json().length));
    return res.json().map((o: { id: string }) => o.id);
  };

  /** Polls until `ids` satisfies `done`, for at most three refresh periods. */
  const eventually = async (done: (ids: string[]) => boolean): Promise<string[]> => {
    const deadline = Date.now() + 3 * PRODUCT_OFFERING_REFRESH_MS + 2_000;
    let ids = await offeringIds();
    while (!done(ids) && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      ids = await offeringIds();
    }
    return ids;
  };

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
  });
  afterAll(() => app.close());

  it('answers without a database round trip per request once warm', async () => {
    await offeringIds();
    const reads = jest.spyOn(app.get(CatalogQueries), 'listActiveOfferings');
    const clockReads = jest.spyOn(app.get(Clock), 'now');
    const started = Date.now();
    for (let i = 0; i < 300; i += 1) await offeringIds();
    // At most one background rebuild per refresh period, whatever the request count; not even the clock per request.
    const periods = 1 + Math.ceil((Date.now() - started) / PRODUCT_OFFERING_REFRESH_MS);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(periods);
    expect(clockReads.mock.calls.length).toBeLessThanOrEqual(periods);
    reads.mockRestore();
    clockReads.mockRestore();
  });

  /** Resolves when the cache has heard of a catalog or clock change committed after `before` (LISTEN/NOTIFY): an event, not a sleep. */
  const changeHeard = async (before: number): Promise<void> => {
    const cache = app.get(ProductOfferingCache);
    while (cache.heardChanges() === before) await new Promise((resolve) => setImmediate(resolve));
  };

  it('no stale price after an admin price change: the first answer after the change is heard carries the new price', async () => {
    const cache = app.get(ProductOfferingCache);
    const planM = async () => (await app.inject({ method: 'GET', url: URL, headers: { 'x-bss-api-token': PARTNER_TOKEN } })).json().find((o: { id: string }) => o.id === 'PLAN_M');
    const before = await planM();
    expect(before.productOfferingPrice.map((p: { price: { value: number } }) => p.price.value)).not.toContain(7.77);
    const heard = cache.heardChanges();
    await runWithAuth({ actor: 'catalog-admin', channel: 'cli' }, () => app.get(SetPriceCommand).execute({ offeringId: 'PLAN_M', priceId: 'PRICE_PLAN_M_TMF_BENCH', amount: '7.77', retireCurrent: true }));
    await changeHeard(heard);
    // Not "eventually": the very next request.
    expect((await planM()).productOfferingPrice.map((p: { id: string; price: { value: number } }) => [p.id, p.price.value])).toEqual([['PRICE_PLAN_M_TMF_BENCH', 7.77]]);
    // A filtered or projected list is cached per query, and follows the change as well.
    const projected = await app.inject({ method: 'GET', url: `${URL}?fields=productOfferingPrice&id=PLAN_M`, headers: { 'x-bss-api-token': PARTNER_TOKEN } });
    expect(projected.json()[0].productOfferingPrice[0].price.value).toBe(7.77);
  });

  it('keeps one snapshot per tenant: a request naming another tenant neither sees nor replaces the default catalog', async () => {
    const other = await app.inject({ method: 'GET', url: URL, headers: { 'x-bss-api-token': PARTNER_TOKEN, 'x-bss-tenant': 'OTHER' } });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual([]);
    expect((await offeringIds()).length).toBeGreaterThan(0);
  });

  it('a catalog write from elsewhere (another process, same database) shows within a refresh period', async () => {
    expect(await offeringIds()).toContain('PLAN_L');
    await runWithAuth({ actor: 'catalog-admin', channel: 'cli' }, () => app.get(WindowOfferingCommand).execute({ offeringId: 'PLAN_L', validTo: new Date(Date.now() - 60_000).toISOString() }));
    expect(await eventually((ids) => !ids.includes('PLAN_L'))).not.toContain('PLAN_L');
  });

  it('a price window that opens when the simulated clock moves shows within a refresh period', async () => {
    const clock = app.get(Clock);
    const opensAt = new Date((await clock.now()).getTime() + 10 * 86_400_000);
    await runWithAuth({ actor: 'catalog-admin', channel: 'cli' }, () => app.get(WindowOfferingCommand).execute({ offeringId: 'PLAN_L', validFrom: opensAt.toISOString() }));
    expect(await eventually((ids) => !ids.includes('PLAN_L'))).not.toContain('PLAN_L');
    await clock.advance('11d');
    expect(await eventually((ids) => ids.includes('PLAN_L'))).toContain('PLAN_L');
    await clock.reset();
  });
});
