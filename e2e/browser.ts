import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serviceUrl } from './system';

// The console's screens in a real browser (Debian's chromium, headless), against the running system. `npm test`
// installs the browser (deploy/local/browser.sh) and passes its path in ONESEAL_CHROMIUM.
const CHROMIUM = process.env.ONESEAL_CHROMIUM ?? '/usr/bin/chromium';
export const workbench = serviceUrl('console');

// This machine's network is closed: without these Chromium spends its start-up on connections that are refused.
const QUIET_CHROMIUM = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no browser at ${CHROMIUM}: run "bash deploy/local/browser.sh ensure" or set ONESEAL_CHROMIUM`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_CHROMIUM });
}

/** Where the screens' screenshots go, to be looked at (ONESEAL_SCREENSHOTS, or .oneseal/screenshots). */
export const SHOTS = process.env.ONESEAL_SCREENSHOTS ?? join(process.cwd(), '.oneseal', 'screenshots');

/**
 * One browser for a test file: launched before its tests (the screenshot folder made), closed after them. Returns
 * the browser to its tests.
 */
export function browserForSuite(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll: use it inside a test');
    return browser;
  };
}

/**
 * A fresh browser profile: no login kept from another test. A script error on a screen fails the test. The browser's
 * clock is Beijing's unless a test sets another (a phone abroad).
 */
export async function freshPage(browser: Browser, timezoneId = 'Asia/Shanghai'): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

export async function logIn(page: Page, loginName: string, password = 'oneseal-demo'): Promise<void> {
  await page.goto(`${workbench}/#/login`);
  await page.getByLabel('用户名').fill(loginName);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // Signed in (the token is kept) or told why not: either way the page has answered.
  // A function, not a string: the console's CSP forbids eval. Typed loosely because the e2e tier has no DOM types.
  await page.waitForFunction(() => {
    const browser = globalThis as unknown as {
      sessionStorage: { getItem(key: string): string | null };
      document: { querySelector(selector: string): { textContent: string | null } | null };
    };
    return (
      browser.sessionStorage.getItem('oneseal.token') ??
      browser.document.querySelector('form.login .message')?.textContent
    );
  });
}

type Locator = ReturnType<Page['locator']>;

/** Waits until the element shows the text (screens load asynchronously); `retry` runs between looks. */
export async function expectText(
  locator: Locator,
  text: string,
  retry?: () => Promise<unknown>,
): Promise<void> {
  let seen = '';
  await eventually(
    `"${text}" on screen`,
    async () => {
      seen = (await locator.count()) > 0 ? await locator.first().innerText() : '';
      if (seen.includes(text)) return true;
      await retry?.();
      return undefined;
    },
    { intervalMs: 250 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; the screen showed: ${seen.slice(0, 400)}`);
  });
}

/**
 * Which of the selectors the page would print (under emulated print media), read from the computed styles: chromium's
 * innerText and visibility checks still read the screen layout there.
 */
export async function printedParts(
  page: Page,
  selectors: Record<string, string>,
): Promise<Record<string, boolean>> {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(`(() => {
    const selectors = ${JSON.stringify(selectors)};
    const shown = (selector) => {
      const target = document.querySelector(selector);
      if (!target || getComputedStyle(target).visibility === 'hidden') return false;
      for (let element = target; element; element = element.parentElement)
        if (getComputedStyle(element).display === 'none') return false;
      return true;
    };
    return Object.fromEntries(Object.entries(selectors).map(([name, selector]) => [name, shown(selector)]));
  })()`);
}

/**
 * Opens a PDF as a reader would, with the console's own PDF.js (served under /vendor/pdfjs/): answers the text of
 * every page, and draws the first page on the screen so it can be screenshot as it prints.
 */
export async function readPdfInBrowser(page: Page, pdf: Buffer): Promise<{ pages: number; text: string }> {
  await page.goto(`${workbench}/#/verify`);
  return page.evaluate(`(async () => {
    const pdfjs = await import('/vendor/pdfjs/pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/pdf.worker.min.mjs';
    const data = Uint8Array.from(atob(${JSON.stringify(pdf.toString('base64'))}), (c) => c.charCodeAt(0));
    const pdf = await pdfjs.getDocument({ data, cMapUrl: '/vendor/pdfjs/cmaps/', cMapPacked: true }).promise;
    let text = '';
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const content = await (await pdf.getPage(n)).getTextContent();
      text += content.items.map((item) => item.str ?? '').join('') + '\\n';
    }
    const first = await pdf.getPage(1);
    const viewport = first.getViewport({ scale: 1.3 });
    const canvas = document.createElement('canvas');
    canvas.className = 'rendered-pdf';
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    document.body.replaceChildren(canvas);
    await first.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    return { pages: pdf.numPages, text };
  })()`);
}
