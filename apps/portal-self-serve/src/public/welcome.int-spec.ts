import { DEFAULT_SUPPORT_EMAIL } from '#portal-self-serve/http/portal-ui';
import { createPortalTestApp, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

// #16.12: the front door, the landing page and help reachable from everywhere.
describe('welcome and help', () => {
  let t: PortalTestApp;
  beforeAll(async () => {
    t = await createPortalTestApp();
  });
  afterAll(() => t.close());

  it('a signed-out visitor at / lands on /welcome, not a login form', async () => {
    const res = await new TestBrowser(t).get('/');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/welcome');
  });

  it('/welcome shows every plan price and one primary action to choose a plan', async () => {
    const res = await new TestBrowser(t).get('/welcome');
    expect(res.status).toBe(200);
    for (const price of ['SGD 10.00', 'SGD 25.00', 'SGD 45.00']) expect(res.body).toContain(price);
    expect(res.body).toMatch(/<a class="btn large" href="\/plans" id="welcome-primary">Choose a plan<\/a>/);
    // The plans on the landing page are the same cards as /plans.
    expect(res.body.split('class="card plan"')).toHaveLength(4);
  });

  it('every page links to help; /help is public and names the support address', async () => {
    const b = new TestBrowser(t);
    for (const path of ['/welcome', '/plans', '/terms', '/privacy', '/auth/login']) {
      expect((await b.get(path)).body).toContain('<a id="help-link" href="/help">Help & contact</a>');
    }
    const help = await b.get('/help');
    expect(help.status).toBe(200);
    expect(help.body).toContain(`href="mailto:${DEFAULT_SUPPORT_EMAIL}"`);
  });
});
