import type { Page } from 'playwright-core';
import { SubscriptionQueries } from '@bss/subscription';
import { formatMsisdn } from '@bss/platform';
import { describeInChromium, serveToBrowser, TestChromium } from '@bss/web/testing';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, lastCode, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

describeInChromium('portal in real Chromium', () => {
  let t: PortalTestApp;
  let browser: TestChromium;
  let base: string;

  beforeAll(async () => {
    ({ t, base } = await serveToBrowser(() => createPortalTestApp({ workers: true })));
    browser = await TestChromium.launch({ base, artefacts: 'portal-e2e' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const snap = (page: Page, name: string) => browser.snap(page, name, { fullPage: true });
  const newPage = () => browser.newPage({ viewport: { width: 390, height: 844 } });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.fill('input[name=email]', email);
    await page.click('button:has-text("Email me a code")');
    await page.waitForURL(/\/auth\/check-email/);
    await page.fill('input[name=code]', await lastCode(t, email, 'portal.login'));
    await page.click('button:has-text("Sign in")');
  }

  async function confirmStepUp(page: Page, email: string, name: string): Promise<void> {
    await page.waitForURL(/\/auth\/step-up/);
    await snap(page, `${name}-step-up`);
    await page.click('button:has-text("Email me a code")');
    await page.waitForURL(/sent=1/);
    await page.fill('input[name=code]', await lastCode(t, email, 'portal.step_up'));
    await page.click('button:has-text("Confirm")');
  }

  it('signup golden path: plans → login → number → details → KYC → card → order → activation → eSIM', async () => {
    const { page, errors } = await newPage();
    await page.goto('/welcome');
    await snap(page, 'welcome');
    await page.click('#welcome-primary');
    await page.waitForURL(/\/plans$/);
    await snap(page, 'plans');
    await page.click('#plan-PLAN_M a:has-text("Choose")');
    await page.waitForURL(/\/auth\/login/);
    await snap(page, 'login');
    await signIn(page, 'e2e.signup@example.sg');
    await page.waitForURL(/\/signup\/start\?plan=PLAN_M/);
    await page.click('button:has-text("Start signup")');
    await page.waitForURL(/\/number$/);
    await snap(page, 'signup-number');
    await page.fill('input[name=prefix]', '9000001');
    await page.click('button:has-text("Search")');
    // The unfiltered first page can already hold numbers starting 9000001, so wait until HTMX has swapped in a
    // list where every number matches, then tick the one we assert on rather than trusting the default.
    await page.waitForFunction(() => {
      const values = [...document.querySelectorAll<HTMLInputElement>('#number-list input[name=msisdn]')].map((input) => input.value);
      return values.length > 0 && values.every((value) => value.startsWith('9000001'));
    });
    const picked = await page.locator('#number-list input[name=msisdn]').first().getAttribute('value');
    await page.check(`#number-list input[value="${picked}"]`);
    await page.click('button:has-text("Continue")');
    await page.waitForURL(/\/details$/);
    await page.fill('input[name=given_name]', 'Eve');
    await page.fill('input[name=family_name]', 'Tan');
    await page.fill('input[name=phone]', '+6591112222');
    await snap(page, 'signup-details');
    await page.click('button:has-text("Continue")');
    await page.waitForURL(/\/kyc$/);
    await page.selectOption('select[name=document_type]', 'passport');
    await page.fill('input[name=document_number]', 'E7654321');
    await page.fill('input[name=date_of_birth]', '1991-02-03');
    await snap(page, 'signup-kyc');
    await page.click('button:has-text("Verify")');
    await page.waitForURL(/\/card$/);
    await page.fill('input[name=card_number]', '4242 4242 4242 4242');
    await page.fill('input[name=exp_month]', '12');
    await page.fill('input[name=exp_year]', '2031');
    await snap(page, 'signup-card');
    await page.click('button:has-text("Save card")');
    await page.waitForURL(/\/review$/);
    await snap(page, 'signup-review');
    await page.click('button:has-text("Place order")');
    await page.waitForURL(/\/progress$/);
    await snap(page, 'signup-progress');
    // HTMX polls the progress fragment and finally navigates by HX-Redirect.
    await page.waitForURL(/\/esim$/, { timeout: 60_000 });
    await page.waitForSelector('.qr svg');
    expect(await page.textContent('.lpa')).toMatch(/^LPA:1\$smdp\.bss-cli\.local\$/);
    expect(await page.textContent('body')).toContain(formatMsisdn(picked!));
    await snap(page, 'signup-esim');
    expect(errors).toEqual([]);
  }, 120_000);

  describe('an existing customer', () => {
    let cust: CustomerWithLine;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      cust = await customerWithLine(t, 'e2e.customer@example.sg');
      ({ page, errors } = await newPage());
      await page.goto('/auth/login');
      await signIn(page, cust.email);
      await page.waitForURL(`${base}/`);
    }, 120_000);

    afterEach(() => expect(errors).toEqual([]));

    it('login + step-up + VAS top-up', async () => {
      await snap(page, 'dashboard');
      await page.click(`#line-${cust.line.id} a:has-text("Top up")`);
      await page.waitForURL(/\/top-up\?/);
      await page.check('input[value=VAS_DATA_1GB]');
      await snap(page, 'top-up');
      await page.click('button:has-text("Buy top-up")');
      await confirmStepUp(page, cust.email, 'top-up');
      // The replay page re-posts the stashed form by itself.
      await page.waitForURL(/\/top-up\/success/);
      await snap(page, 'top-up-success');
      const data = (await t.get(SubscriptionQueries).get(cust.line.id)).balances.find((b) => b.allowanceType === 'data')!;
      expect(data.total).toBe(30720 + 1024);
    }, 60_000);

    it('plan change: schedule, then cancel from the dashboard', async () => {
      await page.goto('/');
      await page.click(`#line-${cust.line.id} a:has-text("Switch plan")`);
      await page.waitForURL(/\/plan\/change\?/);
      await page.check('input[value=PLAN_L]');
      await snap(page, 'plan-change');
      await page.click('button:has-text("Schedule the switch")');
      await confirmStepUp(page, cust.email, 'plan-change');
      await page.waitForURL(/\/plan\/change\/scheduled/);
      await snap(page, 'plan-change-scheduled');
      expect((await t.get(SubscriptionQueries).get(cust.line.id)).pendingOfferingId).toBe('PLAN_L');
      await page.goto('/');
      await page.click('button:has-text("Cancel the switch")');
      await confirmStepUp(page, cust.email, 'plan-change-cancel');
      await page.waitForURL(/flash=plan_change_cancelled/);
      await snap(page, 'plan-change-cancelled');
      expect((await t.get(SubscriptionQueries).get(cust.line.id)).pendingOfferingId).toBeNull();
    }, 60_000);

    it('terminate through the two-step confirm panel', async () => {
      await page.goto('/');
      await page.click(`#line-${cust.line.id} a:has-text("Cancel line")`);
      await page.waitForURL(/\/cancel$/);
      await snap(page, 'terminate-what-you-lose');
      await page.click('a:has-text("I understand, continue")');
      // HTMX swaps the confirm panel in place (no navigation).
      await page.waitForSelector('#confirm-panel button:has-text("Yes, cancel this line")');
      expect(page.url()).toMatch(/\/cancel$/);
      await snap(page, 'terminate-confirm-panel');
      await page.click('#confirm-panel button:has-text("Yes, cancel this line")');
      await confirmStepUp(page, cust.email, 'terminate');
      await page.waitForURL(/\/cancelled$/);
      await snap(page, 'terminate-done');
      expect((await t.get(SubscriptionQueries).get(cust.line.id)).state).toBe('terminated');
    }, 60_000);
  });
});
