import type { BrowserContext, Page } from 'playwright-core';
import { describeInChromium, serveToBrowser, TestChromium } from '@bss/web/testing';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, lastCode, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

// Layout checks in real Chromium (#16.9, #16.12): geometry, never pixels.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each plan card's parts as boxes relative to the card's own top-left corner. */
interface CardGeometry {
  card: Box;
  parts: Record<string, Box>;
}

async function cardGeometry(page: Page): Promise<Record<string, CardGeometry>> {
  return page.$$eval('article.card.plan', (cards) => {
    const out: Record<string, { card: Box; parts: Record<string, Box> }> = {};
    for (const card of cards) {
      const c = card.getBoundingClientRect();
      const rel = (el: Element): Box => {
        const r = el.getBoundingClientRect();
        return { x: r.left - c.left, y: r.top - c.top, width: r.width, height: r.height };
      };
      const parts: Record<string, Box> = {};
      parts.name = rel(card.querySelector('.plan-name')!);
      parts.price = rel(card.querySelector('.plan-price')!);
      card.querySelectorAll('.allowances li').forEach((li, i) => {
        parts[`row${i}`] = rel(li);
        parts[`row${i}.label`] = rel(li.querySelector('.label')!);
        parts[`row${i}.value`] = rel(li.querySelector('.value')!);
      });
      out[card.id] = { card: { x: 0, y: 0, width: c.width, height: c.height }, parts };
    }
    return out;
  });
}

async function hasHorizontalScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

function expectClose(actual: Box, expected: Box, what: string): void {
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    if (Math.abs(actual[k] - expected[k]) > 1) throw new Error(`${what}.${k}: ${actual[k]} vs /plans ${expected[k]}`);
  }
}

describeInChromium('portal layout in real Chromium', () => {
  let t: PortalTestApp;
  let browser: TestChromium;
  let base: string;
  let cust: CustomerWithLine;

  beforeAll(async () => {
    ({ t, base } = await serveToBrowser(() => createPortalTestApp()));
    cust = await customerWithLine(t, 'layout.e2e@example.sg');
    browser = await TestChromium.launch({ base, artefacts: 'portal-layout' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await browser.newPage({ viewport });
    await page.goto('/auth/login');
    await page.fill('input[name=email]', cust.email);
    await page.click('button:has-text("Email me a code")');
    await page.waitForURL(/\/auth\/check-email/);
    await page.fill('input[name=code]', await lastCode(t, cust.email, 'portal.login'));
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${base}/`);
    return { context, page };
  }

  for (const [name, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    it(`plan change at ${name}: no sideways scroll, and each card part sits where it does on /plans`, async () => {
      const { context, page } = await signedIn(viewport);
      await page.goto('/plans');
      const plans = await cardGeometry(page);
      await page.goto(`/plan/change?subscription=${cust.line.id}`);
      const scroll = await hasHorizontalScroll(page);
      expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
      await browser.snap(page, `plan-change-${viewport.width}`, { fullPage: true });
      const change = await cardGeometry(page);
      expect(Object.keys(change).sort()).toEqual(Object.keys(plans).sort());
      expect(Object.keys(plans)).toHaveLength(3);
      for (const [id, geometry] of Object.entries(change)) {
        expect(Math.abs(geometry.card.width - plans[id].card.width)).toBeLessThanOrEqual(1);
        expect(Object.keys(geometry.parts)).toEqual(Object.keys(plans[id].parts));
        for (const [part, box] of Object.entries(geometry.parts)) expectClose(box, plans[id].parts[part], `${id} ${part}`);
        // The price is one line: "SGD 25.00 / 30 days", never wrapped into "SGD / 25.00".
        const priceLines = await page.$eval(`#${id} .plan-price`, (el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el.querySelector('.plan-amount')!).lineHeight)));
        expect(priceLines).toBe(1);
        // Label and value never touch ("VoiceUnlimited").
        for (let i = 0; geometry.parts[`row${i}`]; i++) {
          const label = geometry.parts[`row${i}.label`];
          const value = geometry.parts[`row${i}.value`];
          expect(value.x - (label.x + label.width)).toBeGreaterThanOrEqual(8);
        }
      }
      await context.close();
    }, 90_000);
  }

  it('at 390 px the signed-in nav stays on one line and no page scrolls sideways', async () => {
    const { context, page } = await signedIn(PHONE);
    await page.goto('/billing/history');
    const receipt = await page.getAttribute('a[href^="/billing/receipts/"]', 'href');
    for (const path of ['/', '/plans', '/billing/history', receipt!, '/help', `/plan/change?subscription=${cust.line.id}`]) {
      await page.goto(path);
      await browser.snap(page, `phone${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-home'}`, { fullPage: true });
      const nav = await page.$eval('nav.nav', (el) => {
        const items = [...el.querySelectorAll('a, button')].map((a) => a.getBoundingClientRect()).filter((r) => r.width > 0);
        return {
          height: el.getBoundingClientRect().height,
          itemHeight: Math.max(...items.map((r) => r.height)),
          tops: [...new Set(items.map((r) => Math.round(r.top)))],
          overflow: el.scrollWidth - el.clientWidth,
        };
      });
      expect(nav.tops).toHaveLength(1);
      expect(nav.height).toBeLessThanOrEqual(nav.itemHeight + 2);
      // Every link of the phone bar is on screen, none hidden behind a sideways scroll.
      expect(nav.overflow).toBeLessThanOrEqual(0);
      // Sign out and Plans are still one tap away, in the footer.
      expect(await page.locator('footer button:has-text("Sign out")').isVisible()).toBe(true);
      const scroll = await hasHorizontalScroll(page);
      expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
      expect(await page.locator('footer a#help-link').count()).toBe(1);
    }
    await context.close();
  }, 90_000);

  it('a signed-out visitor at / lands on /welcome with the prices and a primary action; nav on one line', async () => {
    const { context, page } = await browser.newPage({ viewport: PHONE });
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/welcome');
    expect(await page.locator('input[name=email]').count()).toBe(0);
    expect(await page.textContent('body')).toContain('SGD 10.00');
    const primary = page.locator('#welcome-primary');
    expect(await primary.isVisible()).toBe(true);
    const box = (await primary.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    const nav = await page.$eval('nav.nav', (el) => el.getBoundingClientRect().height);
    expect(nav).toBeLessThanOrEqual(40);
    const scroll = await hasHorizontalScroll(page);
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    await page.click('footer a#help-link');
    await page.waitForURL(/\/help$/);
    expect(await page.textContent('#support-email')).toBe('support@bss.local');
    await context.close();
  }, 60_000);
});
