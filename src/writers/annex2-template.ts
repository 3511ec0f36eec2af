/**
 * 附表2 监督执法正面清单企业列表 as a workbook: label row, title, form line, the seed's six columns
 * then the three optional validity columns (marked as optional), data rows, 说明. Built from
 * src/core/layout/annex2.ts. Codes are TEXT cells so Excel cannot turn them into 9.15E+17.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import { ANNEX2_COLUMNS, ANNEX2_LABEL, ANNEX2_TITLE, CRITERIA, type Annex2Key } from '../core/layout/annex2.js';
import {
  ALIGN,
  FILLS,
  FONTS,
  THIN_BORDER,
  addListSheet,
  displayWidth,
  ensureRowHeight,
  freeze,
  inlineListFormula,
  isoToExcelDate,
  listValidation,
  merge,
  newWorkbook,
  rowHeightFor,
  safeSheetName,
  setText,
  setValue,
  setupPrint,
  styleRange,
  validateRange,
  workbookBytes,
  wrappedLines,
  writeMetaLine,
  writeNotes,
  type Workbook,
} from './xlsx-common.js';

export interface Annex2RowInput {
  /** 序号; omitted → the row's number (1..n); '' → an empty cell */
  seq?: number | string;
  name?: string;
  location?: string;
  uscc?: string;
  industry?: string;
  permit?: string;
  /** an IsoDate is written as a real date cell; any other text as text */
  includedOn?: string;
  validUntil?: string;
  criterion?: string;
}

export interface Annex2WorkbookOptions {
  /** 填报单位, default '' */
  unit?: string;
  /** 填表时间 text */
  date?: string;
  rows?: Annex2RowInput[];
  /** pre-numbered empty rows after the given rows: default 20 with no rows, 0 with rows */
  blankRows?: number;
  /** names for a 填报单位 dropdown (kept on a reference sheet) */
  units?: string[];
  sheetName?: string;
}

export interface Annex2SheetInfo {
  sheet: Worksheet;
  headerRow: number;
  firstDataRow: number;
  /** last data row (given + blank rows); firstDataRow − 1 when there are none */
  lastDataRow: number;
  /** column number of each key */
  columns: Record<Annex2Key, number>;
  /** the last row written (the last 说明 line) */
  lastRow: number;
}

export const ANNEX2_UNITS_SHEET = '单位名单';
export const ANNEX2_CRITERIA_SHEET = '纳入情形';
const HEADER = 4;
const FIRST_DATA = 5;
export const DATE_FORMAT = 'yyyy-mm-dd';

const COL = Object.fromEntries(ANNEX2_COLUMNS.map((d, i) => [d.key, i + 1])) as Record<Annex2Key, number>;
const DEF = Object.fromEntries(ANNEX2_COLUMNS.map((d) => [d.key, d])) as Record<Annex2Key, (typeof ANNEX2_COLUMNS)[number]>;

/** The 说明 under the table: the optional columns and their formats (headers taken from the layout). */
export function annex2Notes(): string[] {
  const opt = ANNEX2_COLUMNS.filter((d) => d.optional);
  const first = COL[opt[0]!.key],
    last = COL[opt[opt.length - 1]!.key];
  return [
    '说  明：',
    `1.第${first}-${last}列（${opt.map((d) => d.header).join('、')}）为选填列，用于公示正面清单有效期（原则上为纳入之日起3年）；不填写不影响报送。`,
    `2.${DEF.includedOn.header}：填写纳入正面清单的日期，格式如 2021-09-30；${DEF.validUntil.header}：填写最后有效日（如 2024-09-29），或起止区间（如 2021.09.30-2024.09.29）。`,
    `3.${DEF.criterion.header}：从下拉列表选择纳入依据，可选 ${CRITERIA.map((c) => c.label).join('、')}。`,
    `4.${DEF.uscc.header}为18位，${DEF.permit.header}一般为22位（信用代码+3位序号+1位字母），两列均已设为文本格式，请勿改为数值。`,
  ];
}

/**
 * The declared width, except 纳入情形: widened so every dropdown label fits on at most two lines
 * and the short ones on one (the declared 10 would cut `二（民生保障）`).
 */
