/**
 * The workbook of `zmqd check --out FILE.xlsx` (资格核查.xlsx), led by what needs action:
 *   1. 需处理 — only the entries that need a decision (remove, expired, to verify, attention: not
 *      eligible, must remove, never again, objection upheld, cannot tell, expiring, no visit …),
 *      grouped by district under a title row each, with both verdicts and their evidence;
 *   2. 核查结果 — every entry, filterable, header frozen;
 *   3. 汇总 — the counts and the data files read, on one page;
 *   4. 其他问题 — the findings not tied to an entry, file-level notes of one kind on one line.
 * Every sheet prints on A4 landscape, fitted to the page width, the header row repeated on each page.
 * Every piece of user text goes through setText: `=…`, `+…`, `-…`, `@…` stay text.
 */
import type { Cell, Fill, Worksheet } from 'exceljs';
import type { Lang, RenderedFinding } from '../core/findings/types.js';
import { ACTIONS, ACTION_LABEL, type Action } from '../core/check/check.js';
import { labels } from '../core/i18n/index.js';
import { ENCODING_NAME } from '../core/data/decode.js';
import { EXPLAINED_BY_REASONS, type CheckJson } from '../core/report/check-json.js';
import {
  ALIGN,
  FILLS,
  FONTS,
  SEVERITY_FONT_COLOURS,
  THIN_BORDER,
  ensureRowHeight,
  fitColumnWidth,
  freeze,
  isoToExcelDate,
  merge,
  newWorkbook,
  rowHeightFor,
  safeSheetName,
  setText,
  setValue,
  setupPrint,
  solidFill,
  workbookBytes,
  wrappedLines,
} from './xlsx-common.js';

type Entry = CheckJson['entries'][number];
type Verdict = NonNullable<Entry['verdicts']['whileListed']>;

const ACTION_FILL: Record<Action, Fill> = {
  remove: solidFill('FFFFC7CE'),
  renew: solidFill('FFE4DFEC'),
  verify: solidFill('FFFFEB9C'),
  attention: solidFill('FFDDEBF7'),
  ok: solidFill('FFC6EFCE'),
};
const VERDICT_FILL = { true: solidFill('FFC6EFCE'), false: solidFill('FFFFC7CE'), null: solidFill('FFFFEB9C') };
const DISTRICT_FILL = solidFill('FFD9E1F2');

/** The workbook's words, and the criteria's numerals, in a language. */
function wordsOf(lang: Lang) {
  const L = labels(lang);
  return { ...L.report.checkWorkbook, sev: L.severity, crit: (ns: number[]) => ns.map((n) => L.report.criterion[n]).join(L.report.listSep) };
}

const FONT_SIZE = 10;
/** wrappedLines counts conservatively; LibreOffice and Excel fit about this much more on a line of small text */
const LINE_SLACK = 1.15;
const lines = (text: string, width: number) => wrappedLines(text, width * LINE_SLACK, FONT_SIZE);

function headerRow(ws: Worksheet, r: number, headers: string[]): void {
  headers.forEach((h, i) => {
    const c = ws.getCell(r, i + 1);
    setText(c, h);
    c.font = FONTS.header;
    c.fill = FILLS.header;
    c.border = THIN_BORDER;
    c.alignment = ALIGN.centre;
  });
}

function dateCell(cell: Cell, iso: string | null): void {
  const d = iso ? isoToExcelDate(iso) : null;
  if (d) {
    cell.value = d;
    cell.numFmt = 'yyyy-mm-dd';
  } else setValue(cell, iso ?? '');
}

/** The entry's reasons other than the two verdicts' own sentences (shown with the verdicts). */
function otherReasons(e: Entry): string[] {
  const own = new Set([e.verdicts.whileListed?.summary, e.verdicts.atInclusion?.summary].filter((x): x is string => x !== undefined));
  return e.reasons.filter((r) => !own.has(r));
}

function otherFindings(e: Entry, lang: Lang): string[] {
  return e.findings.filter((f) => !EXPLAINED_BY_REASONS.has(f.code)).map((f) => `[${wordsOf(lang).sev[f.severity]}] ${f.message}`);
}

/** A verdict and its grounds in one cell: the word first, then the sentence with its records. */
function verdictText(v: Verdict | null, eligible: boolean | null, lang: Lang, noDate: boolean): string {
  const L = wordsOf(lang);
  if (noDate) return L.noDate;
  return v ? `${L.verdict(eligible)}\n${v.summary}` : L.verdict(eligible);
}

