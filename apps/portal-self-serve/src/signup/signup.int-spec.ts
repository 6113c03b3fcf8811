import { CustomerQueries } from '@bss/crm';
import { IdentityQueries } from '@bss/identity';
import { OrderQueries } from '@bss/orders';
import { PaymentQueries } from '@bss/payment';
import { formatMsisdn } from '@bss/platform';
import { SignupQueries } from '@bss/signup';
import { customerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, followReplay, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

describe('signup funnel', () => {
  let t: PortalTestApp;
  beforeAll(async () => {
    t = await createPortalTestApp();
  });
  afterAll(() => t.close());

  async function startSignup(b: TestBrowser, plan = 'PLAN_M'): Promise<string> {
    await b.get('/plans');
    const res = await b.post('/signup', { offering_id: plan });
    expect(res.status).toBe(303);
    const id = /^\/signup\/(SGN-[0-9a-f]{16})\//.exec(res.location!)![1];
    return id;
  }

  it('anonymous plan pick goes through login and back to the plan', async () => {
    const b = new TestBrowser(t);
    const res = await b.get('/signup/start?plan=PLAN_M');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/auth/login?next=%2Fsignup%2Fstart%3Fplan%3DPLAN_M');
    await b.login('anon-first@example.sg');
    const page = await b.get('/signup/start?plan=PLAN_M');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Start signup');
  });

  it('golden path: number → details → KYC → card → order → progress (fragment polls) → eSIM with QR and LPA', async () => {
    const b = new TestBrowser(t);
    await b.login('golden@example.sg');
    const id = await startSignup(b);
    const numbers = await b.get(`/signup/${id}/number`);
    expect(numbers.status).toBe(200);
    const msisdn = /name="msisdn" value="(\d+)"/.exec(numbers.body)![1];
    const search = await b.get(`/signup/${id}/number?prefix=9000`, { hx: true });
    expect(search.body).not.toContain('<html');
    expect(search.body).toContain('id="number-list"');

    let res = await b.post(`/signup/${id}/number`, { msisdn });
    expect(res.location).toBe(`/signup/${id}/details`);
    await b.get(res.location!);
    res = await b.post(`/signup/${id}/details`, { given_name: 'Golda', family_name: 'Tan', phone: '+65 9123 4567' });
    expect(res.location).toBe(`/signup/${id}/kyc`);
    const identity = await t.get(IdentityQueries).findByEmail('golden@example.sg');
    expect(identity).toMatchObject({ status: 'registered' });
    const customer = await t.get(CustomerQueries).get(identity!.customerId!);
    expect(customer).toMatchObject({ email: 'golden@example.sg', phone: '+6591234567', givenName: 'Golda' });

    // Back to the number step and forward again keeps everything.
    const back = await b.get(`/signup/${id}/number`);
    expect(back.body).toContain(`value="${msisdn}" checked`);
    const details = await b.get(`/signup/${id}/details`);
    expect(details.body).toContain('value="Golda"');

    await b.get(`/signup/${id}/kyc`);
    res = await b.post(`/signup/${id}/kyc`, { document_type: 'passport', document_number: 'E1234567', document_country: 'SG', date_of_birth: '1990-04-01' });
    expect(res.location).toBe(`/signup/${id}/card`);
    expect((await t.get(CustomerQueries).get(customer.id)).kycStatus).toBe('verified');

    const cardPage = await b.get(`/signup/${id}/card`);
    expect(cardPage.body).toContain('name="card_number"');
    res = await b.post(`/signup/${id}/card`, { card_number: '4242 4242 4242 4242', exp_month: '12', exp_year: '2030' });
    expect(res.location).toBe(`/signup/${id}/review`);
    const review = await b.get(`/signup/${id}/review`);
    expect(review.body).toContain(formatMsisdn(msisdn));
    expect(review.body).toContain('SGD 25.00');

    // A double submit places one order.
    const [first, second] = await Promise.all([b.post(`/signup/${id}/order`), b.post(`/signup/${id}/order`)]);
    expect([first.location, second.location]).toEqual([`/signup/${id}/progress`, `/signup/${id}/progress`]);
    expect(await t.get(OrderQueries).list({ customerId: customer.id })).toHaveLength(1);
    const third = await b.post(`/signup/${id}/order`);
    expect(third.location).toBe(`/signup/${id}/progress`);
    expect(await t.get(OrderQueries).list({ customerId: customer.id })).toHaveLength(1);

    const pending = await b.get(`/signup/${id}/progress`);
    expect(pending.status).toBe(200);
    expect(pending.body).toContain('http-equiv="refresh"');
    const polling = await b.get(`/signup/${id}/progress`, { hx: true });
    expect(polling.body).toContain('hx-trigger="load delay:500ms"');
    expect(polling.body).not.toContain('<html');

    await t.jobs.drain();
    const done = await b.get(`/signup/${id}/progress`, { hx: true });
    expect(done.body).toContain('Your line is active!');
    expect(done.body).toContain(`/signup/${id}/progress?seen=done`);
    const redirect = await b.get(`/signup/${id}/progress?seen=done`, { hx: true });
    expect(redirect.headers['hx-redirect']).toBe(`/signup/${id}/esim`);
    expect(redirect.body).toBe('');

    const esim = await b.get(`/signup/${id}/esim`);
    expect(esim.status).toBe(200);
    expect(esim.body).toContain('<svg');
    expect(esim.body).toMatch(/LPA:1\$smdp\.bss-cli\.local\$[0-9A-Fa-f]{16}/);
    expect(esim.body).toContain(formatMsisdn(msisdn));

    // Steps of an ordered journey lead to progress; the journey is now read-only.
    expect((await b.get(`/signup/${id}/card`)).location).toBe(`/signup/${id}/progress`);
    expect((await b.post(`/signup/${id}/number`, { msisdn }, { referer: `/signup/${id}/number` })).location).toBe(`/signup/${id}/number?err=signup.edit.before_order_only`);
  });

  it("another identity's signup id is 404 on every step, revealing nothing", async () => {
    const owner = new TestBrowser(t);
    await owner.login('owner@example.sg');
    const id = await startSignup(owner);
    const other = new TestBrowser(t);
    await other.login('other@example.sg');
    for (const path of ['', '/number', '/details', '/kyc', '/card', '/review', '/progress', '/esim']) {
      const res = await other.get(`/signup/${id}${path}`);
      expect(res.status).toBe(path === '' || path === '/number' ? 404 : 404);
      expect(res.body).toContain("We couldn't find that.");
      expect(res.body).not.toContain(id);
    }
    await other.get('/plans');
    expect((await other.post(`/signup/${id}/number`, { msisdn: '90000001' })).status).toBe(404);
    expect((await other.post(`/signup/${id}/order`)).status).toBe(404);
  });

  it('GET /api/session/{sid}: the owner (verified session) gets the signup JSON; anyone else gets the same bare 404', async () => {
    const owner = new TestBrowser(t);
    await owner.login('api-owner@example.sg');
    const id = await startSignup(owner, 'PLAN_S');
    const numbers = await owner.get(`/signup/${id}/number`);
    const msisdn = /name="msisdn" value="(\d+)"/.exec(numbers.body)![1];
    await owner.post(`/signup/${id}/number`, { msisdn });

    const mine = await owner.get(`/api/session/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.headers['content-type']).toMatch(/application\/json/);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(mine.body)).toMatchObject({ id, offeringId: 'PLAN_S', state: 'collecting', step: 'details', outcome: 'collecting', msisdn, kycAttested: false, cardOnFile: false, orderId: null });
    expect(mine.body).not.toMatch(/card_?number|pan/i);

    const other = new TestBrowser(t);
    await other.login('api-other@example.sg');
    const anonymous = new TestBrowser(t);
    const notFound = [
      await other.get(`/api/session/${id}`),
      await anonymous.get(`/api/session/${id}`),
      await owner.get('/api/session/SGN-0000000000000000'),
      await owner.get('/api/session/not-an-id'),
    ];
    for (const res of notFound) {
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toEqual({ code: 'NOT_FOUND', message: 'Not found' });
      expect(res.headers.location).toBeUndefined();
    }
  });

  it('steps cannot be skipped: a later step redirects to the first incomplete one', async () => {
    const b = new TestBrowser(t);
    await b.login('skip@example.sg');
    const id = await startSignup(b);
    const res = await b.get(`/signup/${id}/card`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/signup/${id}/number`);
  });

  it('a linked identity (existing verified customer with a card) creates no customer and jumps to the review step', async () => {
    const b = new TestBrowser(t);
    await b.login('golden@example.sg');
    const before = await t.get(CustomerQueries).list({});
    const id = await startSignup(b, 'PLAN_S');
    const numbers = await b.get(`/signup/${id}/number`);
    const msisdn = /name="msisdn" value="(\d+)"/.exec(numbers.body)![1];
    const res = await b.post(`/signup/${id}/number`, { msisdn });
    expect(res.location).toBe(`/signup/${id}/review`);
    expect((await t.get(CustomerQueries).list({})).length).toBe(before.length);
  });

  it('invalid details are refused naming the field, and nothing is written', async () => {
    const b = new TestBrowser(t);
    await b.login('bad@example.sg');
    const id = await startSignup(b);
    const numbers = await b.get(`/signup/${id}/number`);
    await b.post(`/signup/${id}/number`, { msisdn: /name="msisdn" value="(\d+)"/.exec(numbers.body)![1] });
    await b.get(`/signup/${id}/details`);
    const res = await b.post(`/signup/${id}/details`, { given_name: 'X', family_name: 'Y', phone: '12345' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('phone');
    expect((await t.get(IdentityQueries).findByEmail('bad@example.sg'))!.customerId).toBeNull();
  });

  /** A fresh identity through number and details, standing on the KYC step; returns the signup and customer ids. */
  async function atKycStep(b: TestBrowser, email: string): Promise<{ id: string; customerId: string }> {
    await b.login(email);
    const id = await startSignup(b);
    const numbers = await b.get(`/signup/${id}/number`);
    await b.post(`/signup/${id}/number`, { msisdn: /name="msisdn" value="(\d+)"/.exec(numbers.body)![1] });
    await b.get(`/signup/${id}/details`);
    await b.post(`/signup/${id}/details`, { given_name: 'Dora', family_name: 'Lim', phone: '+6591230000' });
    await b.get(`/signup/${id}/kyc`);
    return { id, customerId: (await t.get(IdentityQueries).findByEmail(email))!.customerId! };
  }

  it('the date of birth typed at the KYC step is saved on the customer and shown on the profile', async () => {
    const b = new TestBrowser(t);
    const { id, customerId } = await atKycStep(b, 'dob@example.sg');
    const res = await b.post(`/signup/${id}/kyc`, { document_type: 'passport', document_number: 'E7654321', document_country: 'SG', date_of_birth: '1988-07-15' });
    expect(res.location).toBe(`/signup/${id}/card`);
    expect(await t.get(CustomerQueries).get(customerId)).toMatchObject({ kycStatus: 'verified', dateOfBirth: '1988-07-15' });
    const profile = await b.get('/profile/contact');
    expect(profile.status).toBe(200);
    expect(profile.body).toContain('1988-07-15');
  });

  it('a date of birth in the future is refused at the KYC step, and nothing is attested', async () => {
    const b = new TestBrowser(t);
    const { id, customerId } = await atKycStep(b, 'dob-future@example.sg');
    const future = await b.post(`/signup/${id}/kyc`, { document_type: 'passport', document_number: 'E7654322', document_country: 'SG', date_of_birth: '2999-01-01' }, { referer: `/signup/${id}/kyc` });
    expect(future.location).toBe(`/signup/${id}/kyc?err=signup.attest_kyc.date_of_birth_plausible`);
    expect(await t.get(CustomerQueries).get(customerId)).toMatchObject({ kycStatus: 'not_verified', dateOfBirth: null });
  });

  it('an existing customer ordering another line is stepped up like a top-up: no fresh grant, no order and no charge; with the code, one order', async () => {
    const existing = await customerWithLine(t, 'second-line@example.sg');
    const b = new TestBrowser(t);
    await b.login(existing.email);
    const id = await startSignup(b, 'PLAN_S');
    const numbers = await b.get(`/signup/${id}/number`);
    const msisdn = /name="msisdn" value="(\d+)"/.exec(numbers.body)![1];
    expect((await b.post(`/signup/${id}/number`, { msisdn })).location).toBe(`/signup/${id}/review`);
    const review = await b.get(`/signup/${id}/review`);
    expect(review.body).toContain('we email you a code to confirm');
    const ordersBefore = await t.get(OrderQueries).list({ customerId: existing.customerId });
    const chargesBefore = await t.get(PaymentQueries).listAttempts(existing.customerId);

    const unconfirmed = await b.post(`/signup/${id}/order`, {}, { referer: `/signup/${id}/review` });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.location).toBe(`/auth/step-up?action=signup.place_order&next=${encodeURIComponent(`/signup/${id}/review`)}`);
    const forged = await b.post(`/signup/${id}/order`, { step_up_token: 'x'.repeat(32) }, { referer: `/signup/${id}/review` });
    expect(forged.location).toMatch(/^\/auth\/step-up\?action=signup\.place_order/);
    await t.jobs.drain();
    expect((await t.get(SignupQueries).get(id, (await t.get(IdentityQueries).findByEmail(existing.email))!.id)).orderId).toBeNull();
    expect(await t.get(OrderQueries).list({ customerId: existing.customerId })).toHaveLength(ordersBefore.length);
    expect(await t.get(PaymentQueries).listAttempts(existing.customerId)).toHaveLength(chargesBefore.length);

    const verified = await b.stepUp(unconfirmed.location!, existing.email);
    expect(verified.body).toContain('id="step-up-replay"');
    const placed = await followReplay(b, verified);
    expect(placed.location).toBe(`/signup/${id}/progress`);
    await t.jobs.drain();
    expect(await t.get(OrderQueries).list({ customerId: existing.customerId })).toHaveLength(ordersBefore.length + 1);
    expect((await t.get(PaymentQueries).listAttempts(existing.customerId)).length).toBeGreaterThan(chargesBefore.length);
    const audit = (await t.get(IdentityQueries).portalActions({ customerId: existing.customerId })).filter((a) => a.action === 'signup.place_order');
    expect(audit).toEqual([expect.objectContaining({ success: true, stepUpConsumed: true })]);
  });
});
