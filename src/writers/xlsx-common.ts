/**
 * Shared helpers for every workbook zmqd writes (the annex templates, the findings report, the
 * city-wide Annex 1). Browser-safe like src/core: exceljs only, bytes out, no fs.
 *
 * What these helpers guarantee, so a written file never makes Excel/WPS offer a "repair"
 * (exceljs writes such files unless told otherwise):
 * - sheet names are valid (≤ 31 characters, none of `: \ / ? * [ ]`, no leading/trailing `'`);
 * - user text is always written as a string cell, never a formula (`=SUM(…)` typed by a district
 *   stays text), and never exceeds Excel's 32,767-character cell limit;
 * - formulas always carry a finite cached result;
 * - list validations are never inline when the list is longer than 255 characters.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Alignment, Borders, Cell, DataValidation, Fill, Font, Worksheet } from 'exceljs';
import { colLetters } from '../core/workbook/grid.js';
import { displayWidth } from '../core/values/width.js';

export type Workbook = ExcelJS.Workbook;

/** Fixed document timestamps: the same input gives the same workbook content (no "today" in files). */
export const DOC_DATE = new Date(Date.UTC(2021, 8, 1));

/** A new workbook with deterministic document properties. */
export function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zmqd';
  wb.lastModifiedBy = 'zmqd';
  wb.created = DOC_DATE;
  wb.modified = DOC_DATE;
  return wb;
}

/**
 * Serialise a workbook to bytes (a plain Uint8Array in Node and in browsers). exceljs stamps every
 * zip entry with the current time, so the archive is re-packed with a fixed timestamp: the same
 * input then gives byte-identical files (the committed templates can be regenerated and compared).
 */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  const out: unknown = await wb.xlsx.writeBuffer();
  const raw = out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out as ArrayBuffer);
  const entries = unzipSync(raw);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  // fflate encodes the DOS timestamp with local-time getters; a Date built from local components
  // therefore encodes 2021-09-01 00:00 whatever the machine's time zone
  const mtime = new Date(2021, 8, 1, 0, 0, 0);
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}

// ---------------------------------------------------------------- fonts, fills, borders

/** 宋体 is what the notice's tables use; Excel/WPS have it, LibreOffice substitutes a CJK font. */
export const FONT_NAME = '宋体';
export const FONTS = {
  body: { name: FONT_NAME, size: 11 } as Partial<Font>,
  small: { name: FONT_NAME, size: 10 } as Partial<Font>,
  header: { name: FONT_NAME, size: 10, bold: true } as Partial<Font>,
  label: { name: FONT_NAME, size: 12, bold: true } as Partial<Font>,
  title: { name: FONT_NAME, size: 18, bold: true } as Partial<Font>,
};

export function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export const FILLS = {
  /** official header cells */
  header: solidFill('FFD9D9D9'),
  /** optional (extension) header cells: visibly lighter than the official ones */
  optionalHeader: solidFill('FFF2F2F2'),
  /** a total row */
  total: solidFill('FFF2F2F2'),
  error: solidFill('FFFFC7CE'),
  warning: solidFill('FFFFEB9C'),
  info: solidFill('FFDDEBF7'),
};
export const SEVERITY_FONT_COLOURS = { error: 'FF9C0006', warning: 'FF9C5700', info: 'FF1F4E78' } as const;

export const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** The fill-in line of a form field (填报单位：_____). */
export const UNDERLINE_BORDER: Partial<Borders> = { bottom: { style: 'thin' } };

export const ALIGN = {
  centre: { horizontal: 'center', vertical: 'middle', wrapText: true } as Partial<Alignment>,
  left: { horizontal: 'left', vertical: 'middle', wrapText: true } as Partial<Alignment>,
  leftTop: { horizontal: 'left', vertical: 'top', wrapText: true } as Partial<Alignment>,
  right: { horizontal: 'right', vertical: 'middle' } as Partial<Alignment>,
};

