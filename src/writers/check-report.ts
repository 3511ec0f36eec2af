/**
 * The workbook of `zmqd check --out FILE.xlsx`: one row per entry (district, name, USCC, dates,
 * declared and met criteria, verdicts, reasons), filterable, verdict cells coloured, header frozen;
 * a summary sheet (as-of date, counts, the data files read); the findings not tied to an entry.
 * Every piece of user text goes through setText: `=…`, `+…`, `-…`, `@…` stay text.
 */
import type { Cell, Fill, Worksheet } from 'exceljs';
import type { Lang } from '../core/findings/types.js';
import { ACTION_LABEL, type Action } from '../core/check/check.js';
import { KIND_LABEL } from '../core/data/aliases.js';
import { ENCODING_NAME } from '../core/data/decode.js';
import type { CheckJson } from '../reporters/check-json.js';
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

const NUM_ZH = ['', '一', '二', '三', '四', '五'];
const NUM_EN = ['', 'I', 'II', 'III', 'IV', 'V'];

const ACTION_FILL: Record<Action, Fill> = {
  remove: solidFill('FFFFC7CE'),
  renew: solidFill('FFE4DFEC'),
  verify: solidFill('FFFFEB9C'),
  attention: solidFill('FFDDEBF7'),
  ok: solidFill('FFC6EFCE'),
};
const VERDICT_FILL = { true: solidFill('FFC6EFCE'), false: solidFill('FFFFC7CE'), null: solidFill('FFFFEB9C') };

const T = {
  zh: {
    results: '核查结果', summary: '汇总', other: '其他问题',
    headers: ['区县', '文件', '行', '企业名称', '统一社会信用代码', '纳入日期', '有效期至', '有效期', '纳入情形', '现符合情形', '纳入时符合情形', '现可否保留', '纳入时是否符合', '不得再纳入', '应移出', '处理', '理由', '其他问题'],
    validity: { valid: '有效', expiring: '即将到期', expired: '已过期', unknown: '无法判断' } as Record<string, string>,
    verdict: (v: boolean | null) => (v === true ? '符合' : v === false ? '不符合' : '无法判断'),
    yes: '是', no: '否', none: '—',
    crit: (ns: number[]) => ns.map((n) => NUM_ZH[n]).join('、'),
    summaryRows: (j: CheckJson): [string, string | number][] => [
      ['判断日期', j.asOf], ['清单企业', j.summary.entries], ['现符合条件', j.summary.eligible], ['现不符合条件', j.summary.ineligible],
      ['无法判断', j.summary.unverifiable], ['已过期', j.summary.expired], ['即将到期', j.summary.expiring],
      ['应移出（三(九)）', j.summary.mustRemove], ['不得再纳入（严重违法）', j.summary.neverAgain], ['错误', j.errors], ['警告', j.warnings],
    ],
    dataHeaders: ['数据', '文件', '格式', '编码', '可用行数', '无法使用的行'],
    otherHeaders: ['文件', '工作表', '单元格', '行', '严重程度', '代码', '说明'],
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
    title: (d: string) => `正面清单企业核查结果（判断日期 ${d}）`,
  },
  en: {
    results: 'Verdicts', summary: 'Summary', other: 'Other findings',
    headers: ['District', 'File', 'Row', 'Enterprise', 'USCC', 'Included on', 'Valid until', 'Validity', 'Declared', 'Meets now', 'Met at inclusion', 'May stay', 'Rightly listed', 'Never again', 'Must remove', 'Action', 'Reasons', 'Other findings'],
    validity: { valid: 'valid', expiring: 'expiring', expired: 'expired', unknown: 'unknown' } as Record<string, string>,
    verdict: (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : 'cannot tell'),
    yes: 'yes', no: 'no', none: '—',
    crit: (ns: number[]) => ns.map((n) => NUM_EN[n]).join(', '),
    summaryRows: (j: CheckJson): [string, string | number][] => [
      ['As of', j.asOf], ['Entries', j.summary.entries], ['Eligible', j.summary.eligible], ['Not eligible', j.summary.ineligible],
      ['Cannot tell', j.summary.unverifiable], ['Expired', j.summary.expired], ['Expiring', j.summary.expiring],
      ['Must remove (三(九))', j.summary.mustRemove], ['Never again (serious violation)', j.summary.neverAgain], ['Errors', j.errors], ['Warnings', j.warnings],
    ],
    dataHeaders: ['Data', 'File', 'Format', 'Encoding', 'Usable rows', 'Unusable rows'],
    otherHeaders: ['File', 'Sheet', 'Cell', 'Row', 'Severity', 'Code', 'Message'],
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
    title: (d: string) => `Positive-list check (as of ${d})`,
  },
};

/** Codes the reasons already explain (not repeated in the "other findings" column). */
const IN_REASONS = new Set(['not-eligible', 'no-longer-eligible', 'never-again', 'must-remove', 'assistance-visit-missing', 'not-in-data', 'uscc-duplicate-across-districts', 'entry-expired', 'entry-expiring']);

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

