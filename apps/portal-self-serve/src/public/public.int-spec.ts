import { createPortalTestApp, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

describe('public pages', () => {
  let t: PortalTestApp;
  beforeAll(async () => {
    t = await createPortalTestApp();
  });
  afterAll(() => t.close());

  it('GET /welcome: brand bar, sign-in and browse-plans calls to action, security headers', async () => {
    const res = await new TestBrowser(t).get('/welcome');
    expect(res.status).toBe(200);
    expect(res.body).toContain('brand-bar');
    expect(res.body).toContain('href="/auth/login"');
    expect(res.body).toContain('href="/plans"');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.body).toMatch(/src="\/static\/htmx\.min\.js\?v=[0-9a-f]{10}"/);
  });

  it('GET /plans: three plans with Data / Voice / SMS / Roaming rows in the same order', async () => {
    const res = await new TestBrowser(t).get('/plans');
    expect(res.status).toBe(200);
    const cards = res.body.split('class="card plan"').slice(1);
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      const labels = [...card.matchAll(/<span class="label">([^<]+)<\/span>/g)].map((m) => m[1]);
      expect(labels).toEqual(['Data', 'Voice', 'SMS', 'Roaming']);
    }
    expect(res.body).toContain('SGD 10.00');
    expect(res.body).toContain('5 GB');
    expect(res.body).toContain('Unlimited');
    expect(res.body).toContain('href="/signup/start?plan=PLAN_M"');
  });

  it('GET /plans with HX-Request returns only the cards fragment', async () => {
    const res = await new TestBrowser(t).get('/plans', { hx: true });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('<html');
    expect(res.body).toContain('id="plan-cards"');
  });

  it('GET /terms and /privacy are public; static assets are cached for a year', async () => {
    const b = new TestBrowser(t);
    expect((await b.get('/terms')).status).toBe(200);
    expect((await b.get('/privacy')).status).toBe(200);
    const css = await b.get('/static/portal.css?v=x');
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toContain('max-age=31536000');
    expect((await b.get('/static/nope.js')).status).toBe(404);
  });

  it('CSRF is minted only where a form needs it: anonymous /plans sets no cookie; a form page gets a secret and a working token', async () => {
    const b = new TestBrowser(t);
    const plans = await b.get('/plans');
    expect(plans.headers['set-cookie']).toBeUndefined();
    expect(plans.body).not.toContain('hx-headers');
    expect(plans.body).not.toContain('bss-csrf-token-slot');
    expect(plans.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(plans.headers['x-frame-options']).toBe('DENY');

    const login = await b.get('/auth/login');
    expect(String(login.headers['set-cookie'])).toMatch(/^__Host-bss_portal_csrf=[A-Za-z0-9_-]{32}; Path=\/; HttpOnly; SameSite=Lax; Secure/);
    const token = /name="_csrf" value="([A-Za-z0-9_-]{43})"/.exec(login.body)![1];
    expect(token).toBe(b.csrf);
    // The same browser keeps its secret: the next form page reuses it and sets no new cookie.
    const again = await b.get('/auth/login');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain(`value="${token}"`);
    expect((await b.post('/auth/login', { email: 'csrf-lazy@example.sg', next: '/' })).status).toBe(303);
    // No token, a token for another secret, or no CSRF cookie at all: refused.
    expect((await b.post('/auth/login', { email: 'csrf-lazy@example.sg', next: '/' }, { csrf: false })).status).toBe(403);
    const stranger = new TestBrowser(t);
    expect((await stranger.post('/auth/login', { email: 'csrf-lazy@example.sg', next: '/' }, { csrf: token })).status).toBe(403);
  });

  it('gated pages redirect an anonymous visitor to login with next', async () => {
    const res = await new TestBrowser(t).get('/billing/history');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/auth/login?next=%2Fbilling%2Fhistory');
    const hx = await new TestBrowser(t).get('/', { hx: true });
    // The front door sends a signed-out visitor to the landing page, not a login form (#16.12).
    expect(hx.headers['hx-redirect']).toBe('/welcome');
  });
});
