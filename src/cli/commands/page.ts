import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, writeAtomic } from '../io.js';
import { log } from '../progress.js';

/** The file name the city bureau hands out when --out is not given. */
export const PAGE_FILE = '正面清单自查.html';

/**
 * The page built by `npm run build` (scripts/build-page.ts): dist/src/cli/commands/page.js →
 * dist/page/zmqd-page.html. Built ahead, so this command needs no bundler at run time.
 */
export const PAGE_ASSET = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'page', 'zmqd-page.html');

/** zmqd page [--out FILE.html]: the self-contained offline self-check page for district staff. */
export async function runPage(o: { out?: string; quiet?: boolean }): Promise<number> {
  let html: Uint8Array;
  try {
    html = await readFile(PAGE_ASSET);
  } catch {
    throw new UsageError(
      `找不到已构建的自查页（${PAGE_ASSET}），请先在本工具的文件夹中运行 npm run build。\n` +
        `The built self-check page is missing (${PAGE_ASSET}); run npm run build in the tool's folder first.`,
    );
  }
  const out = o.out ?? PAGE_FILE;
  await writeAtomic(out, html);
  log(
    Boolean(o.quiet),
    `已写入 ${out}（${(html.length / 1048576).toFixed(2)} MB），可用浏览器直接打开，发给各区县使用\nwritten ${out}; open it in a browser, or send it to the districts`,
  );
  return 0;
}
