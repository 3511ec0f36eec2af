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

/**
 * The page's document as the functions run in the page see it (this file is compiled without the DOM's
 * types). Functions, not strings, and self-contained (they are sent to the page as source): the page's
 * Content-Security-Policy forbids eval, which playwright would use for a string.
 */
interface Doc {
  documentElement: { dataset: Record<string, string | undefined> };
  querySelector(s: string): { textContent: string | null } | null;
}
type G = { document: Doc };

async function main(): Promise<number> {
  const file = process.argv[2];
  const i = process.argv.indexOf('--as-of');
  const asOf = i > 0 ? process.argv[i + 1] : undefined;
  const chromiumTool = findTool('chromium');
  if (!file || !asOf || !chromiumTool) {
    process.stderr.write(!chromiumTool ? 'Chromium is not installed (apt-get install chromium)\n' : 'usage: node dist/bench/page.js FILE --as-of YYYY-MM-DD\n');
    return 2;
  }
  const t0 = performance.now();
  const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(2);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'zmqd-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumTool.command, headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const launched = secs(t0);
    await page.goto(pathToFileURL(BUILT_PAGE).href);
    await page.waitForFunction(() => (globalThis as unknown as G).document.documentElement.dataset.state === 'ready');
    await page.fill('#asOf', asOf);
    await page.dispatchEvent('#asOf', 'change');
    const ready = secs(t0);
    const t1 = performance.now();
    await page.setInputFiles('#files', [path.resolve(file)]);
    await page.waitForFunction(() => ['done', 'failed'].includes((globalThis as unknown as G).document.documentElement.dataset.state ?? ''), null, { timeout: 600_000 });
    const state = await page.evaluate(() => (globalThis as unknown as G).document.documentElement.dataset.state);
    const summary = await page.evaluate(
      () => ((globalThis as unknown as G).document.querySelector('#summary span') ?? (globalThis as unknown as G).document.querySelector('#status'))?.textContent ?? '',
    );
    // the phases: the browser started, the page ready, then the list chosen until the results show
    process.stderr.write(`page: ${state ?? '(no state)'}; browser ${launched} s, page ready at ${ready} s, checked in ${secs(t1)} s (${summary})\n`);
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