export async function buildCheckReport(j: CheckJson, lang: Lang): Promise<Uint8Array> {
  const L = T[lang];
  const wb = newWorkbook();
  const taken = new Set<string>();
  resultsSheet(wb.addWorksheet(safeSheetName(L.results, taken)), j, lang);
  summarySheet(wb.addWorksheet(safeSheetName(L.summary, taken)), j, lang);
  otherSheet(wb.addWorksheet(safeSheetName(L.other, taken)), j, lang);
  return workbookBytes(wb);
}

function resultsSheet(ws: Worksheet, j: CheckJson, lang: Lang): void {
  const L = T[lang];
  headerRow(ws, 1, L.headers);
  const widths = [12, 24, 6, 30, 22, 12, 12, 10, 9, 10, 12, 11, 12, 10, 8, 9, 70, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  j.entries.forEach((e, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    const cells = (c: number) => row.getCell(c);
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
    setText(cells(13), e.includedOn ? L.verdict(e.eligibleAtInclusion) : L.none);
    setText(cells(14), e.neverAgain ? L.yes : L.no);
    setText(cells(15), e.mustRemove ? L.yes : L.no);
    setText(cells(16), ACTION_LABEL[e.action][lang]);
    const reasons = e.reasons.map((x, k) => `${k + 1}. ${x}`).join('\n');
    setText(cells(17), reasons);
    const other = e.findings.filter((f) => !IN_REASONS.has(f.code)).map((f) => `[${L.sev[f.severity]}] ${f.message}`).join('\n');
    setText(cells(18), other);
    for (let c = 1; c <= L.headers.length; c++) {
      const cell = cells(c);
      cell.font = FONTS.small;
      cell.border = THIN_BORDER;
      cell.alignment = c >= 17 || c === 4 || c === 2 ? ALIGN.leftTop : { ...ALIGN.centre, vertical: 'top' };
    }
    cells(12).fill = VERDICT_FILL[String(e.eligible) as 'true' | 'false' | 'null'];
    if (e.includedOn) cells(13).fill = VERDICT_FILL[String(e.eligibleAtInclusion) as 'true' | 'false' | 'null'];
    if (e.validity === 'expired') cells(8).fill = FILLS.error;
    else if (e.validity === 'expiring') cells(8).fill = FILLS.warning;
    if (e.neverAgain) cells(14).fill = FILLS.error;
    if (e.mustRemove) cells(15).fill = FILLS.error;
    cells(16).fill = ACTION_FILL[e.action];
    const lines = Math.max(wrappedLines(reasons, widths[16]!, 10), wrappedLines(other, widths[17]!, 10), wrappedLines(e.name, widths[3]!, 10));
    ensureRowHeight(ws, r, Math.min(409, rowHeightFor(lines, 10)));
  });
  ensureRowHeight(ws, 1, rowHeightFor(2, 10));
  const last = Math.max(1, j.entries.length + 1);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: L.headers.length } };
  freeze(ws, 1, 0);
  setupPrint(ws, { landscape: true, titleRows: [1, 1], fitWidth: true });
}

function summarySheet(ws: Worksheet, j: CheckJson, lang: Lang): void {
  const L = T[lang];
  const title = ws.getCell(1, 1);
  setText(title, L.title(j.asOf));
  title.font = FONTS.label;
  let r = 3;
  for (const [k, v] of L.summaryRows(j)) {
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
    const vals: (string | number)[] = [KIND_LABEL[d.kind][lang], d.file, d.format, d.encoding ? ENCODING_NAME[d.encoding] : '', d.rows, d.invalid];
    vals.forEach((v, i) => {
      const c = ws.getCell(r, i + 1);
      setValue(c, v);
      c.font = FONTS.small;
      c.border = THIN_BORDER;
    });
  }
  ws.getColumn(1).width = fitColumnWidth(L.summaryRows(j).map(([k]) => k), 14, 40);
  ws.getColumn(2).width = fitColumnWidth(j.data.map((d) => d.file), 14, 60);
  for (const c of [3, 4, 5, 6]) ws.getColumn(c).width = 12;
  setupPrint(ws);
}

function otherSheet(ws: Worksheet, j: CheckJson, lang: Lang): void {
  const L = T[lang];
  headerRow(ws, 1, L.otherHeaders);
  const widths = [28, 14, 8, 6, 8, 24, 80];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  j.findings.forEach((f, i) => {
    const r = i + 2;
    const vals: (string | number | undefined)[] = [f.file, f.sheet, f.cell, f.row, L.sev[f.severity], f.code, f.message];
    vals.forEach((v, k) => {
      const c = ws.getCell(r, k + 1);
      setValue(c, v ?? '');
      c.font = k === 4 ? { ...FONTS.small, color: { argb: SEVERITY_FONT_COLOURS[f.severity] } } : FONTS.small;
      c.border = THIN_BORDER;
      c.alignment = k === 6 ? ALIGN.leftTop : { ...ALIGN.left, vertical: 'top' };
    });
    ensureRowHeight(ws, r, rowHeightFor(wrappedLines(f.message, widths[6]!, 10), 10));
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, j.findings.length + 1), column: L.otherHeaders.length } };
  freeze(ws, 1);
  setupPrint(ws, { landscape: true, titleRows: [1, 1], fitWidth: true });
}
