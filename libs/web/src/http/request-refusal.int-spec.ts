import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformModule } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from './bootstrap-http-app';

@Controller('echo')
class EchoController {
  @Post()
  echo(@Body() body: unknown): { received: boolean } {
    return { received: body !== undefined };
  }
}

/**
 * Requests Fastify refuses before any route runs are the client's mistake: every app built with
 * createHttpApp answers them with their 4xx (a body over the limit is 413), never a 500.
 */
describe('createHttpApp: refused requests keep their 4xx', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN ??= 'a'.repeat(48);
    const databaseUrl = await createTestDatabase();
    @Module({ imports: [PlatformModule.forRoot({ databaseUrl, applicationName: 'bss-web-test', workers: false, migrate: false })], controllers: [EchoController] })
    class EchoModule {}
    app = await createHttpApp(EchoModule, { logRequests: false });
    // As a webhook's raw-body capture does: its own limit, refused from a hook before any route.
    app.getHttpAdapter().getInstance().addHook('preParsing', async (request, _reply, payload) => {
      if (request.headers['x-limit'] === 'tiny') throw Object.assign(new Error('Request body is too large'), { statusCode: 413 });
      return payload;
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const post = (payload: string, contentType: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/echo', payload, headers: { 'content-type': contentType, ...headers } });

  it('a body over 256 KB is 413', async () => {
    for (const contentType of ['application/json', 'text/plain']) {
      expect((await post('x'.repeat(300 * 1024), contentType)).statusCode).toBe(413);
    }
  });

  it('a body a hook refuses as too large is 413 too, with the one error shape', async () => {
    for (const contentType of ['application/json', 'multipart/form-data; boundary=xyz', 'garbage/??']) {
      const res = await post('a=1', contentType, { 'x-limit': 'tiny' });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', message: 'Request body is too large' });
    }
  });

  it('malformed JSON is 400 and an unknown content type 415', async () => {
    expect((await post('{"a":', 'application/json')).statusCode).toBe(400);
    expect((await post('<a/>', 'application/xml')).statusCode).toBe(415);
  });

  it('a body within the limit reaches the route', async () => {
    const res = await post(JSON.stringify({ a: 'x' }), 'application/json');
    expect(res.statusCode).toBe(201);
  });
});
