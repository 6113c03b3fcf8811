import { IdentityQueries } from '@bss/identity';
import { OPEN_REDIRECT_ATTEMPTS } from '@bss/web/testing';
import { EmailQueries } from '@bss/notifications';
import { createPortalTestApp, lastCode, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

const SESSION = '__Host-bss_portal_session';

describe('auth routes', () => {
  let t: PortalTestApp;
  beforeAll(async () => {
    t = await createPortalTestApp();
  });
  afterAll(() => t.close());

  it('GET /auth/login renders the form and sets the CSRF cookie', async () => {
    const b = new TestBrowser(t);
    const res = await b.get('/auth/login?next=/billing/history');
    expect(res.status).toBe(200);
    expect(res.body).toContain('name="next" value="/billing/history"');
    expect(b.cookies.has('__Host-bss_portal_csrf')).toBe(true);
    expect(String(res.headers['set-cookie'])).toMatch(/__Host-bss_portal_csrf=.*Path=\/; HttpOnly; SameSite=Lax; Secure/);
  });

  it('POST /auth/login lower-cases and trims the email, keeps +, and 303s to check-email', async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    const res = await b.post('/auth/login', { email: ' Ada+x@Example.SG', next: '/' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/auth/check-email?email=ada%2Bx%40example.sg&next=%2F');
    const page = await b.get(res.location!);
    expect(page.body).toContain('a***@example.sg');
  });

  it('POST /auth/login with a malformed email is 400 and sends nothing', async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    const res = await b.post('/auth/login', { email: 'not an email' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('valid email');
  });

  it('a POST without (or with a forged) CSRF token is refused with 403 and does nothing', async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    const none = await b.post('/auth/login', { email: 'csrf@example.sg' }, { csrf: false });
    expect(none.status).toBe(403);
    const forged = await b.post('/auth/login', { email: 'csrf@example.sg' }, { csrf: 'A'.repeat(43) });
    expect(forged.status).toBe(403);
    expect(await t.get(EmailQueries).list({ to: 'csrf@example.sg' })).toHaveLength(0);
  });

  it('the 4th login start for one email in 15 minutes is 429', async () => {
    const b = new TestBrowser(t, '198.51.100.7');
    await b.get('/auth/login');
    for (let i = 0; i < 3; i++) expect((await b.post('/auth/login', { email: 'limit@example.sg' })).status).toBe(303);
    const res = await b.post('/auth/login', { email: 'limit@example.sg' });
    expect(res.status).toBe(429);
  });

  it('the 11th login start from one IP in an hour is 429', async () => {
    const b = new TestBrowser(t, '198.51.100.99');
    await b.get('/auth/login');
    for (let i = 0; i < 10; i++) expect((await b.post('/auth/login', { email: `ip${i}@example.sg` })).status).toBe(303);
    expect((await b.post('/auth/login', { email: 'ip10@example.sg' })).status).toBe(429);
  });

  it('a wrong code is 400 with the generic message; the right one sets an HttpOnly session cookie and 303s to next', async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    await b.post('/auth/login', { email: 'bea@example.sg', next: '/plans' });
    const code = await lastCode(t, 'bea@example.sg', 'portal.login');
    const wrong = await b.post('/auth/check-email', { email: 'bea@example.sg', code: code === '000000' ? '111111' : '000000', next: '/plans' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain("That code didn't work");
    const ok = await b.post('/auth/check-email', { email: 'bea@example.sg', code, next: '/plans' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/plans');
    expect(String(ok.headers['set-cookie'])).toMatch(/__Host-bss_portal_session=[A-Za-z0-9_-]{32}; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax; Secure/);
    const home = await b.get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('No lines yet');
  });

  it('after 10 verifies for an email, even the right code is 429', async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    await b.post('/auth/login', { email: 'ten@example.sg' });
    const code = await lastCode(t, 'ten@example.sg', 'portal.login');
    for (let i = 0; i < 10; i++) await b.post('/auth/check-email', { email: 'ten@example.sg', code: code === '123456' ? '654321' : '123456' });
    expect((await b.post('/auth/check-email', { email: 'ten@example.sg', code })).status).toBe(429);
  });

  it('the magic link lands on a page that writes nothing; its POST signs in (303 next) once; a bad next becomes / (#11.3)', async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    await b.post('/auth/login', { email: 'link@example.sg', next: '//evil.com' });
    const [mail] = await t.get(EmailQueries).list({ to: 'link@example.sg', limit: 1 });
    const link = /(\/auth\/verify\?\S+)/.exec(mail.body)![1];
    expect(link).not.toContain('evil');
    const unspent = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from portal_auth.login_token t join portal_auth.identity i on i.id = t.identity_id where i.email = 'link@example.sg' and t.consumed_at is null`))[0].n;
    const sessions = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from portal_auth.session s join portal_auth.identity i on i.id = s.identity_id where i.email = 'link@example.sg'`))[0].n;
    // A mail scanner or link preview fetching the link twice spends nothing and opens no session.
    const landing = await new TestBrowser(t).get(link);
    const page = await b.get(link);
    expect(landing.status).toBe(200);
    expect(page.status).toBe(200);
    expect(page.body).toContain('action="/auth/verify"');
    expect(page.body).toContain('l***@example.sg');
    expect(await unspent()).toBe(2);
    expect(await sessions()).toBe(0);
    const form = Object.fromEntries([...page.body.matchAll(/<input type="hidden" name="(email|token|next)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const ok = await b.post('/auth/verify', form);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/');
    expect(await sessions()).toBe(1);
    expect(await unspent()).toBe(0);
    const other = new TestBrowser(t);
    await other.get(link);
    const again = await other.post('/auth/verify', form);
    expect(again.status).toBe(303);
    expect(again.location).toMatch(/^\/auth\/login\?next=%2F&err=login.link_invalid/);
  });

  it('the magic link POST needs the CSRF token of its page', async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    await b.post('/auth/login', { email: 'link2@example.sg' });
    const [mail] = await t.get(EmailQueries).list({ to: 'link2@example.sg', limit: 1 });
    const token = /token=([A-Za-z0-9_-]{32})/.exec(mail.body)![1];
    expect((await new TestBrowser(t).post('/auth/verify', { email: 'link2@example.sg', token, next: '/' }, { csrf: false })).status).toBe(403);
  });

  it('a spoofed X-Forwarded-For does not reset the per-IP login limit (#16.3)', async () => {
    const b = new TestBrowser(t, '198.51.100.150');
    await b.get('/auth/login');
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const start = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: '198.51.100.150',
        headers: { host: 'portal.test', cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i}` },
        payload: new URLSearchParams({ email: `xff${i}@example.sg`, _csrf: b.csrf }).toString(),
      });
    for (let i = 0; i < 10; i++) expect((await start(i)).statusCode).toBe(303);
    expect((await start(10)).statusCode).toBe(429);
    const ips = await t.db.query<{ ip: string }>(`select distinct ip from portal_auth.login_attempt where email like 'xff%'`);
    expect(ips).toEqual([{ ip: '198.51.100.150' }]);
  });

  it('a cookie sent twice is refused, not "first wins" (#16.1)', async () => {
    const b = new TestBrowser(t);
    await b.login('twice@example.sg');
    const attacker = new TestBrowser(t);
    await attacker.login('planter@example.sg');
    const headers = { host: 'portal.test', cookie: `${SESSION}=${attacker.cookies.get(SESSION)}; ${SESSION}=${b.cookies.get(SESSION)}` };
    const res = await t.app.inject({ method: 'GET', url: '/', headers });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('two copies');
    const write = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${b.csrf}` });
    expect(write.statusCode).toBe(400);
    expect((await b.get('/')).status).toBe(200);
  });

  let signIns = 0;
  it.each(['https://x', '/a\\b', ...OPEN_REDIRECT_ATTEMPTS])('login next %j lands on /', async (next) => {
    const email = `nexttest${++signIns}@example.sg`;
    const b = new TestBrowser(t);
    const form = await b.get(`/auth/login?next=${encodeURIComponent(next)}`);
    expect(form.body).toContain('name="next" value="/"');
    const start = await b.post('/auth/login', { email, next });
    expect(new URL(start.location!, 'http://portal.test').searchParams.get('next')).toBe('/');
    const code = await lastCode(t, email, 'portal.login');
    const res = await b.post('/auth/check-email', { email, code, next });
    expect(res.location).toBe('/');
  });

  it.each(['//evil.com', '/\\evil.com'])('a signed-out write sent from Referer path %j is asked to sign in and come back to /', async (referer) => {
    const res = await new TestBrowser(t).post('/payment-methods/add', {}, { referer });
    expect(res.location).toBe('/auth/login?next=%2F');
  });

  it('POST /auth/logout revokes the session and clears the cookie (epoch Expires)', async () => {
    const b = new TestBrowser(t);
    await b.login('out@example.sg');
    const session = b.cookies.get(SESSION);
    const res = await b.post('/auth/logout');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/welcome?flash=signed_out');
    expect(String(res.headers['set-cookie'])).toMatch(/__Host-bss_portal_session=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly/);
    const replay = new TestBrowser(t);
    replay.cookies.set(SESSION, session!);
    expect((await replay.get('/')).status).toBe(303);
  });

  it('a session older than 12 h is rotated on the next request; the old cookie stops working', async () => {
    const b = new TestBrowser(t);
    await b.login('rot@example.sg');
    const old = b.cookies.get(SESSION)!;
    await t.clock.advance('12h');
    try {
      const res = await b.get('/');
      expect(res.status).toBe(200);
      const fresh = b.cookies.get(SESSION)!;
      expect(fresh).not.toBe(old);
      const stale = new TestBrowser(t);
      stale.cookies.set(SESSION, old);
      expect((await stale.get('/')).status).toBe(303);
    } finally {
      await t.clock.reset();
    }
  });

  it('step-up: GET page, POST start (429 on the 6th), wrong code 400, no stash → 303 next with the grant cookie', async () => {
    const b = new TestBrowser(t);
    await b.login('su@example.sg');
    const page = await b.get('/auth/step-up?action=name_update&next=/profile/contact');
    expect(page.status).toBe(200);
    expect(page.body).toContain('change your name');
    const sent = await b.post('/auth/step-up/start', { action: 'name_update', next: '/profile/contact' });
    expect(sent.status).toBe(303);
    const code = await lastCode(t, 'su@example.sg', 'portal.step_up');
    const wrong = await b.post('/auth/step-up', { action: 'name_update', next: '/profile/contact', code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    const ok = await b.post('/auth/step-up', { action: 'name_update', next: '/profile/contact', code });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/profile/contact?flash=step_up_done');
    expect(String(ok.headers['set-cookie'])).toMatch(/__Host-bss_portal_step_up=[A-Za-z0-9_-]{32}; Path=\/; Max-Age=60; HttpOnly; SameSite=Lax/);
    for (let i = 0; i < 4; i++) await b.post('/auth/step-up/start', { action: 'name_update', next: '/' });
    expect((await b.post('/auth/step-up/start', { action: 'name_update', next: '/' })).status).toBe(429);
  });

  it('step-up POST routes need a session; an unknown action goes home', async () => {
    const anon = new TestBrowser(t);
    await anon.get('/auth/login');
    expect((await anon.post('/auth/step-up/start', { action: 'name_update', next: '/' })).location).toMatch(/^\/auth\/login\?next=/);
    const b = new TestBrowser(t);
    await b.login('su2@example.sg');
    const res = await b.get('/auth/step-up?action=launch_missiles&next=/');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/');
  });

  it('login verify attempts are recorded with distinct outcomes while the page text is the same', async () => {
    const attempts = await t.get(IdentityQueries).loginAttempts({ email: 'bea@example.sg', stage: 'login_verify' });
    expect(attempts.map((a) => a.outcome)).toEqual(['success', 'wrong_code']);
  });
});
