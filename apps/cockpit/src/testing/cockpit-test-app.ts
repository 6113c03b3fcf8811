import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AddOperatorCommand, type OperatorRole, type OperatorView } from '@bss/identity';
import { EmailQueries } from '@bss/notifications';
import { Clock, Database, JobQueue } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestDatabase, type TestApp } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { CockpitAppModule } from '#cockpit/app.module';

export const TEST_API_TOKEN = 'a'.repeat(48);

export interface CockpitTestApp extends TestApp {
  app: NestFastifyApplication;
}

export interface RegisteredRoute {
  method: string | string[];
  url: string;
}

/**
 * The whole cockpit over a fresh migrated + seeded database, for Fastify inject tests and the
 * browser specs. It is also a `TestApp`, so the contexts' factories (`createTestLine`, …) work on
 * it. `onRoute` sees every route Fastify registers, for tests that must cover all of them.
 */
export async function createCockpitTestApp(options: { workers?: boolean; onRoute?: (route: RegisteredRoute) => void } = {}): Promise<CockpitTestApp> {
  process.env.BSS_API_TOKEN = TEST_API_TOKEN;
  process.env.BSS_PORTAL_TOKEN_PEPPER ??= 'cockpit-test-pepper-'.padEnd(48, 'z');
  process.env.BSS_PROVISIONING_DELAY_SCALE ??= '0';
  const url = await createTestDatabase();
  const app = await createHttpApp(CockpitAppModule.forRoot({ databaseUrl: url, workers: options.workers ?? false }), { logRequests: false });
  if (options.onRoute) app.getHttpAdapter().getInstance().addHook('onRoute', options.onRoute);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(Database);
  await db.seed();
  return {
    app,
    context: app,
    url,
    db,
    clock: app.get(Clock),
    jobs: app.get(JobQueue),
    get: <T>(type: abstract new (...args: never[]) => T) => app.get(type as never) as T,
    close: () => app.close(),
  };
}

/** An operator record, made the way `bss operator add` makes one. */
export function addOperator(t: CockpitTestApp, email: string, role: OperatorRole = 'agent'): Promise<OperatorView> {
  return runWithAuth({ actor: 'test', channel: 'cli' }, () => t.get(AddOperatorCommand).execute({ email, name: `Operator ${email.split('@')[0]}`, role }));
}

export async function lastCode(t: CockpitTestApp, to: string, kind = 'cockpit.login'): Promise<string> {
  const [mail] = await t.get(EmailQueries).list({ to, kind, limit: 1 });
  if (!mail) throw new Error(`no ${kind} mail to ${to}`);
  return /(\d{6})/.exec(mail.subject)![1];
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
    private readonly t: CockpitTestApp,
    // Each browser is its own client address, so per-IP login limits never couple tests.
    private readonly ip = `198.51.${Math.floor(Math.random() * 250)}.${++browsers % 250}`,
  ) {}

  get(url: string): Promise<BrowserResponse> {
    return this.request('GET', url, undefined);
  }

  /** POSTs a form; the CSRF token of the last page seen is added unless `csrf: false`. */
  post(url: string, form: Record<string, string> = {}, options: { csrf?: boolean } = {}): Promise<BrowserResponse> {
    const body = { ...form };
    if (options.csrf !== false) body._csrf = this.csrf;
    return this.request('POST', url, new URLSearchParams(body).toString());
  }

  private async request(method: 'GET' | 'POST', url: string, payload: string | undefined): Promise<BrowserResponse> {
    const headers: Record<string, string> = { host: 'cockpit.test', 'user-agent': 'inject-test' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await this.t.app.inject({ method, url, headers, payload, remoteAddress: this.ip });
    const setCookie = res.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0/.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token) this.csrf = token[1];
    return { status: res.statusCode, headers: res.headers, body: res.body, location: res.headers.location as string | undefined };
  }

  /** Email → code → session, as an operator would. */
  async signIn(email: string): Promise<void> {
    await this.get('/auth/login');
    const start = await this.post('/auth/login', { email, next: '/' });
    if (start.status !== 303) throw new Error(`login start ${start.status}`);
    const done = await this.post('/auth/check-email', { email, code: await lastCode(this.t, email), next: '/' });
    if (done.status !== 303) throw new Error(`login verify ${done.status}: ${done.body.slice(0, 300)}`);
    await this.get('/');
  }
}

/** The flash text a 303 carries (`?err=` or `?flash=`). */
export function flashOf(location: string | undefined): { err: string | null; flash: string | null } {
  const params = new URL(location ?? '/', 'http://cockpit.test').searchParams;
  return { err: params.get('err'), flash: params.get('flash') };
}
