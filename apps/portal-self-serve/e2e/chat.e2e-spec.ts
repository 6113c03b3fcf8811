import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CaseQueries } from '@bss/crm';
import { formatQuantity, projectRoot } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { startChatAgent, type ChatAgentUnderTest } from '#portal-self-serve/testing/chat-agent';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, lastCode, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

const CHROMIUM = '/usr/bin/chromium';
const ARTEFACTS = join(projectRoot(), 'test-artefacts', 'chat-e2e');
const hasChromium = existsSync(CHROMIUM);
const run = promisify(execFile);

(hasChromium ? describe : describe.skip)('customer chat in real Chromium (portal → chat-agent over HTTP)', () => {
  let t: PortalTestApp;
  let agent: ChatAgentUnderTest;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    process.env.BSS_PORTAL_DEV_INSECURE_COOKIE = '1';
    t = await createPortalTestApp({ workers: true });
    delete process.env.BSS_PORTAL_DEV_INSECURE_COOKIE;
    agent = await startChatAgent(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    mkdirSync(ARTEFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.close();
    await t?.close();
  });

  async function signedIn(email: string): Promise<{ page: Page; errors: string[]; cust: CustomerWithLine }> {
    const cust = await customerWithLine(t, email);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, baseURL: base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
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
    await page.click(button);
    await swapped;
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
    await page.screenshot({ path: join(ARTEFACTS, '01-balance.png') });

    const proposal = await ask(page, 'top up 1 GB');
    expect(proposal).toMatch(/VAS_DATA_1GB/);
    expect(proposal).toMatch(/Press Confirm/);
    // Nothing moved yet: the proposal is only a proposal.
    expect((await t.get(SubscriptionQueries).listVasPurchases(cust.line.id)).length).toBe(0);
    expect(await send(page, '#chat-confirm')).toMatch(/top-up is active/);
    await page.screenshot({ path: join(ARTEFACTS, '02-topped-up.png') });

    const after = (await t.get(SubscriptionQueries).get(cust.line.id)).balances.find((b) => b.allowanceType === 'data')!;
    expect(after.remaining).toBeGreaterThan(data.remaining);
    await page.goto('/');
    expect(await page.textContent(`#line-${cust.line.id}`)).toContain(formatQuantity(after.remaining, after.unit));
    await page.screenshot({ path: join(ARTEFACTS, '03-dashboard.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  it('escalates a fraud report; the case and its verified transcript show in bss case show', async () => {
    const { page, errors, cust } = await signedIn('chat.e2e.fraud@example.sg');
    await page.click('#chat-fab');
    await page.waitForSelector('#chat-widget');
    const reply = await ask(page, 'someone stole my phone and is using my line, this is fraud');
    const caseId = /CASE-[0-9a-f]{8}/.exec(reply)?.[0];
    expect(caseId).toBeDefined();
    await page.screenshot({ path: join(ARTEFACTS, '04-fraud.png') });
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
