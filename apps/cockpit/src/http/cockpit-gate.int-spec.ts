import { DisableOperatorCommand, StartLoginCommand, VerifyLoginCommand } from '@bss/identity';
import { runWithAuth } from '@bss/policies';
import { OPEN_REDIRECT_ATTEMPTS } from '@bss/web/testing';
import { addOperator, createCockpitTestApp, lastCode, TestBrowser, type CockpitTestApp, type RegisteredRoute } from '#cockpit/testing/cockpit-test-app';

/** Routes outside the operator gate: sign-in, health, static assets, and the machine API (token perimeter). */
const UNGATED = [/^\/auth\//, /^\/health/, /^\/static\//, /^\/api\//];

describe('cockpit gate: sign-in and CSRF on every route', () => {
  let t: CockpitTestApp;
  const routes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    t = await createCockpitTestApp({
      onRoute: (route: RegisteredRoute) => {
        for (const method of [route.method].flat()) if (method === 'GET' || method === 'POST') routes.push({ method, url: route.url });
      },
    });
    await addOperator(t, 'ada@ops.test', 'admin');
  });

  afterAll(() => t.close());

  const concrete = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? 'CUST-00000000' : `X-${name}`));

  it('a request without a session reaches no handler: every gated route answers 303 to the sign-in page', async () => {
    const gated = routes.filter((r) => !UNGATED.some((re) => re.test(r.url)));
    expect(gated.length).toBeGreaterThan(25);
    const anonymous = new TestBrowser(t);
    for (const route of gated) {
      const url = concrete(route.url);
      const res = route.method === 'GET' ? await anonymous.get(url) : await anonymous.post(url, { confirm: 'yes' });
      expect({ route: `${route.method} ${route.url}`, status: res.status, to: res.location?.split('?')[0] }).toEqual({ route: `${route.method} ${route.url}`, status: 303, to: '/auth/login' });
    }
  });

  it('every POST without the CSRF token is refused (403) before its handler, even when signed in', async () => {
    const browser = new TestBrowser(t);
    await browser.signIn('ada@ops.test');
    const posts = routes.filter((r) => r.method === 'POST' && !UNGATED.some((re) => re.test(r.url)));
    expect(posts.length).toBeGreaterThan(15);
    for (const route of posts) {
      const res = await browser.post(concrete(route.url), { confirm: 'yes' }, { csrf: false });
      expect({ route: route.url, status: res.status }).toEqual({ route: route.url, status: 403 });
      expect(res.body).toContain('CSRF check failed');
    }
  });

  it('an active operator signs in by emailed code through /auth/login → /auth/check-email, and lands on the page asked for', async () => {
    const browser = new TestBrowser(t);
    const first = await browser.get('/customers?q=ada');
    expect(first.location).toBe('/auth/login?next=%2Fcustomers%3Fq%3Dada');
    await browser.get(first.location!);
    const start = await browser.post('/auth/login', { email: ' ADA@ops.test', next: '/customers?q=ada' });
    expect(start.location).toMatch(/^\/auth\/check-email\?email=ada%40ops.test/);
    const wrong = await browser.post('/auth/check-email', { email: 'ada@ops.test', code: '000000', next: '/customers?q=ada' });
    expect(wrong.status).toBe(400);
    const done = await browser.post('/auth/check-email', { email: 'ada@ops.test', code: await lastCode(t, 'ada@ops.test'), next: '/customers?q=ada' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/customers?q=ada');
    expect([...browser.cookies.keys()]).toContain('__Host-bss_cockpit_session');
    const page = await browser.get('/customers?q=ada');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Operator ada');
  });

  let signIns = 0;
  it.each(OPEN_REDIRECT_ATTEMPTS)('signing in with next %j lands on / (no open redirect)', async (next) => {
    const email = `next${++signIns}@ops.test`;
    await addOperator(t, email);
    const browser = new TestBrowser(t);
    const form = await browser.get(`/auth/login?next=${encodeURIComponent(next)}`);
    expect(form.body).toContain('name="next" value="/"');
    const start = await browser.post('/auth/login', { email, next });
    expect(new URL(start.location!, 'http://cockpit.test').searchParams.get('next')).toBe('/');
    const done = await browser.post('/auth/check-email', { email, code: await lastCode(t, email), next });
    expect(done.location).toBe('/');
  });

  it.each(['//evil.com', '/\\evil.com'])('a signed-out write sent from Referer path %j is asked to sign in and come back to /', async (referer) => {
    const res = await new TestBrowser(t).post('/customers/CUST-00000000/case', {}, { referer });
    expect(res.location).toBe('/auth/login?next=%2F');
  });

  it('someone who is not an operator sees the same page but gets no code; a portal code or session never opens the cockpit', async () => {
    const stranger = new TestBrowser(t);
    await stranger.get('/auth/login');
    const start = await stranger.post('/auth/login', { email: 'eve@example.com', next: '/' });
    expect(start.location).toMatch(/^\/auth\/check-email/);
    await expect(lastCode(t, 'eve@example.com')).rejects.toThrow(/no cockpit.login mail/);

    // A portal code for the operator's own address: a portal session, which the cockpit ignores.
    await runWithAuth({ actor: 'test', channel: 'portal-self-serve' }, () => t.get(StartLoginCommand).execute({ email: 'ada@ops.test' }));
    const code = await lastCode(t, 'ada@ops.test', 'portal.login');
    const cockpitTry = await stranger.post('/auth/check-email', { email: 'ada@ops.test', code, next: '/' });
    expect(cockpitTry.status).toBe(400);
    const portal = await runWithAuth({ actor: 'test', channel: 'portal-self-serve' }, () => t.get(VerifyLoginCommand).execute({ email: 'ada@ops.test', code }));
    if (portal.status !== 'ok') throw new Error('portal login failed');
    stranger.cookies.set('__Host-bss_cockpit_session', portal.sessionToken);
    expect((await stranger.get('/customers')).location).toMatch(/^\/auth\/login/);
  });

  it('disabling an operator ends their open sessions on the next request', async () => {
    const bob = await addOperator(t, 'bob@ops.test');
    const browser = new TestBrowser(t);
    await browser.signIn('bob@ops.test');
    expect((await browser.get('/cases')).status).toBe(200);
    await runWithAuth({ actor: 'test', channel: 'cli' }, () => t.get(DisableOperatorCommand).execute({ operatorId: bob.id }));
    expect((await browser.get('/cases')).location).toMatch(/^\/auth\/login/);
  });

  it('sign-out revokes the session server-side', async () => {
    await addOperator(t, 'cyd@ops.test');
    const browser = new TestBrowser(t);
    await browser.signIn('cyd@ops.test');
    const token = browser.cookies.get('__Host-bss_cockpit_session')!;
    await browser.post('/auth/logout');
    browser.cookies.set('__Host-bss_cockpit_session', token);
    expect((await browser.get('/')).location).toMatch(/^\/auth\/login/);
  });
});

describe('cockpit gate: BSS_COCKPIT_AUTH=none (trusted perimeter)', () => {
  let t: CockpitTestApp;

  beforeAll(async () => {
    process.env.BSS_COCKPIT_AUTH = 'none';
    try {
      t = await createCockpitTestApp();
    } finally {
      delete process.env.BSS_COCKPIT_AUTH;
    }
  });

  afterAll(() => t.close());

  it('needs no sign-in, shows the loud banner on every page, and still checks CSRF and confirm', async () => {
    const browser = new TestBrowser(t);
    const page = await browser.get('/customers');
    expect(page.status).toBe(200);
    expect(page.body).toContain('TRUSTED-PERIMETER MODE');
    expect((await browser.post('/customers/CUST-00000000/close', { confirm: 'yes' }, { csrf: false })).status).toBe(403);
    const refused = await browser.post('/customers/CUST-00000000/close');
    expect(refused.location).toMatch(/^\/customers\/CUST-00000000\?err=This\+action\+needs\+the\+expanded\+confirm\+step/);
  });
});
