/**
 * One validation in the self-check page, for `npm run bench` (run.ts times this as a whole process,
 * like every command): headless Chromium (Debian's, driven by playwright-core) opens the built page
 * from file://, the list is chosen with the file picker, and the process ends when the page shows
 * its results. Prints the page's own time (from choosing to results, measured in the worker) to
 * stderr; exit 0 when the page finished, 3 when it failed, 2 when it could not run.
 *
 * node dist/bench/page.js FILE.xlsx --as-of YYYY-MM-DD
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findTool } from '../src/cli/tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/bench/page.js → the built page
const BUILT_PAGE = path.resolve(here, '..', 'page', 'zmqd-page.html');

async function main(): Promise<number> {
  const file = process.argv[2];
  const i = process.argv.indexOf('--as-of');
  const asOf = i > 0 ? process.argv[i + 1] : undefined;
  const chromiumTool = findTool('chromium');
  if (!file || !asOf || !chromiumTool) {
    process.stderr.write(!chromiumTool ? 'Chromium is not installed (apt-get install chromium)\n' : 'usage: node dist/bench/page.js FILE --as-of YYYY-MM-DD\n');
    return 2;
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'zmqd-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumTool.command, headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(BUILT_PAGE).href);
    // expressions as text: this file is compiled without the DOM's types
    await page.waitForFunction("document.documentElement.dataset.state === 'ready'");
    await page.fill('#asOf', asOf);
    await page.dispatchEvent('#asOf', 'change');
    await page.setInputFiles('#files', [path.resolve(file)]);
    await page.waitForFunction("['done', 'failed'].includes(document.documentElement.dataset.state)", null, { timeout: 600_000 });
    const state = await page.evaluate<string>('document.documentElement.dataset.state');
    const summary = await page.evaluate<string>("(document.querySelector('#summary span') || document.querySelector('#status')).textContent");
    process.stderr.write(`page: ${state}; ${summary}\n`);
    return state === 'done' ? 0 : 3;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
