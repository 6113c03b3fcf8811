import { AddContactMediumCommand, CustomerQueries } from '@bss/crm';
import { IdentityQueries } from '@bss/identity';
import { AddPaymentCardCommand, PaymentQueries } from '@bss/payment';
import { SubscriptionQueries } from '@bss/subscription';
import { formatMsisdn } from '@bss/web';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, followReplay, lastCode, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

describe('self-care', () => {
  let t: PortalTestApp;
  let ada: CustomerWithLine;
  let bob: CustomerWithLine;
  let b: TestBrowser;

  beforeAll(async () => {
    // This suite steps up far more often than a person would in 15 minutes.
    process.env.BSS_PORTAL_STEPUP_PER_SESSION_MAX = '100';
    process.env.BSS_PORTAL_STEPUP_VERIFY_PER_SESSION_MAX = '100';
    t = await createPortalTestApp();
    delete process.env.BSS_PORTAL_STEPUP_PER_SESSION_MAX;
    delete process.env.BSS_PORTAL_STEPUP_VERIFY_PER_SESSION_MAX;
    ada = await customerWithLine(t, 'ada@example.sg');
    bob = await customerWithLine(t, 'bob@example.sg', 'PLAN_S');
    b = new TestBrowser(t);
    await b.login('ada@example.sg');
  });
  afterAll(() => t.close());

  const line = () => t.get(SubscriptionQueries).get(ada.line.id);

  /** A gated POST: 303 to step-up with a stash, code by email, then the replay page re-POSTs it. */
  async function steppedUp(url: string, form: Record<string, string>, referer: string) {
    const first = await b.post(url, form, { referer });
    expect(first.status).toBe(303);
    expect(first.location).toMatch(/^\/auth\/step-up\?action=/);
    const verified = await b.stepUp(first.location!, ada.email);
    expect(verified.status).toBe(200);
    expect(verified.body).toContain('id="step-up-replay"');
    return followReplay(b, verified);
  }

  it('GET / shows each line with remaining-balance bars, renewal and the state CTAs; HX gets the fragment', async () => {
    const page = await b.get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(formatMsisdn(ada.line.msisdn));
    expect(page.body).toContain('30 GB left of 30 GB');
    expect(page.body).toContain('500 MB left of 500 MB');
    expect(page.body).toMatch(/Renews in 30 days/);
    expect(page.body).toContain(`/top-up?subscription=${ada.line.id}`);
    expect(page.body).toContain(`/subscription/${ada.line.id}/cancel`);
    expect(page.body).not.toContain(formatMsisdn(bob.line.msisdn));
    const fragment = await b.get('/', { hx: true });
    expect(fragment.body).not.toContain('<html');
    expect(fragment.body).toContain('id="lines"');
  });

  it('VAS top-up: step-up stashes the POST, the code replays it, the balance grows once', async () => {
    const page = await b.get(`/top-up?subscription=${ada.line.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('VAS_DATA_1GB');
    const done = await steppedUp('/top-up', { subscription: ada.line.id, vas_offering_id: 'VAS_DATA_1GB' }, `/top-up?subscription=${ada.line.id}`);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/top-up/success?subscription=${ada.line.id}&vas=VAS_DATA_1GB`);
    const data = (await line()).balances.find((x) => x.allowanceType === 'data')!;
    expect(data.total).toBe(30720 + 1024);
    // The grant was single-use: the same POST again needs a new step-up.
    const again = await b.post('/top-up', { subscription: ada.line.id, vas_offering_id: 'VAS_DATA_1GB' }, { referer: '/' });
    expect(again.location).toMatch(/^\/auth\/step-up\?action=vas_purchase&next=%2F$/);
    const actions = await t.get(IdentityQueries).portalActions({ customerId: ada.customerId });
    expect(actions.find((a) => a.action === 'vas_purchase')).toMatchObject({ success: true, stepUpConsumed: true });
  });

  it('a grant for one action never works for another', async () => {
    await b.stepUp('/auth/step-up?action=name_update&next=/', ada.email);
    const res = await b.post('/top-up', { subscription: ada.line.id, vas_offering_id: 'VAS_DATA_1GB' }, { referer: '/' });
    expect(res.location).toMatch(/^\/auth\/step-up\?action=vas_purchase/);
  });

  it('plan change: schedule (stepped up) states the date and no proration; the dashboard banner cancels it', async () => {
    const page = await b.get(`/plan/change?subscription=${ada.line.id}`);
    expect(page.body).toMatch(/value="PLAN_M" disabled/);
    const done = await steppedUp('/plan/change', { subscription: ada.line.id, new_offering_id: 'PLAN_L' }, `/plan/change?subscription=${ada.line.id}`);
    expect(done.location).toBe(`/plan/change/scheduled?subscription=${ada.line.id}`);
    const scheduled = await b.get(done.location!);
    expect(scheduled.body).toContain('Max');
    expect(scheduled.body).toContain('no proration');
    expect((await line()).pendingOfferingId).toBe('PLAN_L');
    const home = await b.get('/');
    expect(home.body).toContain('Switching to <strong>Max</strong>');
    const cancelled = await steppedUp('/plan/change/cancel', { subscription_id: ada.line.id }, '/');
    expect(cancelled.location).toBe('/?flash=plan_change_cancelled');
    expect((await line()).pendingOfferingId).toBeNull();
  });

  it("another customer's ids are 404 everywhere, with the same page as an unknown id", async () => {
    const unknown = await b.get('/usage?subscription=SUB-9999');
    expect(unknown.status).toBe(404);
    for (const url of [
      `/usage?subscription=${bob.line.id}`,
      `/top-up?subscription=${bob.line.id}`,
      `/plan/change?subscription=${bob.line.id}`,
      `/plan/change/scheduled?subscription=${bob.line.id}`,
      `/subscription/${bob.line.id}/cancel`,
      `/subscription/${bob.line.id}/cancel/confirm`,
      `/esim/${bob.line.id}`,
      `/esim/${bob.line.id}/qr.png`,
    ]) {
      const res = await b.get(url);
      expect(res.status).toBe(404);
      expect(res.body).toBe(unknown.body.replace('SUB-9999', bob.line.id));
      expect(res.body).not.toContain(bob.line.msisdn);
    }
  });

  it("a stepped-up write with another customer's id is 404, spends the grant and is audited as not owned", async () => {
    const removed = await steppedUp(`/payment-methods/${bob.card.id}/remove`, {}, '/payment-methods');
    expect(removed.status).toBe(404);
    expect(await t.get(PaymentQueries).listMethods(bob.customerId)).toHaveLength(1);
    const audit = (await t.get(IdentityQueries).portalActions({ customerId: ada.customerId })).find((a) => a.action === 'payment_method_remove');
    expect(audit).toMatchObject({ success: false, errorRule: 'policy.ownership.payment_method_not_owned', stepUpConsumed: true });
    const topUp = await steppedUp('/top-up', { subscription: bob.line.id, vas_offering_id: 'VAS_DATA_1GB' }, '/');
    expect(topUp.status).toBe(404);
    expect((await t.get(SubscriptionQueries).get(bob.line.id)).balances.find((x) => x.allowanceType === 'data')!.total).toBe(5120);
  });

  it('terminate: the confirm panel is a fragment; a POST without confirm=yes is refused and changes nothing', async () => {
    const page = await b.get(`/subscription/${ada.line.id}/cancel`);
    expect(page.body).toContain('What you lose');
    expect(page.body).not.toContain('name="confirm"');
    const panel = await b.get(`/subscription/${ada.line.id}/cancel/confirm`, { hx: true });
    expect(panel.body).not.toContain('<html');
    expect(panel.body).toContain('name="confirm" value="yes"');
    expect(panel.body).toContain('cannot get it back');
    const noJs = await b.get(`/subscription/${ada.line.id}/cancel?step=confirm`);
    expect(noJs.body).toContain('name="confirm" value="yes"');
    const refused = await b.post(`/subscription/${ada.line.id}/cancel`, {}, { referer: `/subscription/${ada.line.id}/cancel` });
    expect(refused.status).toBe(303);
    expect(refused.location).toBe(`/subscription/${ada.line.id}/cancel?err=portal.confirm.required`);
    const wrong = await b.post(`/subscription/${ada.line.id}/cancel`, { confirm: 'no' });
    expect(wrong.location).toBe(`/subscription/${ada.line.id}/cancel?err=portal.confirm.required`);
    expect((await line()).state).toBe('active');
  });

  it('payment methods: add (code first, card typed after), set default, remove', async () => {
    const list = await b.get('/payment-methods');
    expect(list.status).toBe(200);
    const gate = await b.get('/payment-methods/add');
    expect(gate.body).not.toContain('name="card_number"');
    await b.post('/auth/step-up/start', { action: 'payment_method_add', next: '/payment-methods/add' });
    const code = await lastCode(t, ada.email, 'portal.step_up');
    const verified = await b.post('/auth/step-up', { action: 'payment_method_add', next: '/payment-methods/add', code });
    expect(verified.location).toBe('/payment-methods/add?flash=step_up_done');
    const form = await b.get(verified.location!);
    expect(form.body).toContain('name="card_number"');
    const added = await b.post('/payment-methods/add', { card_number: '5555555555554444', exp_month: '10', exp_year: '2032' });
    expect(added.location).toBe('/payment-methods?flash=card_added');
    const methods = await t.get(PaymentQueries).listMethods(ada.customerId);
    expect(methods).toHaveLength(2);
    const mastercard = methods.find((m) => m.last4 === '4444')!;
    const made = await steppedUp(`/payment-methods/${mastercard.id}/set-default`, {}, '/payment-methods');
    expect(made.location).toBe('/payment-methods?flash=default_changed');
    expect((await t.get(PaymentQueries).defaultMethod(ada.customerId))!.id).toBe(mastercard.id);
    const removed = await steppedUp(`/payment-methods/${ada.card.id}/remove`, {}, '/payment-methods');
    expect(removed.location).toBe('/payment-methods?flash=card_removed');
    expect(await t.get(PaymentQueries).listMethods(ada.customerId)).toHaveLength(1);
  });

  it('a card number typed before the step-up is never stashed: after the code the form is shown again', async () => {
    const first = await b.post('/payment-methods/add', { card_number: '4000056655665556', exp_month: '10', exp_year: '2032' }, { referer: '/payment-methods/add' });
    expect(first.location).toMatch(/^\/auth\/step-up\?action=payment_method_add/);
    const stash = await t.db.query(`select payload_json::text as p from portal_auth.step_up_pending_action order by created_at desc limit 1`);
    expect((stash[0] as { p: string }).p).not.toContain('4000056655665556');
    const verified = await b.stepUp(first.location!, ada.email);
    expect(verified.status).toBe(303);
    expect(verified.location).toBe('/payment-methods/add?flash=step_up_done');
  });

  it('contact: name update (stepped up); email change verified by a code sent to the new address', async () => {
    const renamed = await steppedUp('/profile/contact/name/update', { given_name: 'Ada', family_name: 'Lovelace' }, '/profile/contact');
    expect(renamed.location).toBe('/profile/contact?flash=name_updated');
    expect((await t.get(CustomerQueries).get(ada.customerId)).familyName).toBe('Lovelace');
    const started = await steppedUp('/profile/contact/email/change', { new_email: 'ada.l@example.sg' }, '/profile/contact');
    expect(started.location).toBe('/profile/contact/email/verify?flash=email_change_sent');
    const verifyPage = await b.get(started.location!);
    expect(verifyPage.body).toContain('ada.l@example.sg');
    expect((await t.get(CustomerQueries).get(ada.customerId)).email).toBe('ada@example.sg');
    const code = await lastCode(t, 'ada.l@example.sg', 'portal.email_change');
    const wrong = await b.post('/profile/contact/email/verify', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    const ok = await b.post('/profile/contact/email/verify', { code });
    expect(ok.location).toBe('/profile/contact?flash=email_changed');
    expect((await t.get(CustomerQueries).get(ada.customerId)).email).toBe('ada.l@example.sg');
    ada = { ...ada, email: 'ada.l@example.sg' };
  });

  it('contact: address update is stepped up (address_update), CSRF-checked and refuses any medium but her own postal one with 404', async () => {
    const crm = t.get(CustomerQueries);
    const postalOf = async (customerId: string) => (await crm.get(customerId)).contactMedia.filter((m) => m.mediumType === 'postal');
    const page = await b.get('/profile/contact');
    expect(page.body).toContain('action="/profile/contact/address/update"');
    expect(page.body).toContain('Add address');

    const forged = await b.post('/profile/contact/address/update', { value: '1 Evil Road' }, { csrf: false, referer: '/profile/contact' });
    expect(forged.status).toBe(403);
    const ungated = await b.post('/profile/contact/address/update', { value: '1 Fusionopolis Way' }, { referer: '/profile/contact' });
    expect(ungated.status).toBe(303);
    expect(ungated.location).toBe('/auth/step-up?action=address_update&next=%2Fprofile%2Fcontact');
    expect(await postalOf(ada.customerId)).toHaveLength(0);

    const added = await steppedUp('/profile/contact/address/update', { value: '1 Fusionopolis Way, Singapore 138632' }, '/profile/contact');
    expect(added.location).toBe('/profile/contact?flash=address_updated');
    const [postal] = await postalOf(ada.customerId);
    expect(postal).toMatchObject({ value: '1 Fusionopolis Way, Singapore 138632', isPrimary: true });
    const shown = await b.get('/profile/contact?flash=address_updated');
    expect(shown.body).toContain(`name="cm_id" value="${postal.id}"`);
    expect(shown.body).toContain('value="1 Fusionopolis Way, Singapore 138632"');
    expect(shown.body).toContain('Address updated.');

    const updated = await steppedUp('/profile/contact/address/update', { cm_id: postal.id, value: '2 Science Park Drive' }, '/profile/contact');
    expect(updated.location).toBe('/profile/contact?flash=address_updated');
    expect(await postalOf(ada.customerId)).toEqual([expect.objectContaining({ id: postal.id, value: '2 Science Park Drive' })]);

    const bobsPostal = await t.get(AddContactMediumCommand).execute({ customerId: bob.customerId, mediumType: 'postal', value: '9 Bob Street' });
    const adasPhone = (await crm.get(ada.customerId)).contactMedia.find((m) => m.mediumType === 'phone')!;
    for (const cmId of [bobsPostal.id, adasPhone.id, 'CM-ffffffff', '']) {
      const res = await steppedUp('/profile/contact/address/update', { cm_id: cmId, value: '3 Hijack Lane' }, '/profile/contact');
      expect(res.status).toBe(404);
      expect(res.body).toContain("We couldn't find that.");
    }
    expect((await postalOf(bob.customerId))[0].value).toBe('9 Bob Street');
    expect((await postalOf(ada.customerId))[0].value).toBe('2 Science Park Drive');
    expect((await crm.get(ada.customerId)).contactMedia.find((m) => m.id === adasPhone.id)!.value).toBe(adasPhone.value);
    const audit = (await t.get(IdentityQueries).portalActions({ customerId: ada.customerId })).filter((a) => a.action === 'address_update');
    expect(audit[0]).toMatchObject({ success: false, errorRule: 'policy.ownership.contact_medium_not_owned', stepUpConsumed: true });
    expect(audit.filter((a) => a.success)).toHaveLength(2);
  });

  it('billing history lists the charges; eSIM re-display shows the QR and LPA', async () => {
    const billing = await b.get('/billing/history');
    expect(billing.status).toBe(200);
    expect(billing.body).toContain('New line');
    expect(billing.body).toContain('SGD 25.00');
    const esim = await b.get(`/esim/${ada.line.id}`);
    expect(esim.body).toContain('<svg');
    expect(esim.body).toContain('LPA:1$');
    const png = await t.app.inject({ method: 'GET', url: `/esim/${ada.line.id}/qr.png`, headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('usage history page and fragment', async () => {
    const page = await b.get(`/usage?subscription=${ada.line.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('No usage recorded yet');
    const fragment = await b.get(`/usage?subscription=${ada.line.id}`, { hx: true });
    expect(fragment.body).not.toContain('<html');
  });

  it('a self-care POST without the CSRF token is 403', async () => {
    const res = await b.post('/top-up', { subscription: ada.line.id, vas_offering_id: 'VAS_DATA_1GB' }, { csrf: false });
    expect(res.status).toBe(403);
  });

  it('terminate through the confirm panel (stepped up) ends the line', async () => {
    const done = await steppedUp(`/subscription/${ada.line.id}/cancel`, { confirm: 'yes' }, `/subscription/${ada.line.id}/cancel?step=confirm`);
    expect(done.location).toBe(`/subscription/${ada.line.id}/cancelled`);
    expect((await line()).state).toBe('terminated');
    const page = await b.get(done.location!);
    expect(page.body).toContain('was cancelled');
  });

  it('an identity without a customer sees the empty dashboard and is sent home from customer pages', async () => {
    const c = new TestBrowser(t);
    await c.login('nobody@example.sg');
    expect((await c.get('/')).body).toContain('No lines yet');
    const res = await c.get('/billing/history');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/');
    await t.get(AddPaymentCardCommand).execute({ customerId: bob.customerId, cardNumber: '4242424242424242', expMonth: 1, expYear: 2033 }).catch(() => undefined);
  });
});
