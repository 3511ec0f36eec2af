/**
 * Regenerates everything under fixtures/ from code: `npm run fixtures`.
 * Each area has its own generator module in scripts/fixtures/ that writes into fixtures/<area>/.
 * Output is deterministic (seeded random numbers, fixed dates), so a regeneration shows as no diff.
 */
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Generator = { area: string; generate(dir: string): Promise<void> };

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/scripts/gen-fixtures.js → repository root
const root = path.resolve(here, '..', '..');

async function loadGenerators(): Promise<Generator[]> {
  const names = ['annex', 'quarters', 'enforcement', 'inbox', 'bad', 'mailbox'];
  const out: Generator[] = [];
  for (const n of names) {
    try {
      out.push((await import(`./fixtures/${n}.js`)) as Generator);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(`fixtures/${n}.js`)) continue;
      throw err;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const g of await loadGenerators()) {
    if (only.length && !only.includes(g.area)) continue;
    const dir = path.join(root, 'fixtures', g.area);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    await g.generate(dir);
    process.stderr.write(`fixtures/${g.area} written\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(String((err as { stack?: unknown } | null)?.stack ?? err) + '\n');
  process.exit(1);
});
