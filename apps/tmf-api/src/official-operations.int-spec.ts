import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from './app.module';
import { NOT_SERVED_OPERATIONS } from './not-served/not-served.controllers';
import { NOT_SERVED } from './testing/not-served';
import { TMF_APIS } from './tmf/official-contract';
import { OFFICIAL_SWAGGERS, officialSwagger, type TmfApiName } from './testing/official-schemas';

const PARTNER_TOKEN = 'o'.repeat(48);


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

  /** How the app answers the official operation: served, answered with a TMF not-served error, or not routed at all. */
  async function answer(basePath: string, method: string, path: string): Promise<'served' | 'not-served' | 'not-routed'> {
    // Ids are malformed on purpose and bodies empty: nothing is written.
    const url = `${basePath.replace(/\/$/, '')}${path.replace(/\{\w+\}/g, 'no-such-id')}`;
    const res = await app.inject({ method: method.toUpperCase() as 'GET', url, headers: { 'x-bss-api-token': PARTNER_TOKEN }, ...(method === 'get' || method === 'delete' ? {} : { payload: {} }) });
    expect(res.statusCode).toBeLessThan(res.statusCode === 501 ? 502 : 500);
    const body = res.json();
    if (res.statusCode === 404 && /^Cannot /.test(body.message ?? '')) return 'not-routed';
    if ((res.statusCode === 501 || res.statusCode === 405) && /^tmf\.(not_implemented|method_not_allowed)$/.test(body.code)) {
      expect(body).toMatchObject({ '@type': 'Error', reason: expect.any(String), status: String(res.statusCode), message: expect.stringContaining('is not served: ') });
      return 'not-served';
    }
    return 'served';
  }

  it('serves every official operation except the listed ones, which answer 501/405 in the TMF error shape with the reason', async () => {
    const answers: Record<string, string[]> = { served: [], 'not-served': [], 'not-routed': [] };
    for (const api of Object.keys(OFFICIAL_SWAGGERS) as TmfApiName[]) {
      const doc = officialSwagger(api);
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) answers[await answer(doc.basePath, method, path)].push(`${api} ${method.toUpperCase()} ${path}`);
      }
    }
    expect(answers['not-routed']).toEqual([]);
    expect(answers['not-served'].sort()).toEqual([...NOT_SERVED].sort());
    expect(answers.served.length).toBe(116 - NOT_SERVED.size);
  });

  it('the app\'s not-served table and this list name the same operations', () => {
    expect(NOT_SERVED_OPERATIONS.map((o) => `${TMF_APIS[o.api].tmf} ${o.method} ${o.path}`).sort()).toEqual([...NOT_SERVED].sort());
    for (const o of NOT_SERVED_OPERATIONS) expect(o.reason.length).toBeGreaterThan(20);
  });
});