/** Apply a style to every cell of a rectangle (merged slaves too: Excel draws a merge's border from each cell). */
export function styleRange(
  ws: Worksheet,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
  style: { font?: Partial<Font>; fill?: Fill; border?: Partial<Borders>; alignment?: Partial<Alignment>; numFmt?: string },
): void {
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const cell = ws.getCell(r, c);
      if (style.font) cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      if (style.border) cell.border = style.border;
      if (style.alignment) cell.alignment = style.alignment;
      if (style.numFmt) cell.numFmt = style.numFmt;
    }
  }
}

/** Merge a rectangle unless it is a single cell (exceljs rejects nothing, but a 1×1 merge is noise). */
export function merge(ws: Worksheet, r1: number, c1: number, r2: number, c2: number): void {
  if (r1 === r2 && c1 === c2) return;
  ws.mergeCells(r1, c1, r2, c2);
}

// ---------------------------------------------------------------- cell writing

/** Excel's limit on the characters of one cell; longer text makes Excel repair the file. */
export const MAX_CELL_CHARS = 32767;

/**
 * Write user text as a TEXT cell. exceljs stores a JS string as a string cell (never a formula),
 * so `=1+1`, `+86…`, `-5`, `@x` stay literally as typed. Two further protections:
 * - OOXML reads `_xHHHH_` inside text as an escaped character: a literal one is escaped as
 *   `_x005F_xHHHH_` so Excel shows what was written;
 * - text over 32,767 characters is cut (with `…`).
 */
export function setText(cell: Cell, text: string): void {
  let s = text;
  if (s.length > MAX_CELL_CHARS) s = s.slice(0, MAX_CELL_CHARS - 1) + '…';
  s = s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
  cell.value = s;
}

/**
 * Write a value as given: numbers as numbers (non-finite ones as their text: a NaN cell corrupts
 * the file), strings via setText, Dates as dates, null/undefined/'' as an empty cell.
 */
export function setValue(cell: Cell, v: string | number | Date | boolean | null | undefined): void {
  if (v === null || v === undefined || v === '') {
    cell.value = null;
  } else if (typeof v === 'number') {
    if (Number.isFinite(v)) cell.value = v;
    else setText(cell, String(v));
  } else if (typeof v === 'string') {
    setText(cell, v);
  } else {
    cell.value = v;
  }
}

/**
 * Write a formula with its cached result. exceljs never calculates, so the result is ours; it
 * must be finite (`result: NaN` → "Repaired Records" in Excel).
 */
export function setFormula(cell: Cell, formula: string, result: number): void {
  if (!Number.isFinite(result)) throw new Error(`formula ${formula}: cached result must be finite, got ${result}`);
  cell.value = { formula: formula.replace(/^=/, ''), result };
}

/** `YYYY-MM-DD` that is a real calendar date → the Date exceljs writes as that day (UTC midnight). */
export function isoToExcelDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt;
}

// ---------------------------------------------------------------- widths and heights

/** Display width of one line of text in Excel character units (CJK = 2, others = 1): the terminal's table. */
export { displayWidth };

/** Widest line of a multi-line text. */
export function maxLineWidth(text: string): number {
  // a loop, not Math.max(...lines): a value of a million lines must not overflow the call stack
  let w = 0;
  for (const line of text.split(/\r?\n/)) w = Math.max(w, displayWidth(line));
  return w;
}

/** A column width that shows the widest of `texts`, with padding, clamped to [min, max]. */
export function fitColumnWidth(texts: Iterable<string>, min = 6, max = 60): number {
  let w = 0;
  for (const t of texts) w = Math.max(w, maxLineWidth(t));
  return Math.min(max, Math.max(min, w + 2));
}

/**
 * Lines a wrapped text needs in a column `width` units wide at `fontSize` (widths are in units of
 * the 11-pt default font; the −1 leaves room for the cell's inner padding). Breaks anywhere,
 * as Excel does for Chinese text.
 */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, (width - 1) * (11 / fontSize));
  let lines = 0;
  for (const line of text.split(/\r?\n/)) lines += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return lines;
}

