import { EmailQueries } from '@bss/notifications';
import { createTestDatabase } from '@bss/testing';
import { InjectBrowser, startHttpTestApp, type BrowserResponse, type HttpTestApp, type RegisteredRoute } from '@bss/web/testing';
import { PortalAppModule } from '#portal-self-serve/app.module';

export const TEST_API_TOKEN = 'a'.repeat(48);
export const TEST_PORTAL_TOKEN = 'p'.repeat(48);

export type PortalTestApp = HttpTestApp;

export type { BrowserResponse, RegisteredRoute } from '@bss/web/testing';

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
  return startHttpTestApp(PortalAppModule.forRoot({ databaseUrl: url, workers: options.workers ?? false }), url, options);
}

let browsers = 0;

/** The inject browser at portal.test, with a customer's login and step-up. */
export class TestBrowser extends InjectBrowser {
  constructor(
    private readonly t: PortalTestApp,
    ip = `203.0.${Math.floor(Math.random() * 250)}.${++browsers % 250}`,
  ) {
    super(t.app, 'portal.test', ip);
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
