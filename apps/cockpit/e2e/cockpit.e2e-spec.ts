import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createTestCustomer, openTestCase, openTestTicket } from '@bss/crm/testing';
import { formatMsisdn } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { ConversationStore } from '@bss/conversation';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { describeInChromium, serveToBrowser, TestChromium } from '@bss/web/testing';
import { addOperator, createCockpitTestApp, lastCode, type CockpitTestApp } from '#cockpit/testing/cockpit-test-app';

describeInChromium('cockpit in real Chromium', () => {
  let t: CockpitTestApp;
  let browser: TestChromium;
  let base: string;
  let operators = 0;
  const asTest = <T>(fn: () => Promise<T>) => runWithAuth({ actor: 'test', channel: 'cli' }, fn);

  beforeAll(async () => {
    ({ t, base } = await serveToBrowser(() => createCockpitTestApp()));
    browser = await TestChromium.launch({ base, artefacts: 'cockpit-e2e' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh operator (each has its own per-email login budget) signed in through the real forms. */
  async function signedIn(viewport?: { width: number; height: number }, role: 'admin' | 'agent' = 'agent'): Promise<{ page: Page; errors: string[]; email: string }> {
    const email = `op${++operators}@ops.test`;
    await addOperator(t, email, role);
    const { page, errors } = await browser.newPage({ viewport: viewport ?? { width: 1440, height: 900 } });
    await page.goto('/customers');
    await page.waitForURL(/\/auth\/login\?next=%2Fcustomers/);
    await page.fill('input[name=email]', email);
    await page.click('button:has-text("Email me a code")');
    await page.waitForURL(/\/auth\/check-email/);
    await page.fill('input[name=code]', await lastCode(t, email));
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(/\/customers$/);
    return { page, errors, email };
  }

  it('operator sign-in: login page → emailed code → the page asked for, with the operator in the shell', async () => {
    const { page, errors, email } = await signedIn();
    await browser.snap(page, 'signed-in');
    await expect(page.locator('.operator-chip').getAttribute('title')).resolves.toBe(email);
    await page.click('button:has-text("Sign out")');
    await page.waitForURL(/\/auth\/login/);
    await page.goto('/cases');
    await page.waitForURL(/\/auth\/login\?next=%2Fcases/);
    expect(errors).toEqual([]);
  });

  it('search by MSISDN → the customer 360 with balance bars, and panels for orders, cases, cards, contacts', async () => {
    const { subscription, customer } = await asTest(() => createTestLine(t));
    const { page, errors } = await signedIn();
    await page.fill('input[name=q]', formatMsisdn(subscription.msisdn));
    await page.click('button:has-text("Search")');
    await page.waitForURL(/\/customers\?q=/);
    await page.click(`#customer-results a[href="/customers/${customer!.id}"] >> nth=0`);
    await page.waitForURL(`**/customers/${customer!.id}`);
    await expect(page.locator('#panel-lines').innerText()).resolves.toContain(subscription.id);
    await expect(page.locator('#panel-lines [role=meter]').count()).resolves.toBeGreaterThanOrEqual(3);
    for (const panel of ['#panel-orders', '#panel-cases', '#panel-interactions', '#panel-cards', '#panel-kyc', '#panel-contacts']) {
      await expect(page.locator(panel).isVisible()).resolves.toBe(true);
    }
    await browser.snap(page, 'customer-360');
    expect(errors).toEqual([]);
  });

  it('terminate goes through the confirm panel (consequence first), and a POST without confirm=yes changes nothing', async () => {
    const { subscription } = await asTest(() => createTestLine(t));
    const { page, errors } = await signedIn();
    await page.goto(`/subscriptions/${subscription.id}`);

    // The bypass: the same form posted without the panel's confirm=yes is refused with a flash.
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const bypass = await page.request.post(`/subscriptions/${subscription.id}/terminate`, { form: { _csrf: csrf, reason: 'csr_initiated' }, maxRedirects: 0 });
    expect(bypass.status()).toBe(303);
    expect(new URL(bypass.headers().location, base).searchParams.get('err')).toContain('needs the expanded confirm step');
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('active');

    const panel = page.locator('details.crm-danger-form', { has: page.locator('summary', { hasText: 'Terminate line' }) });
    const red = panel.locator('button.btn.danger');
    await expect(red.isVisible()).resolves.toBe(false);
    await panel.locator('summary').click();
    await expect(panel.locator('.consequence').innerText()).resolves.toContain('for good');
    await browser.snap(page, 'terminate-panel');
    await red.click();
    await page.waitForURL(/flash=/);
    await expect(page.locator('.flash.ok').innerText()).resolves.toContain(`Line ${subscription.id} terminated`);
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('terminated');
    expect(errors).toEqual([]);
  });

  it('closing a case with an open ticket flashes the PolicyViolation verbatim, rule id first', async () => {
    const customer = await asTest(() => createTestCustomer(t));
    const kase = await asTest(() => openTestCase(t, customer.id, { subject: 'Roaming does not work' }));
    await asTest(() => openTestTicket(t, { caseId: kase.id }));
    const { page, errors } = await signedIn();
    await page.goto(`/case/${kase.id}`);
    const panel = page.locator('details.crm-danger-form', { has: page.locator('summary', { hasText: 'Close case' }) });
    await panel.locator('summary').click();
    await panel.locator('input[name=resolution_code]').fill('fixed');
    await panel.locator('button.btn.danger').click();
    await page.waitForURL(/err=/);
    const flash = await page.locator('.flash.err').innerText();
    expect(flash).toMatch(/^case\.close\.requires_all_tickets_resolved: /);
    await browser.snap(page, 'case-close-refused');
    expect(errors).toEqual([]);
  });

  it('the 360 holds at 1024×768 and 1440×900: no sideways scroll, only the main pane scrolls', async () => {
    const { customer } = await asTest(() => createTestLine(t));
    for (const viewport of [{ width: 1024, height: 768 }, { width: 1440, height: 900 }]) {
      const { page, errors } = await signedIn(viewport);
      await page.goto(`/customers/${customer!.id}`);
      const metrics = await page.evaluate(() => ({
        docWidth: document.documentElement.scrollWidth,
        bodyHeight: document.body.getBoundingClientRect().height,
        mainScrolls: getComputedStyle(document.querySelector('.shell-main')!).overflowY,
      }));
      expect(metrics.docWidth).toBeLessThanOrEqual(viewport.width);
      expect(Math.round(metrics.bodyHeight)).toBe(viewport.height);
      expect(metrics.mainScrolls).toBe('auto');
      await browser.snap(page, `customer-360-${viewport.width}x${viewport.height}`);
      expect(errors).toEqual([]);
    }
  });
  /** A scripted model: "terminate <line>" proposes subscription.terminate (tools run for real). */
  function fixtureModel(subscriptionId: string): void {
    const path = join(mkdtempSync(join(tmpdir(), 'cockpit-e2e-fixture-')), 'fixture.json');
    writeFileSync(path, JSON.stringify({ responses: [{ match: 'terminate', steps: [{ tool_calls: [{ name: 'subscription.terminate', args: { subscriptionId, reason: 'csr_initiated' } }] }, { content: 'Staging it.' }] }] }));
    process.env.BSS_LLM_PROVIDER = 'fixture';
    process.env.BSS_LLM_FIXTURE_PATH = path;
  }

  it('a conversation that proposes a termination does nothing until /confirm, then executes it', async () => {
    const { subscription } = await asTest(() => createTestLine(t));
    fixtureModel(subscription.id);
    const { page, errors } = await signedIn();
    await page.goto('/');
    await page.click('button:has-text("New conversation") >> nth=-1');
    await page.waitForURL(/\/cockpit\/SES-/);
    await page.fill('#compose-input', `please terminate ${subscription.id}`);
    await page.press('#compose-input', 'Enter');
    await page.waitForSelector('#pending');
    await expect(page.locator('#pending').innerText()).resolves.toContain('subscription.terminate');
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('active');
    await browser.snap(page, 'conversation-proposal');
    await page.click('#pending button:has-text("/confirm")');
    await page.waitForSelector('.bubble.assistant:has-text("Executed subscription.terminate")');
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('terminated');
    await browser.snap(page, 'conversation-executed');
    expect(errors).toEqual([]);
  });

  it('"Ask the agent" opens a focused conversation with the request drafted, and nothing is sent', async () => {
    const customer = await asTest(() => createTestCustomer(t));
    const { page, errors } = await signedIn();
    await page.goto(`/customers/${customer.id}`);
    await page.click('button:has-text("Ask the agent")');
    await page.waitForURL(/\/cockpit\/SES-.*\?draft=/);
    await expect(page.locator('#compose-input').inputValue()).resolves.toBe(`About customer ${customer.id}: `);
    const id = new URL(page.url()).pathname.split('/')[2];
    expect(await t.get(ConversationStore).listMessages(id)).toEqual([]);
    await expect(page.locator('.bubble').count()).resolves.toBe(0);
    expect((await t.get(ConversationStore).get(id)).customerFocus).toBe(customer.id);
    expect(errors).toEqual([]);
  });

  it('iPad with the on-screen keyboard open: the shell follows visualViewport and the compose box stays visible', async () => {
    const ipad = { width: 820, height: 1180 };
    const keyboard = 420;
    const email = `op${++operators}@ops.test`;
    await addOperator(t, email);
    const { context, page, errors } = await browser.newPage({ viewport: ipad, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    // Headless Chromium has no on-screen keyboard: stand in a visualViewport the test controls, as
    // iPadOS Safari reports it (the layout viewport keeps its height, the visual one shrinks).
    await context.addInitScript(() => {
      const fake = new EventTarget() as EventTarget & { height: number; width: number; offsetTop: number };
      fake.height = window.innerHeight;
      fake.width = window.innerWidth;
      fake.offsetTop = 0;
      Object.defineProperty(window, 'visualViewport', { value: fake, configurable: true });
      (window as unknown as { openKeyboard: (px: number) => void }).openKeyboard = (px: number) => {
        fake.height = window.innerHeight - px;
        fake.dispatchEvent(new Event('resize'));
      };
    });
    await page.goto('/auth/login');
    await page.fill('input[name=email]', email);
    await page.click('button:has-text("Email me a code")');
    await page.waitForURL(/\/auth\/check-email/);
    await page.fill('input[name=code]', await lastCode(t, email));
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(/\/$/);
    await page.click('button:has-text("New conversation") >> nth=-1');
    await page.waitForURL(/\/cockpit\/SES-/);
    await page.tap('#compose-input');
    await page.evaluate((px) => (window as unknown as { openKeyboard: (px: number) => void }).openKeyboard(px), keyboard);
    await page.waitForFunction((h) => document.documentElement.style.getPropertyValue('--app-height') === `${h}px`, ipad.height - keyboard);
    const box = await page.locator('#compose').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(ipad.height - keyboard);
    await browser.snap(page, 'ipad-keyboard-open');
    expect(errors).toEqual([]);
    await context.close();
  });
});
