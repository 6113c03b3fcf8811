import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase } from '@bss/testing';
import type { HubApi } from '@bss/tmf';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from './app.module';
import { officialOpenApi, TMF_APIS } from './tmf/official-contract';
import { NOT_SERVED } from './testing/not-served';
import { conformanceProblems } from './testing/openapi-conformance';

describe('tmf-api OpenAPI documents conform to the official TMF swaggers', () => {
  let app: NestFastifyApplication;
  const problems = new Map<string, string[]>();
  let operations = 0;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = 'd'.repeat(48);
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it.each(Object.entries(TMF_APIS))('%s: <basePath>/api-docs is an OAS3 JSON document, public, generated from the routes', async (api, { basePath, tmf }) => {
    const res = await app.inject({ method: 'GET', url: `${basePath}/api-docs` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const ours = res.json();
    expect(ours.openapi).toMatch(/^3\./);
    expect(ours.servers).toEqual([{ url: basePath }]);
    // The code's own additions are in it too: the hub list, and the docs route is not.
    expect(Object.keys(ours.paths)).toContain('/hub');
    expect(Object.keys(ours.paths)).not.toContain('/api-docs');

    const official = await officialOpenApi(api as HubApi);
    for (const item of Object.values(official.paths)) operations += Object.keys(item).length;
    for (const [operation, found] of conformanceProblems(official as never, ours)) problems.set(`${tmf} ${operation}`, found);
  });

  it('nothing of an official operation we serve is missing or changed; the ones not served are exactly the listed ones', () => {
    expect(operations).toBe(116);
    const served = [...problems].filter(([operation]) => !NOT_SERVED.has(operation));
    expect(Object.fromEntries(served)).toEqual({});
    // Not served is never silently skipped: each listed operation shows up as non-conforming, by name.
    expect([...problems.keys()].sort()).toEqual([...NOT_SERVED].sort());
  });
});
