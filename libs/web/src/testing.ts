import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, Database, JobQueue } from '@bss/platform';
import { createHttpApp } from '#web/http/bootstrap-http-app';

export * from '#web/testing/chromium';

export interface RegisteredRoute {
  method: string | string[];
  url: string;
}

/** A browser app booted for Fastify inject tests and browser specs, over its own migrated + seeded database. */
export interface HttpTestApp {
  app: NestFastifyApplication;
  url: string;
  db: Database;
  clock: Clock;
  jobs: JobQueue;
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * Boots an app module (its `forRoot({ databaseUrl: url, … })`) the way `npm start` does, quiet,
 * ready for `inject` and seeded. `onRoute` sees every route Fastify registers (its route table),
 * for tests that must cover all of them.
 */
export async function startHttpTestApp(module: DynamicModule, url: string, options: { onRoute?: (route: RegisteredRoute) => void } = {}): Promise<HttpTestApp> {
  const app = await createHttpApp(module, { logRequests: false });
  if (options.onRoute) app.getHttpAdapter().getInstance().addHook('onRoute', options.onRoute);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(Database);
  await db.seed();
  return {
    app,
    url,
    db,
    clock: app.get(Clock),
    jobs: app.get(JobQueue),
    get: <T>(type: abstract new (...args: never[]) => T) => app.get(type as never) as T,
    close: () => app.close(),
  };
}

export interface BrowserResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  location?: string;
}

export interface BrowserRequestOptions {
  /** Sent as an HTMX request (`HX-Request: true`). */
  hx?: boolean;
  /** A same-origin Referer path. */
  referer?: string;
}

/**
 * A cookie-keeping browser over `inject`: it keeps Set-Cookie (and drops cleared ones), and forms
 * carry the CSRF token of the last page seen (a form's hidden field or the HTMX header) like a
 * real one. Each browser is its own client address, so per-IP limits never couple tests.
 */
export class InjectBrowser {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly host: string,
    private readonly ip: string,
  ) {}

  get(url: string, options: BrowserRequestOptions = {}): Promise<BrowserResponse> {
    return this.request('GET', url, undefined, options);
  }

  /** POSTs a form; the CSRF token of the last page seen is added unless `csrf: false` (or a given token). */
  post(url: string, form: Record<string, string> = {}, options: BrowserRequestOptions & { csrf?: boolean | string } = {}): Promise<BrowserResponse> {
    const body = { ...form };
    if (options.csrf !== false) body._csrf = typeof options.csrf === 'string' ? options.csrf : this.csrf;
    return this.request('POST', url, new URLSearchParams(body).toString(), options);
  }

  private async request(method: 'GET' | 'POST', url: string, payload: string | undefined, options: BrowserRequestOptions): Promise<BrowserResponse> {
    const headers: Record<string, string> = { host: this.host, 'user-agent': 'inject-test' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (options.hx) headers['hx-request'] = 'true';
    if (options.referer) headers.referer = `http://${this.host}${options.referer}`;
    const res = await this.app.inject({ method, url, headers, payload, remoteAddress: this.ip });
    const setCookie = res.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0/.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body) ?? /"X-CSRF-Token":"([^"]+)"/.exec(res.body.replace(/&quot;/g, '"'));
    if (token) this.csrf = token[1];
    return { status: res.statusCode, headers: res.headers, body: res.body, location: res.headers.location as string | undefined };
  }
}

/**
 * A test app for a real browser: booted with plain cookie names (Chromium drops `__Host-`/Secure
 * cookies over plain http), listening on a free loopback port; returns it and its base URL.
 */
export async function serveToBrowser<T extends { app: NestFastifyApplication }>(create: () => Promise<T>): Promise<{ t: T; base: string }> {
  process.env.BSS_PORTAL_DEV_INSECURE_COOKIE = '1';
  let t: T;
  try {
    t = await create();
  } finally {
    delete process.env.BSS_PORTAL_DEV_INSECURE_COOKIE;
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the test app is not listening on a TCP port');
  return { t, base: `http://127.0.0.1:${address.port}` };
}

/**
 * `next` values (as a form or a decoded query carries them) that try to send a visitor off the
 * site after sign-in; each app's gate spec signs in with every one and must land on its own page.
 */
export const OPEN_REDIRECT_ATTEMPTS = [
  '//evil.com',
  'https://evil.com',
  '/\\evil.com',
  '/\t/evil.com',
  '/\r\nLocation: https://evil.com',
  '%2F%2Fevil.com',
  '%252F%252Fevil.com',
  'https%3A%2F%2Fevil.com',
  '%2F%5Cevil.com',
] as const;