function numbered(lines: string[]): string {
  return lines.length > 1 ? lines.map((x, k) => `${k + 1}. ${x}`).join('\n') : (lines[0] ?? '');
}

export async function buildCheckReport(j: CheckJson, lang: Lang): Promise<Uint8Array> {
  const L = wordsOf(lang);
  const wb = newWorkbook();
  const taken = new Set<string>();
  actionSheet(wb.addWorksheet(safeSheetName(L.action, taken)), j, lang);
  resultsSheet(wb.addWorksheet(safeSheetName(L.results, taken)), j, lang);
  summarySheet(wb.addWorksheet(safeSheetName(L.summary, taken)), j, lang);
  otherSheet(wb.addWorksheet(safeSheetName(L.other, taken)), j, lang);
  return workbookBytes(wb);
}

/** The entries needing a decision, by district (in the order the lists were read), most urgent first. */
function actionSheet(ws: Worksheet, j: CheckJson, lang: Lang): void {
  const L = wordsOf(lang);
  const widths = [8, 5, 20, 20, 6, 11, 11, 46, 46, 36];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const need = j.entries.filter((e) => e.action !== 'ok');
  const title = ws.getCell(1, 1);
  setText(title, L.actionTitle(j.asOf, need.length, j.entries.length));
  title.font = FONTS.label;
  merge(ws, 1, 1, 1, widths.length);
  headerRow(ws, 2, L.actionHeaders);
  ensureRowHeight(ws, 2, rowHeightFor(2, FONT_SIZE));
  let r = 2;
  if (!need.length) {
    setText(ws.getCell(++r, 1), L.nothing);
    merge(ws, r, 1, r, widths.length);
  }
  const groups = new Map<string, Entry[]>();
  for (const e of j.entries) {
    const k = e.district ?? e.file;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  for (const [unit, all] of groups) {
    const list = all.filter((e) => e.action !== 'ok').sort((a, b) => ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action) || a.row - b.row);
    if (!list.length) continue;
    r++;
    const head = ws.getCell(r, 1);
    setText(head, L.districtLine(unit, [...new Set(all.map((e) => e.file))].join(labels(lang).report.listSep), list.length, all.length));
    merge(ws, r, 1, r, widths.length);
    head.font = { ...FONTS.header, size: 11 };
    head.fill = DISTRICT_FILL;
    head.alignment = { vertical: 'middle', horizontal: 'left' };
    ws.getRow(r).height = 20;
    for (const e of list) {
      r++;
      const row = ws.getRow(r);
      const noDate = e.includedOn === null;
      const texts = [
        ACTION_LABEL[e.action][lang],
        e.row,
        e.name,
        e.uscc,
        e.declaredCriterion ? L.crit([e.declaredCriterion]) : L.none,
        null,
        null,
        verdictText(e.verdicts.whileListed, e.eligible, lang, false),
        verdictText(e.verdicts.atInclusion, e.eligibleAtInclusion, lang, noDate),
        numbered([...otherReasons(e), ...otherFindings(e, lang)]),
      ];
      texts.forEach((v, i) => {
        const c = row.getCell(i + 1);
        if (typeof v === 'number') setValue(c, v);
        else if (typeof v === 'string') setText(c, v);
        c.font = FONTS.small;
        c.border = THIN_BORDER;
        c.alignment = i >= 7 || i === 2 ? ALIGN.leftTop : { ...ALIGN.centre, vertical: 'top' };
      });
      row.getCell(4).numFmt = '@';
      dateCell(row.getCell(6), e.includedOn);
      dateCell(row.getCell(7), e.validUntil);
      row.getCell(1).fill = ACTION_FILL[e.action];
      row.getCell(8).fill = VERDICT_FILL[String(e.eligible) as 'true' | 'false' | 'null'];
      if (!noDate) row.getCell(9).fill = VERDICT_FILL[String(e.eligibleAtInclusion) as 'true' | 'false' | 'null'];
      if (e.validity === 'expired') row.getCell(7).fill = FILLS.error;
      else if (e.validity === 'expiring') row.getCell(7).fill = FILLS.warning;
      const n = Math.max(...[2, 7, 8, 9].map((i) => lines(String(texts[i] ?? ''), widths[i]!)));
      ensureRowHeight(ws, r, Math.min(409, rowHeightFor(n, FONT_SIZE)));
    }
  }
  freeze(ws, 2, 0);
  setupPrint(ws, { landscape: true, titleRows: [2, 2], fitWidth: true });
}

