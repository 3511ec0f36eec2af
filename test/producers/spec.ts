/**
 * The producer corpus's content: a committed fixture read cell by cell into a neutral "book spec"
 * (JSON) that each producer — openpyxl, XlsxWriter, pandas, exceljs, SheetJS, xlsx-populate, the
 * hand-built packages — writes with its own API, the way a person's script would: text as text
 * (USCC codes included), dates as real dates, numbers as numbers, the 合计 row as formulas.
 */
import { readFileSync } from 'node:fs';
import { loadWithExceljs } from '../../src/core/workbook/exceljs-adapter.js';
import { isDateFormat, serialToIso } from '../../src/core/workbook/dates.js';

export interface SpecCell {
  r: number;
  c: number;
  /** s text · n number · d date (v = yyyy-mm-dd) · b boolean · f formula (v = text without '=') */
  t: 's' | 'n' | 'd' | 'b' | 'f';
  v: string | number | boolean;
  /** the number format, when not General */
  fmt?: string;
  /** a formula's result as the fixture stores it (only hand-built packages write it: scripts have none) */
  cached?: number;
}

export interface SpecSheet {
  name: string;
  cells: SpecCell[];
  merges: string[];
  /** the table as pandas writes it: header row(s) and data rows (to_excel), the rest cell by cell */
  table: { header: number[]; first: number; last: number };
}

export interface BookSpec {
  sheets: SpecSheet[];
}

/** Read a fixture into a spec; `table` says where its table is (one sheet per fixture). */
export async function specOf(file: string, table: SpecSheet['table']): Promise<BookSpec> {
  const wb = await loadWithExceljs(new Uint8Array(readFileSync(file)));
  const sheet = wb.sheets[0]!;
  const cells: SpecCell[] = [];
  for (const [r, row] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
    for (const [c, cell] of [...row].sort((a, b) => a[0] - b[0])) {
      const fmt = cell.numFmt && cell.numFmt !== 'General' ? { fmt: cell.numFmt } : {};
      if (cell.formula !== undefined) cells.push({ r, c, t: 'f', v: cell.formula, ...fmt, ...(cell.t === 'n' ? { cached: cell.v as number } : {}) });
      else if (cell.t === 'n' && isDateFormat(cell.numFmt)) {
        const serial = cell.v as number;
        if (serial !== Math.floor(serial)) throw new Error(`${file} ${r}:${c}: a date-time; the corpus writes dates`);
        cells.push({ r, c, t: 'd', v: serialToIso(serial), ...fmt });
      } else if (cell.t === 'n') cells.push({ r, c, t: 'n', v: cell.v as number, ...fmt });
      else if (cell.t === 's') cells.push({ r, c, t: 's', v: cell.v as string, ...fmt });
      else if (cell.t === 'b') cells.push({ r, c, t: 'b', v: cell.v as boolean, ...fmt });
      else throw new Error(`${file} ${r}:${c}: a ${cell.t} cell has no place in a clean fixture`);
    }
  }
  return { sheets: [{ name: sheet.name, cells, merges: sheet.merges, table }] };
}

/** A1 column letters → number */
export function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c;
}

/** 'A4:A5' → [r1, c1, r2, c2] */
export function rangeOf(a1: string): [number, number, number, number] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad range ${a1}`);
  return [Number(m[2]), colNumber(m[1]!), Number(m[4]), colNumber(m[3]!)];
}
