/**
 * 附表1 落实监督执法正面清单工作情况汇总表 as a workbook: the seed's layout exactly (label row, title,
 * form line, two-level merged header, data rows, 合计, 说明), built from src/core/layout/annex1.ts.
 * Used for the blank template, filled fixtures, and (via addAnnex1Sheet) the city-wide summary.
 */
import type { Worksheet } from 'exceljs';
import { ANNEX1_DISTRICT_COLUMN, ANNEX1_FIGURES, ANNEX1_GROUP_UNITS, ANNEX1_LABEL, ANNEX1_NOTES, ANNEX1_TITLE, type FigureKey } from '../core/layout/annex1.js';
import type { ColumnDef } from '../core/layout/types.js';
import { colLetters } from '../core/workbook/grid.js';
import {
  ALIGN,
  FILLS,
  FONTS,
  THIN_BORDER,
  addListSheet,
  ensureRowHeight,
  freeze,
  listValidation,
  merge,
  newWorkbook,
  rowHeightFor,
  safeSheetName,
  setFormula,
  setText,
  setValue,
  setupPrint,
  spanWidth,
  styleRange,
  validateRange,
  wholeNonNegativeValidation,
  workbookBytes,
  wrappedLines,
  type Workbook,
  type MetaPart,
  writeMetaLine,
  writeNotes,
} from './xlsx-common.js';

export interface Annex1RowInput {
  unit: string;
  values?: Partial<Record<FigureKey, number | string | null>>;
}

export interface Annex1WorkbookOptions {
  /** 填报单位 text, default '' */
  unit?: string;
  /** 填报时间 text */
  date?: string;
  contact?: string;
  phone?: string;
  /** default: one row with the placeholder '重庆市**区' as in the seed */
  rows?: Annex1RowInput[];
  /** 合计 row: SUM formulas with cached results (default), plain values, or absent */
  total?: 'formula' | 'value' | 'none';
  /** names for the 地市 dropdown (kept on a reference sheet: an inline list over 255 characters corrupts the file) */
  units?: string[];
  sheetName?: string;
  title?: string;
}

/** Where things landed on the sheet, for callers that add to it (e.g. the city-wide summary). */
export interface Annex1SheetInfo {
  sheet: Worksheet;
  headerRows: [number, number];
  firstDataRow: number;
  /** last data row; firstDataRow − 1 when there are none */
  lastDataRow: number;
  totalRow: number | null;
  /** column number of each figure */
  columns: Record<FigureKey, number>;
  lastColumn: number;
  /** the last row written (the last 说明 line) */
  lastRow: number;
}

export const ANNEX1_PLACEHOLDER_UNIT = '重庆市**区';
export const ANNEX1_UNITS_SHEET = '单位名单';

const COLUMNS: readonly ColumnDef[] = [ANNEX1_DISTRICT_COLUMN, ...ANNEX1_FIGURES];
const HEADER_TOP = 4;
const HEADER_BOTTOM = 5;
const FIRST_DATA = 6;