function resultsSheet(ws: Worksheet, j: CheckJson, lang: Lang): void {
  const L = wordsOf(lang);
  headerRow(ws, 1, L.headers);
  const widths = [9, 16, 5, 20, 19, 11, 11, 8, 6, 8, 8, 8, 40, 8, 40, 7, 6, 7, 32, 24];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  j.entries.forEach((e, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    const cells = (c: number) => row.getCell(c);
    const noDate = e.includedOn === null;
    setText(cells(1), e.district ?? '');
    setText(cells(2), e.file);
    setValue(cells(3), e.row);
    setText(cells(4), e.name);
    setText(cells(5), e.uscc);
    cells(5).numFmt = '@';
    dateCell(cells(6), e.includedOn);
    dateCell(cells(7), e.validUntil);
    setText(cells(8), L.validity[e.validity] ?? e.validity);
    setText(cells(9), e.declaredCriterion ? L.crit([e.declaredCriterion]) : L.none);
    setText(cells(10), e.metCriteria.length ? L.crit(e.metCriteria) : L.none);
    setText(cells(11), e.metCriteriaAtInclusion === null ? L.none : e.metCriteriaAtInclusion.length ? L.crit(e.metCriteriaAtInclusion) : L.none);
    setText(cells(12), L.verdict(e.eligible));
    setText(cells(13), e.verdicts.whileListed?.summary ?? '');
    setText(cells(14), noDate ? L.none : L.verdict(e.eligibleAtInclusion));
    setText(cells(15), noDate ? L.noDate : (e.verdicts.atInclusion?.summary ?? ''));
    setText(cells(16), e.neverAgain ? L.yes : L.no);
    setText(cells(17), e.mustRemove ? L.yes : L.no);
    setText(cells(18), ACTION_LABEL[e.action][lang]);
    const reasons = numbered(otherReasons(e));
    setText(cells(19), reasons);
    const other = otherFindings(e, lang).join('\n');
    setText(cells(20), other);
    for (let c = 1; c <= L.headers.length; c++) {
      const cell = cells(c);
      cell.font = FONTS.small;
      cell.border = THIN_BORDER;
      cell.alignment = [2, 4, 13, 15, 19, 20].includes(c) ? ALIGN.leftTop : { ...ALIGN.centre, vertical: 'top' };
    }
    cells(12).fill = VERDICT_FILL[String(e.eligible) as 'true' | 'false' | 'null'];
    if (!noDate) cells(14).fill = VERDICT_FILL[String(e.eligibleAtInclusion) as 'true' | 'false' | 'null'];
    if (e.validity === 'expired') cells(8).fill = FILLS.error;
    else if (e.validity === 'expiring') cells(8).fill = FILLS.warning;
    if (e.neverAgain) cells(16).fill = FILLS.error;
    if (e.mustRemove) cells(17).fill = FILLS.error;
    cells(18).fill = ACTION_FILL[e.action];
    const texts: [string, number][] = [
      [e.file, 1],
      [e.name, 3],
      [e.verdicts.whileListed?.summary ?? '', 12],
      [e.verdicts.atInclusion?.summary ?? '', 14],
      [reasons, 18],
      [other, 19],
    ];
    const n = Math.max(...texts.map(([t, k]) => lines(t, widths[k]!)));
    ensureRowHeight(ws, r, Math.min(409, rowHeightFor(n, FONT_SIZE)));
  });
  ensureRowHeight(ws, 1, rowHeightFor(2, FONT_SIZE));
  const last = Math.max(1, j.entries.length + 1);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: L.headers.length } };
  freeze(ws, 1, 0);
  setupPrint(ws, { landscape: true, titleRows: [1, 1], fitWidth: true });
}

/** The summary sheet's rows: a label and its count. */
function summaryRows(j: CheckJson, lang: Lang): [string, string | number][] {
  const R = labels(lang).report.checkWorkbook.summaryRows;
  return [
    [R.asOf, j.asOf],
    [R.entries, j.summary.entries],
    [R.action, j.entries.filter((e) => e.action !== 'ok').length],
    [R.eligible, j.summary.eligible],
    [R.ineligible, j.summary.ineligible],
    [R.unverifiable, j.summary.unverifiable],
    [R.ineligibleAtInclusion, j.entries.filter((e) => e.eligibleAtInclusion === false).length],
    [R.expired, j.summary.expired],
    [R.expiring, j.summary.expiring],
    [R.mustRemove, j.summary.mustRemove],
    [R.neverAgain, j.summary.neverAgain],
    [R.objectionUpheld, j.summary.objectionUpheld],
    [R.stableRate, `${j.stableRate}%`],
    [R.errors, j.errors],
    [R.warnings, j.warnings],
  ];
}