export function columnWidth(key: Annex2Key): number {
  const w = DEF[key].width;
  if (key !== 'criterion') return w;
  const widths = CRITERIA.map((c) => displayWidth(c.label)).sort((a, b) => a - b);
  return Math.max(w, widths[0]! + 2, Math.ceil(widths[widths.length - 1]! / 2) + 3);
}

/** Cell comments on the optional headers. */
const OPTIONAL_HINT: Partial<Record<Annex2Key, string>> = {
  includedOn: '选填。纳入正面清单的日期，格式 yyyy-mm-dd，如 2021-09-30。',
  validUntil: '选填。最后有效日（如 2024-09-29）或起止区间（如 2021.09.30-2024.09.29）；原则上为纳入之日起3年。',
  criterion: '选填。纳入依据（通知第三（二）条的五种情形），从下拉列表选择。',
};

/** Add the Annex 2 sheet to a workbook (and the reference sheets its dropdowns need). */
export function addAnnex2Sheet(wb: Workbook, opts: Annex2WorkbookOptions = {}, taken: Set<string> = new Set()): Annex2SheetInfo {
  const ws = wb.addWorksheet(safeSheetName(opts.sheetName ?? ANNEX2_LABEL, taken));
  const nCols = ANNEX2_COLUMNS.length;
  ANNEX2_COLUMNS.forEach((d, i) => (ws.getColumn(i + 1).width = columnWidth(d.key)));

  setText(ws.getCell(1, 1), ANNEX2_LABEL);
  ws.getCell(1, 1).font = FONTS.label;
  ws.getCell(1, 1).alignment = { horizontal: 'left', vertical: 'middle' };
  merge(ws, 2, 1, 2, nCols);
  setText(ws.getCell(2, 1), ANNEX2_TITLE);
  styleRange(ws, 2, 1, 2, nCols, { font: FONTS.title, alignment: ALIGN.centre });
  ensureRowHeight(ws, 2, rowHeightFor(1, 18) + 6);
  writeMetaLine(ws, 3, [
    { label: '填报单位：', value: opts.unit ?? '', labelCols: [1, 2], valueCols: [3, 4] },
    { label: '填表时间：', value: opts.date ?? '', labelCols: [5, 5], valueCols: [6, 6] },
  ]);

  // header
  const fontSize = FONTS.header.size ?? 10;
  let lines = 1;
  ANNEX2_COLUMNS.forEach((d, i) => {
    const cell = ws.getCell(HEADER, i + 1);
    setText(cell, d.header);
    cell.font = FONTS.header;
    cell.border = THIN_BORDER;
    cell.alignment = ALIGN.centre;
    cell.fill = d.optional ? FILLS.optionalHeader : FILLS.header;
    const hint = OPTIONAL_HINT[d.key];
    if (d.optional && hint) cell.note = hint;
    lines = Math.max(lines, wrappedLines(d.header, columnWidth(d.key), fontSize));
  });
  ws.getRow(HEADER).height = rowHeightFor(lines, fontSize) + 4;

  // data rows
  const rows = opts.rows ?? [];
  const blank = opts.blankRows ?? (opts.rows ? 0 : 20);
  const total = rows.length + Math.max(0, blank);
  const last = FIRST_DATA + total - 1;
  rows.forEach((row, i) => writeRow(ws, FIRST_DATA + i, row, i + 1));
  for (let i = rows.length; i < total; i++) setValue(ws.getCell(FIRST_DATA + i, COL.seq), i + 1);
  if (total > 0) formatData(wb, ws, last, taken);

  const notesLast = writeNotes(ws, Math.max(last, HEADER) + 2, 1, nCols, annex2Notes());
  if (opts.units?.length) {
    const list = addListSheet(wb, ANNEX2_UNITS_SHEET, '单位名单（供“填报单位”下拉选择，请勿删除或改名）', opts.units, taken);
    ws.getCell(3, 3).dataValidation = listValidation(list.formula, { error: '请从下拉列表选择单位名称。' });
  }

  freeze(ws, HEADER);
  setupPrint(ws, { landscape: true, fitWidth: true, titleRows: [HEADER, HEADER] });
  return { sheet: ws, headerRow: HEADER, firstDataRow: FIRST_DATA, lastDataRow: last, columns: COL, lastRow: notesLast };
}

