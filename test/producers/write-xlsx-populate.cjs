/**
 * Write a book spec (test/producers/spec.ts) with xlsx-populate, as a person's script would:
 *
 *   node write-xlsx-populate.cjs blank spec.json out.xlsx     a blank workbook filled cell by cell
 *   node write-xlsx-populate.cjs edit  spec.json out.xlsx SOURCE.xlsx
 *                                                             the fixture opened, its formulas set again, saved
 *
 * Dates are Date objects at local midnight: xlsx-populate turns them into serials by local time
 * (against a local 1900 base date), so the corpus runs this with the district's time zone,
 * TZ=Asia/Shanghai — under the test suite's Pacific/Kiritimati, whose offset jumped a day in 1995,
 * it writes every date a day early, as it would on such a machine.
 */
'use strict';
const fs = require('node:fs');
const XP = require('xlsx-populate');

async function main() {
  const [mode, specPath, out, source] = process.argv.slice(2);
  const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
  const s = spec.sheets[0];
  let wb;
  if (mode === 'edit') {
    wb = await XP.fromDataAsync(fs.readFileSync(source));
    const first = s.cells.find((c) => c.t === 's');
    wb.sheet(0).cell(first.r, first.c).value(first.v);
    for (const c of s.cells.filter((x) => x.t === 'f')) wb.sheet(0).cell(c.r, c.c).formula(c.v);
  } else {
    wb = await XP.fromBlankAsync();
    const ws = wb.sheet(0).name(s.name);
    for (const c of s.cells) {
      const cell = ws.cell(c.r, c.c);
      if (c.t === 'f') cell.formula(c.v);
      else if (c.t === 'd') {
        const [y, m, d] = c.v.split('-').map(Number);
        cell.value(new Date(y, m - 1, d));
      } else cell.value(c.v);
      const fmt = c.fmt || (c.t === 'd' ? 'yyyy-mm-dd' : undefined);
      if (fmt) cell.style('numberFormat', fmt);
    }
    for (const m of s.merges) ws.range(m).merged(true);
  }
  await wb.toFileAsync(out);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
