/**
 * The findings workbook of `zmqd validate --report FILE.xlsx` (and of `zmqd report`): a summary
 * per file, one row per finding, and a count per finding code. Every piece of user text (file
 * names, values, messages) is written as a text cell, never a formula.
 */
import type { Worksheet } from 'exceljs';
import type { Workbook } from './xlsx-common.js';
import type { Lang, RenderedFinding, Severity } from '../core/findings/types.js';
import { titleOf } from '../core/findings/make.js';
import {
  ALIGN,
  FILLS,
  FONTS,
  SEVERITY_FONT_COLOURS,
  THIN_BORDER,
  ensureRowHeight,
  fitColumnWidth,
  freeze,
  merge,
  newWorkbook,
  rowHeightFor,
  safeSheetName,
  setText,
  setValue,
  setupPrint,
  styleRange,
  workbookBytes,
  wrappedLines,
} from './xlsx-common.js';

export interface FindingsReportFile {
  file: string;
  kind: string | null;
  district: string | null;
  rows: number;
  errors: number;
  warnings: number;
}

export interface FindingsReportOptions {
  lang: Lang;
  title?: string;
  asOf?: string;
  files: FindingsReportFile[];
  findings: RenderedFinding[];
}

const T = {
  zh: {
    title: '正面清单附表校验问题清单',
    asOf: '判定日期：',
    counts: (f: number, e: number, w: number, i: number) => `文件 ${f} 个；错误 ${e} 条，警告 ${w} 条，提示 ${i} 条`,
    summary: '汇总',
    findings: '问题',
    byCode: '问题分类',
    summaryHeaders: ['文件', '类型', '单位', '行数', '错误', '警告'],
    findingHeaders: ['文件', '工作表', '单元格', '行', '列', '严重程度', '代码', '问题说明', '值', '应为'],
    codeHeaders: ['代码', '问题类型', '严重程度', '条数'],
    total: '合计',
    none: '未发现问题。',
    kind: { annex1: '附表1', annex2: '附表2', null: '未识别' } as Record<string, string>,
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
  },
  en: {
    title: 'Positive-list annex validation findings',
    asOf: 'As of: ',
    counts: (f: number, e: number, w: number, i: number) => `${f} file(s); ${e} error(s), ${w} warning(s), ${i} note(s)`,
    summary: 'Summary',
    findings: 'Findings',
    byCode: 'By code',
    summaryHeaders: ['File', 'Kind', 'Unit', 'Rows', 'Errors', 'Warnings'],
    findingHeaders: ['File', 'Sheet', 'Cell', 'Row', 'Column', 'Severity', 'Code', 'Message', 'Value', 'Expected'],
    codeHeaders: ['Code', 'Title', 'Severity', 'Count'],
    total: 'Total',
    none: 'No findings.',
    kind: { annex1: 'Annex 1', annex2: 'Annex 2', null: 'not recognised' } as Record<string, string>,
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
  },
} as const;

