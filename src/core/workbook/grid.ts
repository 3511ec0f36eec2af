/**
 * The workbook as zmqd sees it, independent of the library that parsed the bytes.
 * Both readers (exceljs-based and the fast streaming one) produce exactly this, so every
 * later stage (annex detection, rules, aggregation) is shared and differential-testable.
 *
 * Conventions:
 * - rows and columns are 1-based, as in Excel;
 * - a date cell is a number (its serial, always in the 1900 date system, fractional for times)
 *   with its number format in `numFmt`; whether it is a date is decided by our own
 *   `isDateFormat`, never by the parser library;
 * - rich text and hyperlinks are flattened to their text; phonetic runs (<rPh>) are dropped;
 * - a formula cell carries `formula` and its cached result in `v`/`t`; no cached result is
 *   `t: 'z'` (cannot verify, never 0).
 */
export type GridCellType =
  | 's' // text
  | 'n' // number (including dates as serials)
  | 'b' // boolean
  | 'e' // error value such as #REF!, #DIV/0!; the code is in `v`
  | 'z'; // formula without a cached result

export interface GridCell {
  t: GridCellType;
  v: string | number | boolean | null;
  /** number format code of the cell's style, when it has one (e.g. 'yyyy-mm-dd', '@', '0.00') */
  numFmt?: string;
  /** formula text without '=' when the cell is a formula */
  formula?: string;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface GridSheet {
  name: string;
  state: SheetState;
  /** row number → (column number → cell). Empty cells are absent. */
  rows: Map<number, Map<number, GridCell>>;
  /** merged ranges in A1 form, e.g. 'A4:A5' */
  merges: string[];
  /** rows marked hidden */
  hiddenRows: Set<number>;
}

/**
 * Something in a sheet where what a clerk sees in Excel may differ from what was read (openWorkbook
 * reports each as a finding): a cell reference or a row number written twice (the last one is
 * read), a text longer than Excel's 32,767 characters per cell.
 */
export type ReaderNote =
  | { kind: 'duplicate-cell'; sheet: string; cell: string }
  | { kind: 'duplicate-row'; sheet: string; row: number }
  | { kind: 'cell-too-long'; sheet: string; cell: string; length: number };

export interface GridWorkbook {
  sheets: GridSheet[];
  /** see ReaderNote (the fast reader's; absent when none) */
  notes?: ReaderNote[];
  /** true if the workbook uses the 1904 date system (serials in cells are already converted to 1900) */
  date1904: boolean;
  /**
   * The file says its formulas' cached results are stale: `<calcPr fullCalcOnLoad="1">` in the
   * workbook part, as openpyxl, XlsxWriter and other scripts write it (they store no result, or 0).
   * Excel recalculates such a file on opening, so its cached values are not what Excel shows.
   */
  staleResults?: boolean;
}

export function getCell(sheet: GridSheet, r: number, c: number): GridCell | undefined {
  return sheet.rows.get(r)?.get(c);
}

/** Column number (1-based) → letters: 1 → 'A', 28 → 'AB'. The one conversion for all of zmqd. */
export function colLetters(c: number): string {
  let s = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

/** Column letters → number (1-based), either case: 'A' → 1, 'ab' → 28. The letters are not checked: callers match them first. */
export function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c;
}

export function a1(r: number, c: number): string {
  return `${colLetters(c)}${r}`;
}

/** 'AB12' → {r:12, c:28} */
export function parseA1(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`bad A1 reference ${ref}`);
  return { r: Number(m[2]), c: colNumber(m[1]!) };
}

/** Highest row number that has a cell. */
export function maxRow(sheet: GridSheet): number {
  let m = 0;
  for (const r of sheet.rows.keys()) if (r > m) m = r;
  return m;
}

export function maxCol(sheet: GridSheet): number {
  let m = 0;
  for (const row of sheet.rows.values()) for (const c of row.keys()) if (c > m) m = c;
  return m;
}