/** `纳入清单企业数量（个）`: the seed prints the unit after ungrouped headers and after group headers. */
function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text}（${unit}）` : text;
}

/** Add the Annex 1 sheet to a workbook (and the unit-list sheet when `units` are given). */
export function addAnnex1Sheet(wb: Workbook, opts: Annex1WorkbookOptions = {}, taken: Set<string> = new Set()): Annex1SheetInfo {
  const ws = wb.addWorksheet(safeSheetName(opts.sheetName ?? ANNEX1_LABEL, taken));
  const nCols = COLUMNS.length;
  COLUMNS.forEach((d, i) => (ws.getColumn(i + 1).width = d.width));
  const columns = Object.fromEntries(ANNEX1_FIGURES.map((d, i) => [d.key, i + 2])) as Record<FigureKey, number>;

  // 附表1 / title / form line
  setText(ws.getCell(1, 1), ANNEX1_LABEL);
  ws.getCell(1, 1).font = FONTS.label;
  ws.getCell(1, 1).alignment = { horizontal: 'left', vertical: 'middle' };
  const title = opts.title ?? ANNEX1_TITLE;
  merge(ws, 2, 1, 2, nCols);
  setText(ws.getCell(2, 1), title);
  styleRange(ws, 2, 1, 2, nCols, { font: FONTS.title, alignment: ALIGN.centre });
  ensureRowHeight(ws, 2, rowHeightFor(wrappedLines(title, spanWidth(ws, 1, nCols), 18), 18) + 6);
  const meta: MetaPart[] = [
    { label: '填报单位：', value: opts.unit ?? '', labelCols: [1, 1], valueCols: [2, 5] },
    { label: '填报时间：', value: opts.date ?? '', labelCols: [6, 7], valueCols: [8, 9] },
    { label: '联系人：', value: opts.contact ?? '', labelCols: [10, 10], valueCols: [11, 12] },
    { label: '电话：', value: opts.phone ?? '', labelCols: [13, 13], valueCols: [14, 15] },
  ];
  writeMetaLine(ws, 3, meta);

  writeHeader(ws);

  // data rows
  const rows = opts.rows ?? [{ unit: ANNEX1_PLACEHOLDER_UNIT }];
  const lastData = FIRST_DATA + rows.length - 1;
  const sums = Object.fromEntries(ANNEX1_FIGURES.map((d) => [d.key, 0])) as Record<FigureKey, number>;
  rows.forEach((row, i) => {
    const r = FIRST_DATA + i;
    setText(ws.getCell(r, 1), row.unit);
    for (const d of ANNEX1_FIGURES) {
      const v = row.values?.[d.key];
      setValue(ws.getCell(r, columns[d.key]), v ?? null);
      // the cached 合计 is what Excel's SUM gives: numbers only, text ignored
      if (typeof v === 'number' && Number.isFinite(v)) sums[d.key] += v;
    }
    ensureRowHeight(ws, r, rowHeightFor(wrappedLines(row.unit, ANNEX1_DISTRICT_COLUMN.width), 11) + 4);
  });
  if (rows.length) {
    styleRange(ws, FIRST_DATA, 1, lastData, 1, { font: FONTS.body, border: THIN_BORDER, alignment: ALIGN.centre, numFmt: '@' });
    styleRange(ws, FIRST_DATA, 2, lastData, nCols, { font: FONTS.body, border: THIN_BORDER, alignment: ALIGN.centre, numFmt: '0' });
    validateRange(ws, FIRST_DATA, 2, lastData, nCols, wholeNonNegativeValidation());
    if (opts.units?.length) {
      const list = addListSheet(wb, ANNEX1_UNITS_SHEET, `单位名单（供“${ANNEX1_DISTRICT_COLUMN.header}”列下拉选择，请勿删除或改名）`, opts.units, taken);
      validateRange(ws, FIRST_DATA, 1, lastData, 1, listValidation(list.formula, { error: '请从下拉列表选择单位名称。', prompt: '从下拉列表选择单位' }));
    }
  }

  // 合计
  let totalRow: number | null = null;
  const total = opts.total ?? 'formula';
  if (total !== 'none') {
    totalRow = lastData + 1;
    setText(ws.getCell(totalRow, 1), '合计');
    for (const d of ANNEX1_FIGURES) {
      const c = columns[d.key];
      const sum = roundNoise(sums[d.key]);
      if (total === 'formula' && rows.length) setFormula(ws.getCell(totalRow, c), `SUM(${colLetters(c)}${FIRST_DATA}:${colLetters(c)}${lastData})`, sum);
      else ws.getCell(totalRow, c).value = sum;
    }
    styleRange(ws, totalRow, 1, totalRow, nCols, { font: { ...FONTS.body, bold: true }, border: THIN_BORDER, alignment: ALIGN.centre, fill: FILLS.total });
    styleRange(ws, totalRow, 2, totalRow, nCols, { numFmt: '0' });
    ensureRowHeight(ws, totalRow, rowHeightFor(1) + 4);
  }

  // 说明 after one empty row
  const notesFirst = (totalRow ?? lastData) + 2;
  const notesLast = writeNotes(ws, notesFirst, 1, nCols, ANNEX1_NOTES);

  freeze(ws, HEADER_BOTTOM, 1);
  setupPrint(ws, { landscape: true, fitWidth: true, titleRows: [HEADER_TOP, HEADER_BOTTOM], onePageBodyPt: FONTS.body.size });
  return { sheet: ws, headerRows: [HEADER_TOP, HEADER_BOTTOM], firstDataRow: FIRST_DATA, lastDataRow: lastData, totalRow, columns, lastColumn: nCols, lastRow: notesLast };
}

/** The two-level header: ungrouped columns merged over both rows, groups merged across their sub-columns. */
function writeHeader(ws: Worksheet): void {
  const nCols = COLUMNS.length;
  let upper = 0; // height (lines) the upper row needs
  let lower = 0;
  const tall: { lines: number }[] = []; // vertical merges: lines over both rows
  const fontSize = FONTS.header.size ?? 10;
  for (let i = 0; i < nCols;) {
    const d = COLUMNS[i]!;
    const c = i + 1;
    if (!d.group) {
      const text = withUnit(d.header, d.unit);
      merge(ws, HEADER_TOP, c, HEADER_BOTTOM, c);
      setText(ws.getCell(HEADER_TOP, c), text);
      tall.push({ lines: wrappedLines(text, d.width, fontSize) });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < nCols && COLUMNS[j + 1]!.group === d.group) j++;
    const text = withUnit(d.group, ANNEX1_GROUP_UNITS[d.group]);
    merge(ws, HEADER_TOP, c, HEADER_TOP, j + 1);
    setText(ws.getCell(HEADER_TOP, c), text);
    upper = Math.max(upper, wrappedLines(text, spanWidth(ws, c, j + 1), fontSize));
    for (let k = i; k <= j; k++) {
      const sub = COLUMNS[k]!;
      setText(ws.getCell(HEADER_BOTTOM, k + 1), sub.header);
      lower = Math.max(lower, wrappedLines(sub.header, sub.width, fontSize));
    }
    i = j + 1;
  }
  styleRange(ws, HEADER_TOP, 1, HEADER_BOTTOM, nCols, { font: FONTS.header, fill: FILLS.header, border: THIN_BORDER, alignment: ALIGN.centre });
  let h1 = rowHeightFor(Math.max(upper, 1), fontSize);
  let h2 = rowHeightFor(Math.max(lower, 1), fontSize);
  const need = Math.max(...tall.map((t) => rowHeightFor(t.lines, fontSize)));
  if (h1 + h2 < need) {
    const extra = need - h1 - h2;
    h1 += Math.ceil(extra / 2);
    h2 += Math.ceil(extra / 2);
  }
  ws.getRow(HEADER_TOP).height = h1;
  ws.getRow(HEADER_BOTTOM).height = h2;
}

/** Sums of whole numbers are exact; guard decimals (a fixture's deliberate 1.5) against float noise. */
function roundNoise(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** The Annex 1 workbook as .xlsx bytes. */
export async function buildAnnex1Workbook(opts: Annex1WorkbookOptions = {}): Promise<Uint8Array> {
  const wb = newWorkbook();
  addAnnex1Sheet(wb, opts);
  return workbookBytes(wb);
}