function summarySheet(ws: Worksheet, j: CheckJson, lang: Lang): void {
  const L = wordsOf(lang);
  const title = ws.getCell(1, 1);
  setText(title, L.title(j.asOf));
  title.font = FONTS.label;
  let r = 3;
  const rows = summaryRows(j, lang);
  for (const [k, v] of rows) {
    setText(ws.getCell(r, 1), k);
    setValue(ws.getCell(r, 2), v);
    ws.getCell(r, 1).font = FONTS.body;
    ws.getCell(r, 2).font = FONTS.body;
    ws.getCell(r, 2).alignment = ALIGN.right;
    r++;
  }
  r++;
  headerRow(ws, r, L.dataHeaders);
  for (const d of j.data) {
    r++;
    const vals: (string | number)[] = [labels(lang).check.dataKind[d.kind], d.file, d.format, d.encoding ? ENCODING_NAME[d.encoding] : '', d.rows, d.invalid];
    vals.forEach((v, i) => {
      const c = ws.getCell(r, i + 1);
      setValue(c, v);
      c.font = FONTS.small;
      c.border = THIN_BORDER;
      c.alignment = i === 1 ? ALIGN.leftTop : { ...ALIGN.left, vertical: 'top' };
    });
    ensureRowHeight(ws, r, rowHeightFor(wrappedLines(d.file, 48, FONT_SIZE), FONT_SIZE));
  }
  ws.getColumn(1).width = fitColumnWidth(
    rows.map(([k]) => k),
    14,
    44,
  );
  ws.getColumn(2).width = 48;
  for (const c of [3, 4, 5, 6]) ws.getColumn(c).width = 12;
  setupPrint(ws, { landscape: true });
  // the whole summary on one page
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 1;
}

/**
 * File-level notes of one kind (the same code, no row or cell: e.g. 39 Annex 1 files that are not
 * lists) become one line naming the files; row-level findings keep a line each.
 */
function collapse(findings: RenderedFinding[], lang: Lang): (RenderedFinding & { fileText: string })[] {
  const L = wordsOf(lang);
  const groups = new Map<string, RenderedFinding[]>();
  const out: (RenderedFinding & { fileText: string })[] = [];
  for (const f of findings) {
    if (f.row !== undefined || f.cell !== undefined) continue;
    const k = `${f.code}|${f.severity}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const done = new Set<string>();
  for (const f of findings) {
    const k = `${f.code}|${f.severity}`;
    const g = f.row === undefined && f.cell === undefined ? groups.get(k) : undefined;
    if (!g || g.length < 2) {
      out.push({ ...f, fileText: f.file ?? '' });
      continue;
    }
    if (done.has(k)) continue;
    done.add(k);
    const files = g.map((x) => x.file ?? '').filter(Boolean);
    const shown = files.slice(0, 12).join(labels(lang).report.listSep) + (files.length > 12 ? L.more : '');
    out.push({ ...f, fileText: L.nFiles(g.length), message: f.message + L.files(g.length, shown) });
  }
  return out;
}

function otherSheet(ws: Worksheet, j: CheckJson, lang: Lang): void {
  const L = wordsOf(lang);
  headerRow(ws, 1, L.otherHeaders);
  const widths = [30, 12, 8, 6, 8, 22, 80];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const rows = collapse(j.findings, lang);
  rows.forEach((f, i) => {
    const r = i + 2;
    const vals: (string | number | undefined)[] = [f.fileText, f.sheet, f.cell, f.row, L.sev[f.severity], f.code, f.message];
    vals.forEach((v, k) => {
      const c = ws.getCell(r, k + 1);
      setValue(c, v ?? '');
      c.font = k === 4 ? { ...FONTS.small, color: { argb: SEVERITY_FONT_COLOURS[f.severity] } } : FONTS.small;
      c.border = THIN_BORDER;
      c.alignment = k === 6 || k === 0 ? ALIGN.leftTop : { ...ALIGN.left, vertical: 'top' };
    });
    ensureRowHeight(ws, r, rowHeightFor(Math.max(wrappedLines(f.message, widths[6]!, FONT_SIZE), wrappedLines(f.fileText, widths[0]!, FONT_SIZE)), FONT_SIZE));
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: L.otherHeaders.length } };
  freeze(ws, 1);
  setupPrint(ws, { landscape: true, titleRows: [1, 1], fitWidth: true });
}
