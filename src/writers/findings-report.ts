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
  spanWidth,
  styleRange,
  workbookBytes,
  wrappedLines,
} from './xlsx-common.js';
import { labels } from '../core/i18n/index.js';

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

/** The workbook's words in a language, the severities as everywhere else. */
function wordsOf(lang: Lang) {
  const L = labels(lang);
  return { ...L.report.findingsWorkbook, severity: L.severity };
}

/** How a findings sheet is laid out beyond its table. */
export interface FindingsSheetOptions {
  /**
   * Lines above the table (the first is the title, the rest smaller, each merged across the table and
   * wrapped): a sheet that is sent on its own says whose it is, for which period, as of when, from which files.
   */
  heading?: string[];
  /** show file names without their folders (a district's sheet: the clerk's inbox path means nothing to it) */
  baseNames?: boolean;
  /** errors first, then warnings, then notes (each kind in the order given) */
  errorsFirst?: boolean;
}

/** The file name without its folders (browser-safe: both separators). */
export function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** A sheet with one row per finding (file, sheet, cell, row, column, severity, code, message, value, expected). */
export function addFindingsSheet(wb: Workbook, name: string, findings: readonly RenderedFinding[], lang: Lang, taken: Set<string>, o: FindingsSheetOptions = {}): Worksheet {
  const t = wordsOf(lang);
  const fs = wb.addWorksheet(safeSheetName(name, taken));
  const heads = t.findingHeaders;
  const nF = heads.length;
  const list = o.errorsFirst ? [...findings].sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity]) : findings;
  const heading = o.heading ?? [];
  const top = heading.length + 1; // the header row
  headerRow(fs, top, heads);
  const texts: string[][] = [[...heads]];
  const MSG = 8;
  const widthLimits: [number, number][] = [
    [16, 40],
    [8, 16],
    [7, 9],
    [5, 7],
    [10, 24],
    [9, 10],
    [12, 26],
    [40, 70],
    [10, 30],
    [10, 30],
  ];
  const row = (f: RenderedFinding): (string | number | undefined)[] => [
    f.file !== undefined && o.baseNames ? baseName(f.file) : f.file,
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
  list.forEach((f, i) => {
    const r = top + 1 + i;
    const vals = row(f);
    vals.forEach((v, j) => {
      const cell = fs.getCell(r, j + 1);
      if (typeof v === 'number') cell.value = v;
      else if (v !== undefined && v !== '') setText(cell, v);
    });
    texts.push(vals.map((v) => (v === undefined ? '' : String(v))));
  });
  const first = top + 1;
  const lastF = top + list.length;
  if (list.length) {
    styleRange(fs, first, 1, lastF, nF, { font: FONTS.small, border: THIN_BORDER, alignment: ALIGN.left });
    styleRange(fs, first, 3, lastF, 4, { alignment: ALIGN.centre });
    styleRange(fs, first, 6, lastF, 6, { alignment: ALIGN.centre });
    styleRange(fs, first, 9, lastF, 10, { numFmt: '@' });
  } else {
    merge(fs, first, 1, first, nF);
    setText(fs.getCell(first, 1), t.none);
    fs.getCell(first, 1).font = FONTS.small;
  }
  fitWidths(fs, texts, widthLimits);
  list.forEach((f, i) => {
    const r = first + i;
    paintSeverity(fs, r, 6, f.severity);
    // the message column wraps: give the row the height its longest wrapped cell needs
    let lines = 1;
    for (const j of [1, 2, 5, 7, MSG, 9, 10]) {
      const s = texts[i + 1]![j - 1]!;
      // a little slack: LibreOffice and WPS substitute 宋体 with wider fonts, and a clipped last line hides words
      if (s) lines = Math.max(lines, wrappedLines(s, (fs.getColumn(j).width ?? 10) * 0.92, 10));
    }
    if (lines > 1) fs.getRow(r).height = Math.min(409, rowHeightFor(lines, 10));
  });
  // the heading, merged across the table once the column widths are known (its wrapped height depends on them)
  heading.forEach((line, i) => {
    const r = i + 1;
    const font = i === 0 ? { ...FONTS.title, size: 14 } : FONTS.small;
    merge(fs, r, 1, r, nF);
    setText(fs.getCell(r, 1), line);
    styleRange(fs, r, 1, r, nF, { font, alignment: i === 0 ? ALIGN.centre : ALIGN.left });
    const size = font.size ?? 10;
    ensureRowHeight(fs, r, rowHeightFor(wrappedLines(line, spanWidth(fs, 1, nF), size), size) + (i === 0 ? 8 : 0));
  });
  if (list.length) fs.autoFilter = { from: { row: top, column: 1 }, to: { row: lastF, column: nF } };
  freeze(fs, top);
  setupPrint(fs, { landscape: true, fitWidth: true, titleRows: [top, top] });

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
  limits.forEach(
    ([min, max], i) =>
      (ws.getColumn(i + 1).width = fitColumnWidth(
        texts.map((row) => row[i] ?? ''),
        min,
        max,
      )),
  );
}

export async function buildFindingsReport(opts: FindingsReportOptions): Promise<Uint8Array> {
  const t = wordsOf(opts.lang);
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
  fitWidths(sum, sumTexts, [
    [24, 60],
    [10, 16],
    [12, 24],
    [8, 10],
    [8, 10],
    [8, 10],
  ]);
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
  fitWidths(bc, codeTexts, [
    [14, 30],
    [20, 50],
    [9, 10],
    [8, 10],
  ]);
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
