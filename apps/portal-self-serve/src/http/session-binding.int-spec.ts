import { customerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, TestBrowser, type PortalTestApp, type RegisteredRoute } from '#portal-self-serve/testing/portal-test-app';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Not cookie-authenticated, so CSRF does not apply: machine API (named tokens) and signed webhooks. */
const NOT_BROWSER = /^\/(api|webhooks)\//;

/** The CSRF cookie whatever the app names it, so the same test ran against the code before the fix. */
function csrfCookieOf(browser: TestBrowser): [string, string] {
  const found = [...browser.cookies].find(([name]) => name.includes('csrf'));
  if (!found) throw new Error('browser holds no CSRF cookie');
  return found;
}

/** The victim's browser with the attacker's CSRF cookie planted in it (cookie tossing). */
function planted(t: PortalTestApp, victim: TestBrowser, from: TestBrowser): TestBrowser {
  const browser = new TestBrowser(t);
  for (const [name, value] of victim.cookies) browser.cookies.set(name, value);
  const [name, value] = csrfCookieOf(from);
  browser.cookies.set(name, value);
  return browser;
}

/** `/lines/:id/vas` → `/lines/x/vas`: the gate answers before any handler reads the parameter. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+(\([^)]*\))?/g, 'x');
}

/**
 * #16.1: a CSRF cookie/token pair is bound to the browser and the session it was minted for. A pair
 * minted for an anonymous visitor, or another signed-in browser's token, is refused on every
 * state-changing route of the Fastify route table — the table, not a hand list, so a new route is
 * covered the day it is added.
 */
describe('CSRF tokens and step-up grants are bound to the session', () => {
  let t: PortalTestApp;
  const routes: RegisteredRoute[] = [];
  let writes: { method: string; url: string }[];
  let victim: TestBrowser;
  let other: TestBrowser;

  beforeAll(async () => {
    t = await createPortalTestApp({ onRoute: (route) => routes.push({ method: route.method, url: route.url }) });
    writes = routes
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ method, url: r.url })))
      .filter((r) => STATE_CHANGING.has(r.method) && !NOT_BROWSER.test(r.url));
    await customerWithLine(t, 'victim@example.sg');
    victim = new TestBrowser(t);
    await victim.login('victim@example.sg');
    await customerWithLine(t, 'other@example.sg');
    other = new TestBrowser(t);
    await other.login('other@example.sg');
    // The other browser has a CSRF cookie of its own (from the login page) and a session token.
    expect(csrfCookieOf(other)).toBeDefined();
  });
  afterAll(() => t.close());

  it('the route table has the portal writes', () => {
    expect(writes.length).toBeGreaterThan(15);
    expect(writes).toEqual(expect.arrayContaining([{ method: 'POST', url: '/auth/logout' }, { method: 'POST', url: '/auth/verify' }]));
  });

  it('a pair minted for an anonymous visitor and planted in the signed-in browser is refused on every write', async () => {
    const anon = new TestBrowser(t);
    await anon.get('/auth/login');
    const browser = planted(t, victim, anon);
    const passed: string[] = [];
    for (const route of writes) {
      const res = await browser.post(concrete(route.url), { confirm: 'yes' }, { csrf: anon.csrf });
      if (res.status !== 403 || !res.body.includes('Your form expired')) passed.push(`${route.method} ${route.url} → ${res.status}`);
    }
    expect(passed).toEqual([]);
  });

  it("another signed-in browser's pair (its CSRF cookie and token) is refused on every write", async () => {
    const browser = planted(t, victim, other);
    const passed: string[] = [];
    for (const route of writes) {
      const res = await browser.post(concrete(route.url), { confirm: 'yes' }, { csrf: other.csrf });
      if (res.status !== 403) passed.push(`${route.method} ${route.url} → ${res.status}`);
    }
    expect(passed).toEqual([]);
  });

  it("the session's own token still works, and the anonymous pair from before sign-in stops working after it", async () => {
    const b = new TestBrowser(t);
    await b.get('/auth/login');
    const beforeSignIn = b.csrf;
    await b.login('later@example.sg');
    expect((await b.post('/auth/logout', {}, { csrf: beforeSignIn })).status).toBe(403);
    expect((await b.get('/')).status).toBe(200);
    const out = await b.post('/auth/logout');
    expect(out.status).toBe(303);
    expect(out.location).toBe('/welcome?flash=signed_out');
  });

  it('a step-up grant earned in one browser does not authorise another browser of the same customer (#16.4)', async () => {
    const second = new TestBrowser(t);
    await second.login('victim@example.sg');
    const earned = await victim.stepUp(`/auth/step-up?action=name_update&next=${encodeURIComponent('/profile/contact')}`, 'victim@example.sg');
    expect(earned.status).toBe(303);
    const grant = [...victim.cookies].find(([name]) => name.includes('step_up'));
    if (!grant) throw new Error('no step-up grant cookie');
    second.cookies.set(grant[0], grant[1]);
    const stolen = await second.post('/profile/contact/name/update', { given_name: 'Mallory', family_name: 'Stolen' }, { referer: '/profile/contact' });
    expect(stolen.status).toBe(303);
    expect(stolen.location).toMatch(/^\/auth\/step-up\?action=name_update/);
    const own = await victim.post('/profile/contact/name/update', { given_name: 'Vic', family_name: 'Tim' }, { referer: '/profile/contact' });
    expect(own.location).toBe('/profile/contact?flash=name_updated');
  });
});
