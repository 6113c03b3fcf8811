import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmailQueries } from '@bss/notifications';
import { Clock, Database, JobQueue } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { PortalAppModule } from '#portal-self-serve/app.module';

export const TEST_API_TOKEN = 'a'.repeat(48);
export const TEST_PORTAL_TOKEN = 'p'.repeat(48);

export interface PortalTestApp {
  app: NestFastifyApplication;
  url: string;
  db: Database;
  clock: Clock;
  jobs: JobQueue;
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

export interface RegisteredRoute {
  method: string | string[];
  url: string;
}

/**
 * The whole portal over a fresh migrated + seeded database, for Fastify inject tests. `onRoute`
 * sees every route Fastify registers (its route table), for tests that must cover all of them.
 */
export async function createPortalTestApp(options: { workers?: boolean; onRoute?: (route: RegisteredRoute) => void } = {}): Promise<PortalTestApp> {
  process.env.BSS_API_TOKEN = TEST_API_TOKEN;
  process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN = TEST_PORTAL_TOKEN;
  process.env.BSS_PORTAL_TOKEN_PEPPER ??= 'portal-test-pepper-'.padEnd(48, 'z');
  process.env.BSS_PROVISIONING_DELAY_SCALE ??= '0';
  const url = await createTestDatabase();
  const app = await createHttpApp(PortalAppModule.forRoot({ databaseUrl: url, workers: options.workers ?? false }), { logRequests: false });
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

let browsers = 0;

/** A cookie-keeping browser over `inject`: forms carry the page's CSRF token like a real one. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly t: PortalTestApp,
    // Each browser is its own client address, so per-IP login limits never couple tests.
    private readonly ip = `203.0.${Math.floor(Math.random() * 250)}.${++browsers % 250}`,
  ) {}

  async get(url: string, options: { hx?: boolean } = {}): Promise<BrowserResponse> {
    return this.request('GET', url, undefined, options);
  }

  /** POSTs a form; the CSRF token of the last page seen is added unless `csrf: false`. */
  async post(url: string, form: Record<string, string> = {}, options: { hx?: boolean; csrf?: boolean | string; referer?: string } = {}): Promise<BrowserResponse> {
    const body = { ...form };
    if (options.csrf !== false) body._csrf = typeof options.csrf === 'string' ? options.csrf : this.csrf;
    return this.request('POST', url, new URLSearchParams(body).toString(), options);
  }

  private async request(method: 'GET' | 'POST', url: string, payload: string | undefined, options: { hx?: boolean; referer?: string }): Promise<BrowserResponse> {
    const headers: Record<string, string> = { host: 'portal.test', 'user-agent': 'inject-test' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (options.hx) headers['hx-request'] = 'true';
    if (options.referer) headers.referer = `http://portal.test${options.referer}`;
    const res = await this.t.app.inject({ method, url, headers, payload, remoteAddress: this.ip });
    const setCookie = res.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body) ?? /"X-CSRF-Token":"([^"]+)"/.exec(res.body.replace(/&quot;/g, '"'));
    if (token) this.csrf = token[1];
    return { status: res.statusCode, headers: res.headers, body: res.body, location: res.headers.location as string | undefined };
  }

  /** Email → code → session, as a person would. */
  async login(email: string): Promise<void> {
    await this.get('/auth/login');
    const start = await this.post('/auth/login', { email, next: '/' });
    if (start.status !== 303) throw new Error(`login start ${start.status}`);
    const code = await lastCode(this.t, email, 'portal.login');
    const done = await this.post('/auth/check-email', { email, code, next: '/' });
    if (done.status !== 303) throw new Error(`login verify ${done.status}`);
    await this.get('/');
  }

  /** Completes a step-up the way the page does: email a code, enter it; returns the final response. */
  async stepUp(location: string, email: string): Promise<BrowserResponse> {
    const page = await this.get(location);
    const params = new URL(location, 'http://portal.test').searchParams;
    const action = params.get('action') ?? '';
    const next = params.get('next') ?? '/';
    if (page.status !== 200) throw new Error(`step-up page ${page.status}`);
    const started = await this.post('/auth/step-up/start', { action, next });
    if (started.status !== 303) throw new Error(`step-up start ${started.status}`);
    const code = await lastCode(this.t, email, 'portal.step_up');
    return this.post('/auth/step-up', { action, next, code });
  }
}

export async function lastCode(t: PortalTestApp, to: string, kind: string): Promise<string> {
  const [mail] = await t.get(EmailQueries).list({ to, kind, limit: 1 });
  if (!mail) throw new Error(`no ${kind} mail to ${to}`);
  return /(\d{6})/.exec(mail.subject)![1];
}

/** Submits the replay page's hidden form as the browser's script would. */
export async function followReplay(browser: TestBrowser, replay: BrowserResponse): Promise<BrowserResponse> {
  const action = /<form id="step-up-replay" method="post" action="([^"]+)"/.exec(replay.body)?.[1];
  if (!action) throw new Error('not a replay page');
  const fields: Record<string, string> = {};
  for (const m of replay.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]] = m[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return browser.post(action.replace(/&amp;/g, '&'), fields, { csrf: fields._csrf });
}
