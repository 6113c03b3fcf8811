import { randomUUID } from 'node:crypto';
import { CustomerQueries } from '@bss/crm';
import { IdentityQueries } from '@bss/identity';
import { KycDecisionQueries, signDiditBody } from '@bss/signup';
import { createPortalTestApp, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

const SECRET = 'didit-webhook-test-secret-0123456789';
const VERIFY_URL = 'https://verify.didit.test/session';

describe('signup KYC through a Didit handoff (BSS_KYC_PROVIDER=didit)', () => {
  let t: PortalTestApp;
  let ts = 1_800_000_000;

  beforeAll(async () => {
    process.env.BSS_KYC_PROVIDER = 'didit';
    process.env.BSS_KYC_DIDIT_VERIFY_URL = `${VERIFY_URL}/`;
    process.env.BSS_KYC_DIDIT_WEBHOOK_SECRET = SECRET;
    t = await createPortalTestApp();
    delete process.env.BSS_KYC_PROVIDER;
    delete process.env.BSS_KYC_DIDIT_VERIFY_URL;
    delete process.env.BSS_KYC_DIDIT_WEBHOOK_SECRET;
  });
  afterAll(() => t.close());

  function decision(sessionId: string, status: string, extra: Record<string, unknown> = {}) {
    return {
      session_id: sessionId,
      status,
      webhook_type: 'status.updated',
      timestamp: ++ts,
      vendor_data: 'signup',
      decision: { id_verification: { document_type: 'Passport', document_number: 'K9876543Z', issuing_state: 'SGP', date_of_birth: '1991-02-03' } },
      ...extra,
    };
  }

  async function webhook(body: unknown, signature: string | null = 'sign') {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-signature-v2'] = signature === 'sign' ? signDiditBody(raw, SECRET) : signature;
    return t.app.inject({ method: 'POST', url: '/webhooks/didit', headers, payload: raw });
  }

  /** Login, plan, number and details: the journey stands at the KYC step. */
  async function atKyc(email: string): Promise<{ b: TestBrowser; id: string }> {
    const b = new TestBrowser(t);
    await b.login(email);
    await b.get('/plans');
    const started = await b.post('/signup', { offering_id: 'PLAN_M' });
    const id = /^\/signup\/(SGN-[0-9a-f]{16})\//.exec(started.location!)![1];
    const numbers = await b.get(`/signup/${id}/number`);
    await b.post(`/signup/${id}/number`, { msisdn: /name="msisdn" value="(\d+)"/.exec(numbers.body)![1] });
    const res = await b.post(`/signup/${id}/details`, { given_name: 'Dee', family_name: 'Dit', phone: '+6591230000' });
    expect(res.location).toBe(`/signup/${id}/kyc`);
    return { b, id };
  }

  async function handOff(b: TestBrowser, id: string): Promise<string> {
    const page = await b.get(`/signup/${id}/kyc`);
    expect(page.body).toContain('Verify with Didit');
    const res = await b.post(`/signup/${id}/kyc`);
    expect(res.location).toBe(`/signup/${id}/kyc`);
    const waiting = await b.get(`/signup/${id}/kyc`);
    const sessionId = new RegExp(`${VERIFY_URL.replace(/\./g, '\\.')}/([0-9a-f-]{36})`).exec(waiting.body)![1];
    expect(waiting.body).toContain('<svg');
    return sessionId;
  }

  it('a badly-signed, tampered or unsigned webhook is 401 and stores nothing', async () => {
    const sessionId = randomUUID();
    const body = JSON.stringify(decision(sessionId, 'Approved'));
    expect((await webhook(body, signDiditBody(body, 'some-other-secret-entirely'))).statusCode).toBe(401);
    expect((await webhook(body.replace('Approved', 'Declined'), signDiditBody(body, SECRET))).statusCode).toBe(401);
    expect((await webhook(body, null)).statusCode).toBe(401);
    expect((await webhook(body, 'not-hex')).statusCode).toBe(401);
    expect(await t.get(KycDecisionQueries).forSession(sessionId)).toBeNull();
  });

  it('a signed webhook is stored once per event, keeps the latest decision per session and never the document number', async () => {
    const sessionId = randomUUID();
    const review = decision(sessionId, 'In Review', { event_id: 'evt-review-1' });
    const first = await webhook(review);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    expect((await webhook(review)).json()).toEqual({ received: true, duplicate: true });
    expect((await webhook(decision(sessionId, 'Approved'))).statusCode).toBe(200);
    // An older event delivered late does not overwrite the newer decision.
    expect((await webhook(decision(sessionId, 'Declined', { timestamp: ts - 10 }))).statusCode).toBe(200);
    const stored = await t.get(KycDecisionQueries).forSession(sessionId);
    expect(stored).toMatchObject({ status: 'Approved', documentType: 'passport', documentLast4: '543Z', documentCountry: 'SG', dateOfBirth: '1991-02-03' });
    expect(stored!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await t.db.query<Record<string, unknown>>(`select * from portal_auth.kyc_webhook_decision where session_id = $1`, [sessionId]);
    expect(JSON.stringify(row)).not.toContain('K9876543Z');
  });

  it('happy path: handoff shows the verify URL and polls; Approved attests via didit with the webhook as corroboration', async () => {
    const { b, id } = await atKyc('didit-happy@example.sg');
    const sessionId = await handOff(b, id);
    const pending = await b.get(`/signup/${id}/kyc/poll`, { hx: true });
    expect(pending.body).not.toContain('<html');
    expect(pending.body).toContain('hx-trigger="load delay:3s"');
    expect(pending.body).toContain(`${VERIFY_URL}/${sessionId}`);
    // Nothing approved yet: completing is refused and nothing is attested.
    const early = await b.post(`/signup/${id}/kyc/complete`, {}, { referer: `/signup/${id}/kyc` });
    expect(early.location).toBe(`/signup/${id}/kyc?err=signup.kyc_handoff.approved`);
    // Handing off again while Didit is still deciding keeps the same session.
    await b.post(`/signup/${id}/kyc`);
    expect((await b.get(`/signup/${id}/kyc`)).body).toContain(`${VERIFY_URL}/${sessionId}`);

    expect((await webhook(decision(sessionId, 'Approved', { vendor_data: id }))).statusCode).toBe(200);
    const approved = await b.get(`/signup/${id}/kyc/poll`, { hx: true });
    expect(approved.body).toContain(`hx-post="/signup/${id}/kyc/complete"`);
    expect(approved.body).toContain('hx-trigger="load"');
    const done = await b.post(`/signup/${id}/kyc/complete`);
    expect(done.location).toBe(`/signup/${id}/card`);
    const identity = await t.get(IdentityQueries).findByEmail('didit-happy@example.sg');
    const customer = await t.get(CustomerQueries).get(identity!.customerId!);
    expect(customer.kycStatus).toBe('verified');
    const [attested] = await t.db.query<{ verified_by: string; corroboration_id: string; provider_reference: string; document_last4: string }>(
      `select verified_by, corroboration_id, provider_reference, document_last4 from crm.customer_identity where customer_id = $1`,
      [customer.id],
    );
    const stored = await t.get(KycDecisionQueries).forSession(sessionId);
    expect(attested).toEqual({ verified_by: 'didit', corroboration_id: stored!.eventId, provider_reference: sessionId, document_last4: '543Z' });
    // The auto-submit firing twice changes nothing.
    expect((await b.post(`/signup/${id}/kyc/complete`)).location).toBe(`/signup/${id}/card`);
  });

  it('Declined (or Expired) shows the failure and a fresh start; an Approved older than 30 minutes does not corroborate', async () => {
    const { b, id } = await atKyc('didit-declined@example.sg');
    const first = await handOff(b, id);
    await webhook(decision(first, 'Declined'));
    const failed = await b.get(`/signup/${id}/kyc/poll`, { hx: true });
    expect(failed.body).toContain('could not verify you (declined)');
    expect(failed.body).not.toContain('hx-trigger');
    expect((await b.post(`/signup/${id}/kyc/complete`, {}, { referer: `/signup/${id}/kyc` })).location).toBe(`/signup/${id}/kyc?err=signup.kyc_handoff.approved`);

    await b.post(`/signup/${id}/kyc`);
    const second = /verify\.didit\.test\/session\/([0-9a-f-]{36})/.exec((await b.get(`/signup/${id}/kyc`)).body)![1];
    expect(second).not.toBe(first);
    await webhook(decision(second, 'Expired'));
    expect((await b.get(`/signup/${id}/kyc/poll`, { hx: true })).body).toContain('(expired)');

    await b.post(`/signup/${id}/kyc`);
    const third = /verify\.didit\.test\/session\/([0-9a-f-]{36})/.exec((await b.get(`/signup/${id}/kyc`)).body)![1];
    await webhook(decision(third, 'Approved'));
    await t.clock.advance('31m');
    const stale = await b.post(`/signup/${id}/kyc/complete`, {}, { referer: `/signup/${id}/kyc` });
    expect(stale.location).toBe(`/signup/${id}/kyc?err=customer.attest_kyc.attestation_signature_valid`);
    const identity = await t.get(IdentityQueries).findByEmail('didit-declined@example.sg');
    expect((await t.get(CustomerQueries).get(identity!.customerId!)).kycStatus).not.toBe('verified');
  });
});
