import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from './app.module';
import { OFFICIAL_SWAGGERS, officialSwagger, type TmfApiName } from './testing/official-schemas';

const PARTNER_TOKEN = 'o'.repeat(48);

/**
 * Official operations not served yet, exactly. The test fails when one of them starts being
 * served (remove it here) and when a served one disappears (a regression).
 */
const NOT_SERVED = new Set([
  'tmf620 POST /catalog', 'tmf620 PATCH /catalog/{id}', 'tmf620 DELETE /catalog/{id}',
  'tmf620 POST /category', 'tmf620 PATCH /category/{id}', 'tmf620 DELETE /category/{id}',
  'tmf620 POST /productOffering', 'tmf620 PATCH /productOffering/{id}', 'tmf620 DELETE /productOffering/{id}',
  'tmf620 POST /productOfferingPrice', 'tmf620 GET /productOfferingPrice', 'tmf620 PATCH /productOfferingPrice/{id}', 'tmf620 DELETE /productOfferingPrice/{id}',
  'tmf620 POST /productSpecification', 'tmf620 PATCH /productSpecification/{id}', 'tmf620 DELETE /productSpecification/{id}',
  'tmf620 POST /importJob', 'tmf620 GET /importJob', 'tmf620 GET /importJob/{id}', 'tmf620 DELETE /importJob/{id}',
  'tmf620 POST /exportJob', 'tmf620 GET /exportJob', 'tmf620 GET /exportJob/{id}', 'tmf620 DELETE /exportJob/{id}',
  'tmf632 GET /organization', 'tmf632 POST /organization', 'tmf632 GET /organization/{id}', 'tmf632 PATCH /organization/{id}', 'tmf632 DELETE /organization/{id}',
  'tmf632 POST /listener/organizationCreateEvent', 'tmf632 POST /listener/organizationAttributeValueChangeEvent', 'tmf632 POST /listener/organizationStateChangeEvent',
  'tmf632 POST /listener/organizationDeleteEvent', 'tmf632 POST /listener/individualCreateEvent', 'tmf632 POST /listener/individualAttributeValueChangeEvent',
  'tmf632 POST /listener/individualStateChangeEvent', 'tmf632 POST /listener/individualDeleteEvent',
  'tmf641 POST /serviceOrder', 'tmf641 PATCH /serviceOrder/{id}', 'tmf641 DELETE /serviceOrder/{id}', 'tmf641 PUT /hub/{hubId}',
  'tmf654 GET /accumulatedbalance', 'tmf654 GET /accumulatedbalance/{productId}', 'tmf654 GET /balanceActivity', 'tmf654 GET /product/{productId}/balanceActivity',
  'tmf654 GET /balanceTopup/{topupId}/status', 'tmf654 PUT /balanceTopup/{topupId}/status',
  'tmf654 GET /product/{productId}/balanceTopup/{topupId}/status', 'tmf654 PUT /product/{productId}/balanceTopup/{topupId}/status',
  'tmf654 POST /balanceTransfer', 'tmf654 GET /balanceTransfer', 'tmf654 POST /{productId}/balanceTransfer', 'tmf654 GET /product/{productId}/balanceTransfer',
  'tmf654 GET /balanceTransfer/{transferId}', 'tmf654 GET /balanceTransfer/{transferId}/status', 'tmf654 PUT /balanceTransfer/{transferId}/status',
  'tmf654 POST /balanceAdjustment', 'tmf654 GET /balanceAdjustment', 'tmf654 POST /product/{productId}/balanceAdjustment', 'tmf654 GET /product/{productId}/balanceAdjustment',
  'tmf654 GET /balanceAdjustment/{adjustmentId}', 'tmf654 GET /product/{productId}/balanceAdjustment/{adjustmentId}',
  'tmf654 POST /balanceReserve', 'tmf654 POST /balanceUnreserve', 'tmf654 POST /balanceDeduct', 'tmf654 POST /client/listener',
  'tmf677 DELETE /usageConsumptionReport/{id}', 'tmf677 GET /usageConsumptionReportRequest', 'tmf677 POST /usageConsumptionReportRequest',
  'tmf677 GET /usageConsumptionReportRequest/{id}', 'tmf677 DELETE /usageConsumptionReportRequest/{id}', 'tmf677 POST /listener/usageConsumptionReportRequestStateChangeNotification',
]);

describe('tmf-api serves the operations of the official TMF documents', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  /** Routed = not the router's own "Cannot GET …" 404. Ids are malformed on purpose: nothing is written. */
  async function isRouted(basePath: string, method: string, path: string): Promise<boolean> {
    const url = `${basePath.replace(/\/$/, '')}${path.replace(/\{\w+\}/g, 'no-such-id')}`;
    const res = await app.inject({ method: method.toUpperCase() as 'GET', url, headers: { 'x-bss-api-token': PARTNER_TOKEN }, ...(method === 'get' || method === 'delete' ? {} : { payload: {} }) });
    expect(res.statusCode).toBeLessThan(500);
    return !(res.statusCode === 404 && /^Cannot /.test(res.json().message ?? ''));
  }

  it('serves every official operation except the listed ones, under each document’s basePath', async () => {
    const served: string[] = [];
    const missing: string[] = [];
    for (const api of Object.keys(OFFICIAL_SWAGGERS) as TmfApiName[]) {
      const doc = officialSwagger(api);
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) {
          const key = `${api} ${method.toUpperCase()} ${path}`;
          ((await isRouted(doc.basePath, method, path)) ? served : missing).push(key);
        }
      }
    }
    expect(missing.filter((op) => !NOT_SERVED.has(op))).toEqual([]);
    expect(served.filter((op) => NOT_SERVED.has(op))).toEqual([]);
    expect(served.length).toBeGreaterThanOrEqual(30);
  });
});