function writeRow(ws: Worksheet, r: number, row: Annex2RowInput, n: number): void {
  setValue(ws.getCell(r, COL.seq), row.seq === undefined ? n : row.seq);
  for (const key of ['name', 'location', 'uscc', 'industry', 'permit', 'criterion'] as const) setValue(ws.getCell(r, COL[key]), row[key]);
  for (const key of ['includedOn', 'validUntil'] as const) {
    const v = row[key];
    const d = v === undefined ? null : isoToExcelDate(v);
    setValue(ws.getCell(r, COL[key]), d ?? v);
  }
  let lines = 1;
  for (const d of ANNEX2_COLUMNS) {
    const v = row[d.key];
    if (typeof v === 'string' && v) lines = Math.max(lines, wrappedLines(v, columnWidth(d.key)));
  }
  ensureRowHeight(ws, r, rowHeightFor(lines) + 4);
}

/** Styles, number formats and validations of the data rows. */
function formatData(wb: Workbook, ws: Worksheet, last: number, taken: Set<string>): void {
  const nCols = ANNEX2_COLUMNS.length;
  styleRange(ws, FIRST_DATA, 1, last, nCols, { font: FONTS.body, border: THIN_BORDER, alignment: ALIGN.left });
  styleRange(ws, FIRST_DATA, COL.seq, last, COL.seq, { alignment: ALIGN.centre });
  // TEXT, so an 18-digit code typed in is kept whole instead of becoming 9.15E+17
  for (const k of ['uscc', 'permit'] as const) styleRange(ws, FIRST_DATA, COL[k], last, COL[k], { numFmt: '@', alignment: ALIGN.centre });
  for (const k of ['includedOn', 'validUntil'] as const) styleRange(ws, FIRST_DATA, COL[k], last, COL[k], { numFmt: DATE_FORMAT, alignment: ALIGN.centre });
  styleRange(ws, FIRST_DATA, COL.criterion, last, COL.criterion, { alignment: ALIGN.centre });
  for (let r = FIRST_DATA; r <= last; r++) ensureRowHeight(ws, r, rowHeightFor(1) + 4);

  validateRange(ws, FIRST_DATA, COL.uscc, last, COL.uscc, {
    type: 'textLength',
    operator: 'equal',
    allowBlank: true,
    formulae: [18],
    showInputMessage: true,
    promptTitle: DEF.uscc.header,
    prompt: '18位代码，字母大写；本列为文本格式，请勿改为数值。',
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '位数不对',
    error: '统一社会信用代码应为18位（数字或大写字母），请核对。',
  });
  validateRange(ws, FIRST_DATA, COL.permit, last, COL.permit, {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [18, 30],
    showInputMessage: true,
    promptTitle: '排污许可证编号',
    prompt: '一般为22位：统一社会信用代码+3位序号+1位字母（如 91500000XXXXXXXXXX001P）。',
    showErrorMessage: false,
  });
  const dateCheck: DataValidation = {
    type: 'date',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showInputMessage: true,
    promptTitle: '选填',
    prompt: OPTIONAL_HINT.includedOn!.replace(/^选填。/, ''),
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '日期格式',
    error: '请填写日期，格式如 2021-09-30。',
  };
  validateRange(ws, FIRST_DATA, COL.includedOn, last, COL.includedOn, dateCheck);
  // 有效期至 also accepts a range as text, so only a prompt (no error) there
  validateRange(ws, FIRST_DATA, COL.validUntil, last, COL.validUntil, {
    ...dateCheck,
    prompt: OPTIONAL_HINT.validUntil!.replace(/^选填。/, ''),
    showErrorMessage: false,
  });
  const labels = CRITERIA.map((c) => c.label);
  const formula = inlineListFormula(labels) ?? addListSheet(wb, ANNEX2_CRITERIA_SHEET, `${DEF.criterion.header}（供下拉选择，请勿删除）`, labels, taken).formula;
  validateRange(
    ws,
    FIRST_DATA,
    COL.criterion,
    last,
    COL.criterion,
    listValidation(formula, {
      error: `请从下拉列表选择：${labels.join('、')}。`,
      prompt: '选填，从下拉列表选择',
    }),
  );
}

/** The Annex 2 workbook as .xlsx bytes. */
export async function buildAnnex2Workbook(opts: Annex2WorkbookOptions = {}): Promise<Uint8Array> {
  const wb = newWorkbook();
  addAnnex2Sheet(wb, opts);
  return workbookBytes(wb);
}
