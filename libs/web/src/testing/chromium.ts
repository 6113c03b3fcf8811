import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { projectRoot } from '@bss/platform';

/** The browser specs' Chromium (apt `chromium`) and its flags: headless, no sandbox, nothing phoning home. */
export const TEST_CHROMIUM = '/usr/bin/chromium';
export const TEST_CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const hasTestChromium = existsSync(TEST_CHROMIUM);

/**
 * `describe` when Chromium is installed; otherwise the suite is skipped with one warning, so a
 * machine without it still runs every other spec.
 */
export function describeInChromium(name: string, fn: () => void): void {
  if (hasTestChromium) return describe(name, fn);
  // eslint-disable-next-line no-console
  console.warn(`${name}: skipped, ${TEST_CHROMIUM} is missing (apt-get install -y chromium)`);
  describe.skip(name, fn);
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors (a CSP violation shows up here); specs expect none. */
  errors: string[];
}

/** One Chromium for a browser suite: pages on the app's base URL, error capture, numbered screenshots. */
export class TestChromium {
  private shots = 0;

  private constructor(
    readonly browser: Browser,
    private readonly base: string,
    private readonly artefacts: string,
  ) {}

  /** Launches Chromium for the app at `base`; screenshots go to `test-artefacts/<artefacts>/`. */
  static async launch(options: { base: string; artefacts: string }): Promise<TestChromium> {
    const artefacts = join(projectRoot(), 'test-artefacts', options.artefacts);
    mkdirSync(artefacts, { recursive: true });
    const browser = await chromium.launch({ executablePath: TEST_CHROMIUM, args: TEST_CHROMIUM_ARGS });
    return new TestChromium(browser, options.base, artefacts);
  }

  /** A page in a fresh context (its own cookies), relative URLs resolved against the app. */
  async newPage(options: BrowserContextOptions = {}): Promise<OpenedPage> {
    const context = await this.browser.newContext({ baseURL: this.base, ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  /** Saves a screenshot numbered in the order taken, so the folder reads as the journey went. */
  async snap(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    this.shots += 1;
    await page.screenshot({ path: join(this.artefacts, `${String(this.shots).padStart(2, '0')}-${name}.png`), fullPage: options.fullPage });
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