/** A sheet with one row per finding (file, sheet, cell, row, column, severity, code, message, value, expected). */
export function addFindingsSheet(wb: Workbook, name: string, findings: readonly RenderedFinding[], lang: Lang, taken: Set<string>): Worksheet {
  const t = T[lang];
  const fs = wb.addWorksheet(safeSheetName(name, taken));
  const heads = t.findingHeaders;
  const nF = heads.length;
  headerRow(fs, 1, heads);
  const texts: string[][] = [[...heads]];
  const MSG = 8;
  const widthLimits: [number, number][] = [[16, 40], [8, 16], [7, 9], [5, 7], [10, 24], [9, 10], [12, 26], [40, 70], [10, 30], [10, 30]];
  const row = (f: RenderedFinding): (string | number | undefined)[] => [
    f.file,
    f.sheet,
    f.cell,
    f.row,
    f.column,
    t.severity[f.severity] ?? f.severity,
    f.code,
    f.message,
    f.value,
    f.expected,
  ];
  findings.forEach((f, i) => {
    const r = 2 + i;
    const vals = row(f);
    vals.forEach((v, j) => {
      const cell = fs.getCell(r, j + 1);
      if (typeof v === 'number') cell.value = v;
      else if (v !== undefined && v !== '') setText(cell, v);
    });
    texts.push(vals.map((v) => (v === undefined ? '' : String(v))));
  });
  const lastF = 1 + findings.length;
  if (findings.length) {
    styleRange(fs, 2, 1, lastF, nF, { font: FONTS.small, border: THIN_BORDER, alignment: ALIGN.left });
    styleRange(fs, 2, 3, lastF, 4, { alignment: ALIGN.centre });
    styleRange(fs, 2, 6, lastF, 6, { alignment: ALIGN.centre });
    styleRange(fs, 2, 9, lastF, 10, { numFmt: '@' });
  } else {
    merge(fs, 2, 1, 2, nF);
    setText(fs.getCell(2, 1), t.none);
    fs.getCell(2, 1).font = FONTS.small;
  }
  fitWidths(fs, texts, widthLimits);
  findings.forEach((f, i) => {
    const r = 2 + i;
    paintSeverity(fs, r, 6, f.severity);
    // the message column wraps: give the row the height its longest wrapped cell needs
    let lines = 1;
    for (const j of [1, 5, MSG, 9, 10]) {
      const s = texts[i + 1]![j - 1]!;
      if (s) lines = Math.max(lines, wrappedLines(s, fs.getColumn(j).width ?? 10, 10));
    }
    if (lines > 1) fs.getRow(r).height = Math.min(409, rowHeightFor(lines, 10));
  });
  if (findings.length) fs.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastF, column: nF } };
  freeze(fs, 1);
  setupPrint(fs, { landscape: true, fitWidth: true, titleRows: [1, 1] });

  return fs;
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Colour a severity cell (fill + font colour), the same on every sheet. */
function paintSeverity(ws: Worksheet, r: number, c: number, sev: Severity): void {
  const cell = ws.getCell(r, c);
  cell.fill = FILLS[sev];
  cell.font = { ...FONTS.small, bold: sev === 'error', color: { argb: SEVERITY_FONT_COLOURS[sev] } };
}

function headerRow(ws: Worksheet, r: number, headers: readonly string[]): void {
  headers.forEach((h, i) => setText(ws.getCell(r, i + 1), h));
  styleRange(ws, r, 1, r, headers.length, { font: FONTS.header, fill: FILLS.header, border: THIN_BORDER, alignment: ALIGN.centre });
  ensureRowHeight(ws, r, rowHeightFor(1, 10) + 6);
}

/** Column widths from the content (CJK counts double), within limits per column. */
function fitWidths(ws: Worksheet, texts: string[][], limits: [number, number][]): void {
  limits.forEach(([min, max], i) => (ws.getColumn(i + 1).width = fitColumnWidth(texts.map((row) => row[i] ?? ''), min, max)));
}

