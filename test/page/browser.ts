/// <reference lib="dom" />
/**
 * Debian's Chromium driven by playwright-core (no browser is ever downloaded), for the tests of the
 * self-check page: a fresh profile per launch, the page opened from file://, and every request,
 * console message and uncaught error recorded so a test can assert there were none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../src/cli/tools.js';

export interface Browser {
  context: BrowserContext;
  /** every URL the browser requested, in order (the page itself and its worker's blob: included) */
  requests: string[];
  /** console errors and warnings, uncaught exceptions, crashes: anything a clerk would not want */
  problems: string[];
  close(): Promise<void>;
}

export async function launch(executable: string): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'zmqd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('weberror', (e) => problems.push(`uncaught: ${e.error().message}`));
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('crash', () => problems.push('crash'));
    page.on('worker', (w) => w.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`worker console ${m.type()}: ${m.text()}`)));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    requests,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open the page from file:// with the as-of date set (tests never depend on today). */
export async function openPage(b: Browser, file: string, asOf: string): Promise<Page> {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  await page.fill('#asOf', asOf);
  await page.dispatchEvent('#asOf', 'change');
  return page;
}

/** Wait until the page has shown its results (or failed; the test then sees why). */
export async function settled(page: Page, timeout = 240_000): Promise<string> {
  await page.waitForFunction(() => ['done', 'failed'].includes(document.documentElement.dataset.state ?? ''), null, { timeout });
  return page.evaluate(() => document.documentElement.dataset.state ?? '');
}

/** Drop files on the drop zone as a clerk would drag them from the file manager. */
export async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const data = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  const dt = await page.evaluateHandle((list) => {
    const t = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      t.items.add(new File([bytes], f.name));
    }
    return t;
  }, data);
  await page.dispatchEvent('#drop', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: dt });
}

/** Requests other than for the page itself and the Blob URL its worker starts from: there must be none. */
export function otherRequests(b: Browser, page: Page): string[] {
  const self = page.url();
  return b.requests.filter((u) => u !== self && !u.startsWith('blob:'));
}
