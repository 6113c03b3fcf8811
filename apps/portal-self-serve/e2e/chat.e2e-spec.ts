import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { CaseQueries } from '@bss/crm';
import { formatQuantity, projectRoot } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { describeInChromium, serveToBrowser, TestChromium } from '@bss/web/testing';
import { startChatAgent, type ChatAgentUnderTest } from '#portal-self-serve/testing/chat-agent';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, lastCode, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

const run = promisify(execFile);

describeInChromium('customer chat in real Chromium (portal → chat-agent over HTTP)', () => {
  let t: PortalTestApp;
  let agent: ChatAgentUnderTest;
  let browser: TestChromium;
  let base: string;

  beforeAll(async () => {
    ({ t, base } = await serveToBrowser(() => createPortalTestApp({ workers: true })));
    agent = await startChatAgent(t);
    browser = await TestChromium.launch({ base, artefacts: 'chat-e2e' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.close();
    await t?.close();
  });

  async function signedIn(email: string): Promise<{ page: Page; errors: string[]; cust: CustomerWithLine }> {
    const cust = await customerWithLine(t, email);
    const { page, errors } = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto('/auth/login');
    await page.fill('input[name=email]', email);
    await page.click('button:has-text("Email me a code")');
    await page.waitForURL(/\/auth\/check-email/);
    await page.fill('input[name=code]', await lastCode(t, email, 'portal.login'));
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${base}/`);
    return { page, errors, cust };
  }

  /** Types into the widget and waits for this turn's final reply (the SSE `message` frame). */
  async function ask(page: Page, text: string): Promise<string> {
    await page.fill('#chat-input', text);
    return send(page, '#chat-form button[type=submit]');
  }

  /** Submits a widget form; the answer swaps in a fresh widget whose live block streams this turn only. */
  async function send(page: Page, button: string): Promise<string> {
    const swapped = page.waitForResponse((r) => r.url().endsWith('/chat/message') && r.request().method() === 'POST');
    // HTMX swaps the answer in after the response arrives: until the old widget is gone, its
    // `.chat-final` is still the previous turn's (a loaded CI run read the proposal back).
    const previous = await page.$('#chat-widget');
    await page.click(button);
    await swapped;
    if (previous) await page.waitForFunction((widget) => !widget.isConnected, previous);
    const final = page.locator('.chat-live .chat-final');
    await final.waitFor({ timeout: 30_000 });
    return (await final.textContent()) ?? '';
  }

  it('asks how much data is left and sees the figure; tops up 1 GB with Confirm; the dashboard shows the new balance', async () => {
    const { page, errors, cust } = await signedIn('chat.e2e.topup@example.sg');
    await page.click('#chat-fab');
    await page.waitForSelector('#chat-widget');
    const data = (await t.get(SubscriptionQueries).get(cust.line.id)).balances.find((b) => b.allowanceType === 'data')!;

    const answer = await ask(page, 'how much data do I have left');
    expect(answer).toContain(formatQuantity(data.remaining, data.unit));
    expect(await page.locator('.chat-pill').allTextContents()).toContain('Checked your balance');
    await browser.snap(page, 'balance');

    const proposal = await ask(page, 'top up 1 GB');
    expect(proposal).toMatch(/VAS_DATA_1GB/);
    expect(proposal).toMatch(/Press Confirm/);
    // Nothing moved yet: the proposal is only a proposal.
    expect((await t.get(SubscriptionQueries).listVasPurchases(cust.line.id)).length).toBe(0);
    expect(await send(page, '#chat-confirm')).toMatch(/top-up is active/);
    await browser.snap(page, 'topped-up');

    const after = (await t.get(SubscriptionQueries).get(cust.line.id)).balances.find((b) => b.allowanceType === 'data')!;
    expect(after.remaining).toBeGreaterThan(data.remaining);
    await page.goto('/');
    expect(await page.textContent(`#line-${cust.line.id}`)).toContain(formatQuantity(after.remaining, after.unit));
    await browser.snap(page, 'dashboard');
    expect(errors).toEqual([]);
  }, 120_000);

  it('escalates a fraud report; the case and its verified transcript show in bss case show', async () => {
    const { page, errors, cust } = await signedIn('chat.e2e.fraud@example.sg');
    await page.click('#chat-fab');
    await page.waitForSelector('#chat-widget');
    const reply = await ask(page, 'someone stole my phone and is using my line, this is fraud');
    const caseId = /CASE-[0-9a-f]{8}/.exec(reply)?.[0];
    expect(caseId).toBeDefined();
    await browser.snap(page, 'fraud');
    const kase = await t.get(CaseQueries).get(caseId!);
    expect(kase).toMatchObject({ customerId: cust.customerId, category: 'account', priority: 'high' });

    const cli = await run(process.execPath, [join(projectRoot(), 'apps', 'bss', 'bin', 'run.js'), 'case', 'show', caseId!], {
      env: { ...process.env, BSS_DB_URL: t.url },
    });
    expect(cli.stdout).toContain(`── Chat transcript  sha256 ${kase.chatTranscriptHash}  [verified]`);
    expect(cli.stdout).toContain('User: someone stole my phone and is using my line, this is fraud');
    expect(errors).toEqual([]);
  }, 120_000);
});