/** Row height in points for `lines` lines of a font (Excel's line is about 1.35 × the point size). */
export function rowHeightFor(lines: number, fontSize = 11): number {
  return Math.ceil(lines * fontSize * 1.35 + 4);
}

/** Sum of the widths of columns c1..c2 (1-based) of a worksheet, 8.43 for unset ones. */
export function spanWidth(ws: Worksheet, c1: number, c2: number): number {
  let w = 0;
  for (let c = c1; c <= c2; c++) w += ws.getColumn(c).width ?? 8.43;
  return w;
}

/** Raise a row's height to at least `h` points (never lowers a height set earlier). */
export function ensureRowHeight(ws: Worksheet, r: number, h: number): void {
  const row = ws.getRow(r);
  if (!row.height || row.height < h) row.height = h;
}

// ---------------------------------------------------------------- sheets, print, views

const BAD_SHEET_CHARS = /[:\\/?*[\]]/g;
export const MAX_SHEET_NAME = 31;

/**
 * A valid, unique worksheet name: forbidden characters replaced by `_`, no leading/trailing
 * apostrophe, at most 31 characters (UTF-16 units, never splitting a surrogate pair), not empty,
 * not `History` (reserved by Excel), unique case-insensitively among `taken` (which is updated).
 */
export function safeSheetName(name: string, taken?: Set<string>): string {
  let s = name
    .replace(BAD_SHEET_CHARS, '_')
    .replace(/[\u0000-\u001f]/g, '')
    .trim();
  s = s.replace(/^'+|'+$/g, '');
  if (!s || s.toLowerCase() === 'history') s = s ? `${s}_` : 'Sheet';
  s = cutUnits(s, MAX_SHEET_NAME);
  if (taken) {
    const lower = new Set([...taken].map((t) => t.toLowerCase()));
    let cand = s;
    for (let i = 2; lower.has(cand.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      cand = cutUnits(s, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    s = cand;
    taken.add(s);
  }
  return s;
}

function cutUnits(s: string, n: number): string {
  if (s.length <= n) return s;
  let out = s.slice(0, n);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out.replace(/'+$/, '');
}

/** Quote a sheet name for use in a formula: `'单位名单'!$A$2:$A$40`. */
export function sheetRef(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}

export interface PrintOptions {
  landscape?: boolean;
  /** rows repeated on every printed page, e.g. [4, 5] */
  titleRows?: [number, number];
  /** fit all columns on one page width (height runs over as many pages as needed) */
  fitWidth?: boolean;
  /**
   * also fit the whole sheet on one page when that still prints its body text (of this point size) at
   * least at LEGIBLE_PT: the official 附表1 with all 41 units is one sheet of paper
   */
  onePageBodyPt?: number;
}

/** The smallest printed body text we accept when shrinking a table onto one page (points). */
export const LEGIBLE_PT = 6.5;

const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 };
/** A4 in points, portrait */
const A4 = { w: 595.3, h: 841.9 };

/** A column's printed width in points (Excel: width × 7 px + 5 px of padding at 96 dpi, for the default font). */
function columnPoints(width: number): number {
  return (Math.trunc(width * 7) + 5) * 0.75;
}

/** The used range's printed size in points (unset columns 8.43 wide, unset rows 15 pt tall). */
export function printedSize(ws: Worksheet): { width: number; height: number } {
  let width = 0;
  for (let c = 1; c <= ws.columnCount; c++) width += columnPoints(ws.getColumn(c).width ?? 8.43);
  let height = 0;
  for (let r = 1; r <= ws.rowCount; r++) height += ws.getRow(r).height ?? 15;
  return { width, height };
}

/** The scale at which the used range fits one page of the sheet's page setup (1 when it fits as it is). */
export function onePageScale(ws: Worksheet): number {
  const landscape = ws.pageSetup.orientation === 'landscape';
  const m = ws.pageSetup.margins ?? MARGINS;
  const pageW = (landscape ? A4.h : A4.w) - (m.left + m.right) * 72;
  const pageH = (landscape ? A4.w : A4.h) - (m.top + m.bottom) * 72;
  const { width, height } = printedSize(ws);
  return Math.min(1, pageW / width, pageH / height);
}

/**
 * One page tall as well as wide when the body text (`bodyPt`) still prints at LEGIBLE_PT or more; else
 * as many pages tall as needed. Call again after changing the sheet's rows or columns.
 */
export function fitOnePageIfLegible(ws: Worksheet, bodyPt: number): void {
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = bodyPt * onePageScale(ws) >= LEGIBLE_PT ? 1 : 0;
}

/**
 * A4, centred, sensible margins, page numbers in the footer. No print area: the used range is
 * what prints, and exceljs would write a half-absolute `$A1:$O11` reference for one.
 * Call it when the sheet is complete: `onePageBodyPt` measures the rows and columns written.
 */
export function setupPrint(ws: Worksheet, o: PrintOptions = {}): void {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- PaperSize.A4 is 9; PaperSize is a const enum in exceljs's types only (nothing at run time to import)
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = o.landscape ? 'landscape' : 'portrait';
  ws.pageSetup.margins = { ...MARGINS };
  ws.pageSetup.horizontalCentered = true;
  if (o.fitWidth || o.onePageBodyPt) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0; // 0 = as many pages tall as needed
  }
  if (o.onePageBodyPt) fitOnePageIfLegible(ws, o.onePageBodyPt);
  if (o.titleRows) ws.pageSetup.printTitlesRow = `${o.titleRows[0]}:${o.titleRows[1]}`;
  ws.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
}

/** Freeze the rows above `belowRow` (and the first `cols` columns). */
export function freeze(ws: Worksheet, belowRow: number, cols = 0): void {
  const topLeft = `${colLetters(cols + 1)}${belowRow + 1}`;
  ws.views = [{ state: 'frozen', xSplit: cols, ySplit: belowRow, topLeftCell: topLeft, activeCell: topLeft }];
}

// ---------------------------------------------------------------- validations

/** Excel's limit on a validation formula; an inline list over it corrupts the file (Excel offers a repair). */
export const MAX_VALIDATION_FORMULA = 255;

/**
 * An inline list formula `"a,b,c"`, or null when it cannot be inline: over 255 characters, or an
 * item containing the separator or a double quote. Callers then reference a range instead.
 */
export function inlineListFormula(items: readonly string[]): string | null {
  if (items.some((s) => s.includes(',') || s.includes('"'))) return null;
  const f = `"${items.join(',')}"`;
  return f.length <= MAX_VALIDATION_FORMULA ? f : null;
}

/** A list validation over a formula (inline list or range reference). */
export function listValidation(formula: string, o: { error?: string; prompt?: string; strict?: boolean } = {}): DataValidation {
  if (formula.length > MAX_VALIDATION_FORMULA) throw new Error(`validation formula over ${MAX_VALIDATION_FORMULA} characters`);
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    // 'warning' lets a clerk keep a value the list lacks (a renamed unit); our rules still check it
    errorStyle: o.strict ? 'stop' : 'warning',
    errorTitle: '不在列表中',
    error: o.error ?? '请从下拉列表中选择。',
    ...(o.prompt ? { showInputMessage: true, prompt: o.prompt } : {}),
  };
}

/** Whole number ≥ 0 (Annex 1's figures). */
export function wholeNonNegativeValidation(): DataValidation {
  return {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数值无效',
    error: '请填写大于或等于 0 的整数（累计数量，单位见表头）。',
  };
}

/**
 * Apply one validation to a rectangle, written once as one range. (Set cell by cell, exceljs squeezes the
 * cells back into ranges on write in text order — D10 before D5 — and wrote both D10:D24 and D5:D24:
 * overlapping duplicates that Excel may "repair".)
 */
export function validateRange(ws: Worksheet, r1: number, c1: number, r2: number, c2: number, dv: DataValidation): void {
  const ref = r1 === r2 && c1 === c2 ? `${colLetters(c1)}${r1}` : `${colLetters(c1)}${r1}:${colLetters(c2)}${r2}`;
  // `dataValidations.add` is exceljs's own API (lib/doc/data-validations.js), missing from its typings
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(ref, dv);
}

// ---------------------------------------------------------------- form lines

export interface MetaPart {
  label: string;
  value?: string;
  /** columns of the label cell (merged when a range) */
  labelCols: [number, number];
  /** columns of the value cell (merged when a range), underlined as a fill-in field */
  valueCols: [number, number];
}

/**
 * A form line such as `填报单位：____  填报时间：____`: each label and each value in its own
 * (merged) cell, so a clerk types into the value cell without touching the label. Readers join
 * the row's text (src/core/reader/meta.ts), so both this and a one-cell line read the same.
 */
export function writeMetaLine(ws: Worksheet, row: number, parts: MetaPart[], font: Partial<Font> = FONTS.body): void {
  for (const p of parts) {
    merge(ws, row, p.labelCols[0], row, p.labelCols[1]);
    setText(ws.getCell(row, p.labelCols[0]), p.label);
    styleRange(ws, row, p.labelCols[0], row, p.labelCols[1], { font, alignment: ALIGN.right });
    merge(ws, row, p.valueCols[0], row, p.valueCols[1]);
    setValue(ws.getCell(row, p.valueCols[0]), p.value ?? null);
    styleRange(ws, row, p.valueCols[0], row, p.valueCols[1], {
      font,
      alignment: { horizontal: 'left', vertical: 'middle', shrinkToFit: true },
      border: UNDERLINE_BORDER,
      numFmt: '@',
    });
  }
  ensureRowHeight(ws, row, rowHeightFor(1, font.size ?? 11) + 4);
}

/**
 * Notes (说明) under a table: each line merged across c1..c2, wrapped, with a height that fits.
 */
export function writeNotes(ws: Worksheet, firstRow: number, c1: number, c2: number, lines: readonly string[], font: Partial<Font> = FONTS.small): number {
  const width = spanWidth(ws, c1, c2);
  let r = firstRow;
  for (const line of lines) {
    merge(ws, r, c1, r, c2);
    setText(ws.getCell(r, c1), line);
    styleRange(ws, r, c1, r, c2, { font, alignment: ALIGN.leftTop });
    ensureRowHeight(ws, r, rowHeightFor(wrappedLines(line, width, font.size ?? 11), font.size ?? 11));
    r++;
  }
  return r - 1;
}

/**
 * A hidden reference sheet holding a dropdown's items (A1 a title, the items from A2), and the range
 * formula to use in a list validation. Hidden, so printing the workbook prints the form alone (a
 * visible helper sheet made the 附表1 template "共 2 页"); its title still says what it is for, for
 * whoever unhides it.
 */
export function addListSheet(wb: Workbook, name: string, title: string, items: readonly string[], taken?: Set<string>): { sheet: Worksheet; formula: string } {
  const sheetName = safeSheetName(name, taken);
  const ws = wb.addWorksheet(sheetName, { state: 'hidden' });
  setText(ws.getCell(1, 1), title);
  ws.getCell(1, 1).font = FONTS.label;
  ws.getCell(1, 1).alignment = ALIGN.left;
  items.forEach((it, i) => {
    const cell = ws.getCell(i + 2, 1);
    setText(cell, it);
    cell.font = FONTS.body;
    cell.numFmt = '@';
  });
  ws.getColumn(1).width = fitColumnWidth([...items, title], 16, 60);
  ensureRowHeight(ws, 1, rowHeightFor(wrappedLines(title, ws.getColumn(1).width ?? 16, 12), 12));
  freeze(ws, 1);
  const last = Math.max(2, items.length + 1);
  return { sheet: ws, formula: sheetRef(sheetName, `$A$2:$A$${last}`) };
}
