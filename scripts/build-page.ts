/**
 * Builds the self-check page (`npm run build` runs it after tsc): one HTML file with every script
 * and style inlined, which `zmqd page` copies. esbuild bundles, from the TypeScript sources,
 *   1. the worker (src/page/ui/worker.ts: the core, the reporters' JSON, the writers, exceljs), and
 *   2. the page (src/page/ui/app.ts), which carries the worker's code as a string and starts it
 *      from a Blob URL (a page opened from file:// cannot load a worker from a file of its own).
 * Built here and not when `zmqd page` runs, so the command needs no bundler (esbuild stays a
 * development dependency) and writes the same bytes every time.
 *
 * node dist/scripts/build-page.js [--out dist/page/zmqd-page.html]
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/scripts/build-page.js → repository root
const root = path.resolve(here, '..', '..');
const ui = path.join(root, 'src', 'page', 'ui');

/** Where `zmqd page` finds the built page. */
export const PAGE_ASSET = path.join(root, 'dist', 'page', 'zmqd-page.html');

/** The budget of the issue: the page is e-mailed to 41 units. */
export const MAX_PAGE_BYTES = 1.5 * 1024 * 1024;

const common: BuildOptions = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  // syntax lowered for the Chromium kernels of the 360 and QQ browsers still found on office PCs; the APIs
  // used (File.arrayBuffer, Object.fromEntries, String.matchAll) need Chromium 76 / Firefox 69
  target: ['chrome76', 'firefox69', 'edge79'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  // exceljs' own browser build without its polyfills (the browsers above need none): the smallest
  // of its builds, and the same library the command line writes workbooks with
  alias: { exceljs: path.join(root, 'node_modules', 'exceljs', 'dist', 'exceljs.bare.min.js') },
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [zodEnglishOnly()],
};

/**
 * zod's entry point re-exports every one of its ~50 message locales (`z.locales`), which esbuild
 * cannot drop: about 150 kB of the page for messages zmqd never shows (it phrases every data problem
 * itself, and zod's own default stays English). Each locale but English becomes an empty module.
 */
function zodEnglishOnly(): Plugin {
  return {
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /^\.\/[A-Za-z-]+\.js$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/.test(args.importer) && args.path !== './en.js' ? { path: args.path, namespace: 'zod-locale' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-locale' }, () => ({ contents: 'export default function () { return {}; }', loader: 'js' }));
    },
  };
}

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const r = await build({ ...common, entryPoints: [entry], define: { ...common.define, ...define } });
  const out = r.outputFiles?.[0];
  if (!out) throw new Error(`esbuild wrote nothing for ${entry}`);
  return out.text;
}

/** Script text that is safe inside an inline <script> element. */
function inlineScript(js: string): string {
  // "</script" ends the element and "<!--" changes how the rest is parsed; in the bundle they can
  // only stand in strings and regular expressions, where "<\/" and "<\!" mean the same
  if (/<!--/.test(js)) throw new Error('the bundle contains "<!--": check how it is used before inlining');
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

export async function buildPage(out = PAGE_ASSET): Promise<{ bytes: number }> {
  const worker = await bundle(path.join(ui, 'worker.ts'));
  const { version } = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const app = await bundle(path.join(ui, 'app.ts'), { __ZMQD_WORKER__: JSON.stringify(worker), __ZMQD_VERSION__: JSON.stringify(version) });
  const css = await fs.readFile(path.join(ui, 'page.css'), 'utf8');
  const template = await fs.readFile(path.join(ui, 'page.html'), 'utf8');
  const html = template.replace('/*__STYLE__*/', () => css.trim()).replace('/*__SCRIPT__*/', () => inlineScript(app));
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_PAGE_BYTES) throw new Error(`the page is ${(bytes / 1048576).toFixed(2)} MB, over the 1.5 MB budget`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await fs.writeFile(tmp, html);
  await fs.rename(tmp, out);
  return { bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : PAGE_ASSET;
  buildPage(out).then(
    ({ bytes }) => process.stdout.write(`self-check page: ${path.relative(process.cwd(), out)} (${(bytes / 1024).toFixed(0)} KiB)\n`),
    (err: unknown) => {
      process.stderr.write(`build-page: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
