import { SchedulePlanChangeCommand, VasSubscriptionCommand } from '@bss/subscription';
import { formatMsisdn } from '@bss/web';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

/** The visible text of an HTML page, tags dropped, so assertions read what a person reads. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Text shown by a pdfkit PDF (uncompressed): its TJ strings are hex-encoded glyph runs. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => Buffer.from(m[1], 'hex').toString('latin1')).join('');
}

describe('billing, receipts and one way to show a line', () => {
  let t: PortalTestApp;
  let ada: CustomerWithLine;
  let bob: CustomerWithLine;
  let b: TestBrowser;

  beforeAll(async () => {
    t = await createPortalTestApp();
    ada = await customerWithLine(t, 'ada.receipts@example.sg');
    bob = await customerWithLine(t, 'bob.receipts@example.sg', 'PLAN_S');
    await t.get(VasSubscriptionCommand).execute({ subscriptionId: ada.line.id, vasOfferingId: 'VAS_DATA_1GB' });
    b = new TestBrowser(t);
    await b.login(ada.email);
  });
  afterAll(() => t.close());

  // #16.11
  it('the billing page says what a customer says: no "vas", no lowercase "mb"', async () => {
    const page = await b.get('/billing/history');
    expect(page.status).toBe(200);
    const text = visibleText(page.body);
    expect(text).not.toMatch(/\bvas\b/i);
    expect(text).not.toMatch(/\bmb\b/);
    expect(text).toContain('Top-up');
    expect(text).toContain('New line');
    expect(text).toContain('Paid');
  });

  // #16.11
  it('the dashboard groups the number and shows the topped-up data as "31 GB", never "31744"', async () => {
    const text = visibleText((await b.get('/')).body);
    expect(text).toContain(formatMsisdn(ada.line.msisdn));
    expect(formatMsisdn(ada.line.msisdn)).toMatch(/^\d{4} \d{4}$/);
    expect(text).toContain('31 GB left of 31 GB');
    expect(text).not.toMatch(/31744|\bmb\b/);
    expect(text).toMatch(/Renews in 30 days/);
  });

  // #16.13
  it('each paid charge opens its receipt page and PDF from billing history', async () => {
    const history = await b.get('/billing/history');
    const ids = [...history.body.matchAll(/href="\/billing\/receipts\/(PAY-\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(history.body).toContain(`href="/billing/receipts/${id}/receipt.pdf"`);

    const page = await b.get(`/billing/receipts/${ids[1]}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain(ids[1]);
    expect(text).toContain('SGD 25.00');
    expect(text).toContain('New line');
    expect(text).toContain(`•••• ${ada.card.last4}`);

    const pdf = await t.app.inject({ method: 'GET', url: `/billing/receipts/${ids[1]}/receipt.pdf`, headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="receipt-${ids[1]}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const shown = pdfText(pdf.rawPayload);
    expect(shown).toContain('SGD 25.00');
    expect(shown).toContain(ids[1]);
  });

  // #16.13
  it("another customer's receipt is a 404 that reveals nothing, page and PDF alike", async () => {
    const bobs = new TestBrowser(t);
    await bobs.login(bob.email);
    const bobsId = /href="\/billing\/receipts\/(PAY-\d+)"/.exec((await bobs.get('/billing/history')).body)![1];
    const foreign = await b.get(`/billing/receipts/${bobsId}`);
    const unknown = await b.get('/billing/receipts/PAY-999999');
    const garbage = await b.get('/billing/receipts/..%2F..%2Fetc');
    expect([foreign.status, unknown.status, garbage.status]).toEqual([404, 404, 404]);
    expect(foreign.body).not.toContain(bobsId);
    expect(foreign.body).not.toContain('SGD 10.00');
    expect(visibleText(foreign.body)).toEqual(visibleText(unknown.body).replace('PAY-999999', bobsId));
    expect((await b.get(`/billing/receipts/${bobsId}/receipt.pdf`)).status).toBe(404);
  });

  // #16.9
  it('with a switch already scheduled, every option and the button are disabled', async () => {
    const before = await b.get(`/plan/change?subscription=${ada.line.id}`);
    expect(before.body).toMatch(/value="PLAN_L" required/);
    expect(before.body).toMatch(/<button class="btn" type="submit">Schedule the switch/);
    await t.get(SchedulePlanChangeCommand).execute({ subscriptionId: ada.line.id, offeringId: 'PLAN_L' });
    const page = await b.get(`/plan/change?subscription=${ada.line.id}`);
    expect(page.status).toBe(200);
    const radios = [...page.body.matchAll(/<input type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(3);
    for (const radio of radios) expect(radio).toContain(' disabled');
    expect(page.body).toMatch(/<button class="btn" type="submit" disabled>Schedule the switch/);
    expect(page.body).toContain('<fieldset class="plain" disabled>');
    expect(visibleText(page.body)).toContain('A switch to Max is already scheduled');
  });
});
