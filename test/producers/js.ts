/**
 * The JavaScript producers of the corpus, each used the way its README shows: exceljs, SheetJS
 * (`@e965/xlsx`, with and without `cellDates`); xlsx-populate runs in a child process
 * (write-xlsx-populate.cjs). Text is written as text, dates as Date objects, numbers as numbers,
 * the 合计 row as formulas without a result (a script has none to give).
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { BookSpec } from './spec.js';

const [Y, M, D] = [0, 1, 2];
function ymd(iso: string): [number, number, number] {
  const p = iso.split('-').map(Number);
  return [p[Y]!, p[M]! - 1, p[D]!];
}

// ------------------------------------------------------------------ exceljs

export async function writeExceljs(spec: BookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const m of s.merges) ws.mergeCells(m);
    for (const cell of s.cells) {
      const c = ws.getCell(cell.r, cell.c);
      // exceljs turns a Date into a serial by its UTC day
      if (cell.t === 'd') c.value = new Date(Date.UTC(...ymd(cell.v as string)));
      else if (cell.t === 'f') c.value = { formula: cell.v as string } as ExcelJS.CellFormulaValue;
      else c.value = cell.v;
      if (cell.fmt) c.numFmt = cell.fmt;
      else if (cell.t === 'd') c.numFmt = 'yyyy-mm-dd';
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ------------------------------------------------------------------ SheetJS

/** Rows of values as a script builds them (dates as local-midnight Date objects), formulas set after. */
export function writeSheetJs(spec: BookSpec, cellDates: boolean): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of spec.sheets) {
    const maxR = Math.max(...s.cells.map((c) => c.r));
    const maxC = Math.max(...s.cells.map((c) => c.c));
    const aoa: unknown[][] = Array.from({ length: maxR }, () => Array<unknown>(maxC).fill(null));
    for (const cell of s.cells) {
      if (cell.t === 'f') continue;
      aoa[cell.r - 1]![cell.c - 1] = cell.t === 'd' ? new Date(...ymd(cell.v as string)) : cell.v;
    }
    const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates, dateNF: 'yyyy-mm-dd' });
    for (const cell of s.cells) {
      const ref = XLSX.utils.encode_cell({ r: cell.r - 1, c: cell.c - 1 });
      if (cell.t === 'f') ws[ref] = { t: 'n', f: cell.v as string };
      const x = ws[ref] as XLSX.CellObject | undefined;
      if (x && cell.fmt) x.z = cell.fmt;
    }
    ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates }) as Buffer);
}
