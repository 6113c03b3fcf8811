import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { PortalAppModule } from './app.module';

const API_TOKEN = 'a'.repeat(48);
const PORTAL_TOKEN = 'p'.repeat(48);

describe('portal-self-serve perimeter and health', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = API_TOKEN;
    process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN = PORTAL_TOKEN;
    url = await createTestDatabase();
    app = await createHttpApp(PortalAppModule.forRoot({ databaseUrl: url, workers: false }), { logRequests: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('GET /health and /health/ready answer 200 without a token', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('an API route without a token is 401 AUTH_MISSING_TOKEN', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/clock' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED', context: { reason: 'AUTH_MISSING_TOKEN' } });
  });

  it('a wrong token is 401 AUTH_INVALID_TOKEN', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/clock', headers: { 'x-bss-api-token': 'z'.repeat(48) } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ context: { reason: 'AUTH_INVALID_TOKEN' } });
  });

  it('a named token is accepted', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/clock', headers: { 'x-bss-api-token': PORTAL_TOKEN } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'wall' });
  });

  it("answers with the server's own X-Request-Id, whatever the caller sent (the caller's is only a correlation id)", async () => {
    const get = (requestId?: string) =>
      app.inject({ method: 'GET', url: '/api/v1/clock', headers: { 'x-bss-api-token': PORTAL_TOKEN, ...(requestId === undefined ? {} : { 'x-request-id': requestId }) } });
    const first = await get('dup-1');
    const second = await get('dup-1');
    const impersonating = await get(String(first.headers['x-request-id']));
    const huge = await get('a'.repeat(10_240));
    const ids = [first, second, impersonating, huge].map((res) => String(res.headers['x-request-id']));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(4);
  });

  it('an unknown route is a JSON 404, not a 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-bss-api-token': API_TOKEN } });
    expect(res.statusCode).toBe(404);
  });

  it('refuses to boot with BSS_API_TOKEN=changeme, saying how to generate one', async () => {
    process.env.BSS_API_TOKEN = 'changeme';
    try {
      await expect(createHttpApp(PortalAppModule.forRoot({ databaseUrl: url, workers: false }), { logRequests: false })).rejects.toThrow(
        /changeme.*openssl rand -hex 32/,
      );
    } finally {
      process.env.BSS_API_TOKEN = API_TOKEN;
    }
  });
});
