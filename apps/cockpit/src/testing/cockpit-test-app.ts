import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AddOperatorCommand, type OperatorRole, type OperatorView } from '@bss/identity';
import { EmailQueries } from '@bss/notifications';
import { runWithAuth } from '@bss/policies';
import { createTestDatabase, type TestApp } from '@bss/testing';
import { InjectBrowser, startHttpTestApp, type RegisteredRoute } from '@bss/web/testing';
import { CockpitAppModule } from '#cockpit/app.module';

export const TEST_API_TOKEN = 'a'.repeat(48);

export interface CockpitTestApp extends TestApp {
  app: NestFastifyApplication;
}

export type { BrowserResponse, RegisteredRoute } from '@bss/web/testing';

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
  const t = await startHttpTestApp(CockpitAppModule.forRoot({ databaseUrl: url, workers: options.workers ?? false }), url, options);
  return { ...t, context: t.app };
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

let browsers = 0;

/** The inject browser at cockpit.test, with an operator's sign-in. */
export class TestBrowser extends InjectBrowser {
  constructor(
    private readonly t: CockpitTestApp,
    ip = `198.51.${Math.floor(Math.random() * 250)}.${++browsers % 250}`,
  ) {
    super(t.app, 'cockpit.test', ip);
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
