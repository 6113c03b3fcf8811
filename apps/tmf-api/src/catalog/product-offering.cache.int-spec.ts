import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CatalogQueries, WindowOfferingCommand } from '@bss/catalog';
import { Clock, Database } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { PRODUCT_OFFERING_REFRESH_MS } from './product-offering.cache';

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
