/**
 * The fast xlsx reader: the same GridWorkbook as the exceljs adapter (fast-diff.test.ts), from
 * a streaming pass over each part — fflate's Inflate in slices → a streaming TextDecoder →
 * saxes, with the content of <sheetData> and <sst> (nearly all the bytes) tokenised by a
 * stricter, faster scanner (rows.ts) that hands anything unusual back to saxes. No part's
 * XML is held whole and no per-cell object is kept beyond the grid's own (shared) cells.
 * Parts are found through the workbook's relationships, not by fixed names, and shared
 * strings are read before any sheet whatever their order in the zip. Browser-safe.
 *
 * Throws (FastReadError, or a saxes/fflate error) on anything it does not read exactly as the
 * adapter would; openWorkbook then falls back to exceljs.
 *
 * Modules: xml.ts (streaming, namespaces, the saxes/scanner hand-over), rows.ts (the scanner),
 * parts.ts (rels, workbook, styles, shared strings), book.ts (finding and reading the parts a
 * sheet needs), sheet.ts (cells, merges, hidden rows), compat.ts (the exceljs rules the results
 * must match), stream.ts (the rows of each sheet without a grid, for large data files).
 */
import type { GridSheet, GridWorkbook, ReaderNote } from '../grid.js';
import { lastModes, openBook, type FastOptions } from './book.js';
import { SheetParser } from './sheet.js';
import { inSheet } from './xml-error.js';

export { FastReadError } from './xml.js';
export { sheetOf } from './xml-error.js';
export { NotStreamable, SheetLimitError, MAX_GRID_CELLS } from './sheet.js';
export { CellRow } from './cellrow.js';
export { lastModes, readOutline, type FastOptions, type Outline } from './book.js';
export { streamSheets, type SheetVisitor, type StreamOptions } from './stream.js';

// async (without an await) so that what loadFastSync throws reaches the caller as a rejection, as with loadWithExceljs
// eslint-disable-next-line @typescript-eslint/require-await -- see above
export async function loadFast(bytes: Uint8Array, opts: FastOptions = {}): Promise<GridWorkbook> {
  return loadFastSync(bytes, opts);
}

/** The same, synchronously (every step is synchronous; the async signature matches loadWithExceljs). */
export function loadFastSync(bytes: Uint8Array, opts: FastOptions = {}): GridWorkbook {
  lastModes.length = 0;
  const book = openBook(bytes, opts);
  const sheets: GridSheet[] = [];
  const notes: ReaderNote[] = [];
  for (const { def, entry } of book.worksheets) {
    try {
      const sp = book.parts.parseFast(bytes, entry, () => new SheetParser(book.ctx));
      sheets.push({ name: def.name, state: def.state, ...sp.finish() });
      for (const n of sp.notes) notes.push({ ...n, sheet: def.name });
    } catch (err) {
      throw inSheet(err, def.name);
    }
  }
  return { sheets, date1904: book.ctx.date1904, ...(book.staleResults ? { staleResults: true } : {}), ...(notes.length ? { notes } : {}) };
}