export async function buildFindingsReport(opts: FindingsReportOptions): Promise<Uint8Array> {
  const t = T[opts.lang];
  const wb = newWorkbook();
  const taken = new Set<string>();

  // ---- 汇总 / Summary
  const sum = wb.addWorksheet(safeSheetName(t.summary, taken));
  const nSum = t.summaryHeaders.length;
  merge(sum, 1, 1, 1, nSum);
  setText(sum.getCell(1, 1), opts.title ?? t.title);
  styleRange(sum, 1, 1, 1, nSum, { font: { ...FONTS.title, size: 14 }, alignment: ALIGN.centre });
  ensureRowHeight(sum, 1, 26);
  // a findings-omitted counts as the findings it stands for (as in the JSON totals)
  const weight = (sev: string) => opts.findings.reduce((n, f) => n + (f.severity === sev ? (f.omitted ?? 1) : 0), 0);
  const errors = weight('error');
  const warnings = weight('warning');
  const infos = weight('info');
  merge(sum, 2, 1, 2, nSum);
  setText(sum.getCell(2, 1), `${opts.asOf ? `${t.asOf}${opts.asOf}；` : ''}${t.counts(opts.files.length, errors, warnings, infos)}`);
  styleRange(sum, 2, 1, 2, nSum, { font: FONTS.small, alignment: ALIGN.left });
  headerRow(sum, 3, t.summaryHeaders);
  const sumTexts: string[][] = [[...t.summaryHeaders]];
  opts.files.forEach((f, i) => {
    const r = 4 + i;
    const kind = t.kind[String(f.kind)] ?? String(f.kind);
    setText(sum.getCell(r, 1), f.file);
    setText(sum.getCell(r, 2), kind);
    setValue(sum.getCell(r, 3), f.district ?? '');
    sum.getCell(r, 4).value = f.rows;
    sum.getCell(r, 5).value = f.errors;
    sum.getCell(r, 6).value = f.warnings;
    if (f.errors > 0) paintSeverity(sum, r, 5, 'error');
    if (f.warnings > 0) paintSeverity(sum, r, 6, 'warning');
    sumTexts.push([f.file, kind, f.district ?? '', String(f.rows), String(f.errors), String(f.warnings)]);
  });
  const lastFile = 3 + opts.files.length;
  if (opts.files.length) {
    styleRange(sum, 4, 1, lastFile, nSum, { border: THIN_BORDER });
    for (let r = 4; r <= lastFile; r++) {
      styleRange(sum, r, 1, r, 3, { font: FONTS.small, alignment: ALIGN.left });
      for (let c = 4; c <= 6; c++) {
        const cell = sum.getCell(r, c);
        if (!cell.fill) cell.font = FONTS.small;
        cell.alignment = ALIGN.centre;
        cell.numFmt = '0';
      }
    }
  }
  // totals as plain values: the report carries no formulas at all
  const totalRow = lastFile + 1;
  setText(sum.getCell(totalRow, 1), t.total);
  sum.getCell(totalRow, 4).value = opts.files.reduce((a, f) => a + f.rows, 0);
  sum.getCell(totalRow, 5).value = opts.files.reduce((a, f) => a + f.errors, 0);
  sum.getCell(totalRow, 6).value = opts.files.reduce((a, f) => a + f.warnings, 0);
  styleRange(sum, totalRow, 1, totalRow, nSum, { font: { ...FONTS.small, bold: true }, fill: FILLS.total, border: THIN_BORDER, alignment: ALIGN.centre });
  fitWidths(sum, sumTexts, [[24, 60], [10, 16], [12, 24], [8, 10], [8, 10], [8, 10]]);
  if (opts.files.length) sum.autoFilter = { from: { row: 3, column: 1 }, to: { row: lastFile, column: nSum } };
  freeze(sum, 3);
  setupPrint(sum, { landscape: false, fitWidth: true, titleRows: [3, 3] });

  // ---- 问题 / Findings
  addFindingsSheet(wb, t.findings, opts.findings, opts.lang, taken);

  // ---- 问题分类 / By code: how often each code occurs, worst first
  const bc = wb.addWorksheet(safeSheetName(t.byCode, taken));
  headerRow(bc, 1, t.codeHeaders);
  const counts = new Map<string, { severity: Severity; n: number }>();
  for (const f of opts.findings) {
    const key = `${f.code}\u0000${f.severity}`;
    const e = counts.get(key);
    if (e) e.n++;
    else counts.set(key, { severity: f.severity, n: 1 });
  }
  const byCode = [...counts.entries()]
    .map(([k, v]) => ({ code: k.split('\u0000')[0]!, ...v }))
    .sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || b.n - a.n || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codeTexts: string[][] = [[...t.codeHeaders]];
  byCode.forEach((e, i) => {
    const r = 2 + i;
    const title = titleOf(e.code, opts.lang);
    setText(bc.getCell(r, 1), e.code);
    setText(bc.getCell(r, 2), title);
    setText(bc.getCell(r, 3), t.severity[e.severity]);
    bc.getCell(r, 4).value = e.n;
    styleRange(bc, r, 1, r, 4, { font: FONTS.small, border: THIN_BORDER, alignment: ALIGN.left });
    bc.getCell(r, 4).alignment = ALIGN.centre;
    paintSeverity(bc, r, 3, e.severity);
    codeTexts.push([e.code, title, t.severity[e.severity], String(e.n)]);
  });
  fitWidths(bc, codeTexts, [[14, 30], [20, 50], [9, 10], [8, 10]]);
  if (byCode.length) bc.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + byCode.length, column: 4 } };
  freeze(bc, 1);
  setupPrint(bc, { fitWidth: true, titleRows: [1, 1] });

  return workbookBytes(wb);
}

/**
 * The findings workbook of a validation (`zmqd validate --report`, and the self-check page's
 * download): one place, so the page's workbook is the command line's.
 */
export function buildValidateReport(json: { asOf: string; files: (FindingsReportFile & { findings: RenderedFinding[] })[] }, lang: Lang): Promise<Uint8Array> {
  return buildFindingsReport({
    lang,
    asOf: json.asOf,
    files: json.files.map(({ findings: _f, ...rest }) => rest),
    findings: json.files.flatMap((f) => f.findings),
  });
}
