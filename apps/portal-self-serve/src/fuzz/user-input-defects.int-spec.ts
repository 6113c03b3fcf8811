import { CustomerQueries } from '@bss/crm';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, followReplay, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

/** The two 500s the outside probe found (issue #16.8), as a customer and a sender would hit them. */
describe('user input the portal must refuse, not crash on', () => {
  let t: PortalTestApp;
  let ada: CustomerWithLine;
  let b: TestBrowser;

  beforeAll(async () => {
    t = await createPortalTestApp();
    ada = await customerWithLine(t, 'ada.nul@example.sg');
    b = new TestBrowser(t);
    await b.login(ada.email);
  });
  afterAll(() => t.close());

  /**
   * A stepped-up POST all the way to its command: after the code, the replayed form, or — when
   * no stash was kept — the form submitted once more, as the customer would.
   */
  async function postSteppedUp(url: string, form: Record<string, string>, referer: string) {
    const first = await b.post(url, form, { referer });
    if (first.status !== 303 || !first.location?.startsWith('/auth/step-up')) return first;
    const verified = await b.stepUp(first.location, ada.email);
    if (verified.body.includes('id="step-up-replay"')) return followReplay(b, verified);
    await b.get(referer);
    return b.post(url, form, { referer });
  }

  it.each([
    ['NUL', 'Ada\u0000'],
    ['a bell', 'Ada\u0007'],
    ['DEL', 'Ada\u007f'],
    ['a line break', 'Ada\nLovelace'],
  ])('a name with %s is refused with a message, and the name is unchanged', async (_what, givenName) => {
    const before = await t.get(CustomerQueries).get(ada.customerId);
    const res = await postSteppedUp('/profile/contact/name/update', { given_name: givenName, family_name: 'Lovelace' }, '/profile/contact');
    expect(`${res.status} ${res.location ?? ''}`).toMatch(/^4\d\d $/);
    expect(res.body).toContain('Please check');
    expect((await t.get(CustomerQueries).get(ada.customerId)).givenName).toBe(before.givenName);
  });

  it.each(['application/json', 'text/plain', 'multipart/form-data; boundary=xyz', 'garbage/??'])('a body over 256 KB to /webhooks/didit (%s) is 413', async (contentType) => {
    const res = await t.app.inject({ method: 'POST', url: '/webhooks/didit', headers: { 'content-type': contentType }, payload: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }) });
    expect(res.statusCode).toBe(413);
  });
});
