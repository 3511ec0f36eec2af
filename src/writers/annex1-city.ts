/**
 * The city-wide Annex 1 of `zmqd aggregate --out`: the official 附表1 layout (addAnnex1Sheet) with
 * 填报单位 重庆市生态环境局 and one row per roster unit in official order, real numbers, a 合计 row of
 * SUM formulas with cached results; then sheets for the period's own activity (with --previous),
 * the units to chase (未报送) and the findings (问题).
 *
 * A unit without counted figures (not reported, unreadable, a duplicate left out) keeps empty cells —
 * never 0 — with a comment on its name and a remark under 合计 saying the total leaves it out.
 */
import type { Worksheet } from 'exceljs';
import type { AggregateResult, AggregateUnit } from '../core/aggregate/aggregate.js';
import type { Lang, RenderedFinding } from '../core/findings/types.js';
import { ANNEX1_TITLE, type Figures } from '../core/layout/annex1.js';
import { formatPeriod, periodLabelZh } from '../core/roster/period.js';
import { addAnnex1Sheet, type Annex1SheetInfo } from './annex1-template.js';
import {
  ALIGN,
  FILLS,
  FONTS,
  THIN_BORDER,
  ensureRowHeight,
  fitColumnWidth,
  fitOnePageIfLegible,
  freeze,
  merge,
  newWorkbook,
  rowHeightFor,
  safeSheetName,
  setText,
  setupPrint,
  spanWidth,
  styleRange,
  workbookBytes,
  wrappedLines,
  type Workbook,
} from './xlsx-common.js';
import { addFindingsSheet, baseName } from './findings-report.js';

export const CITY_UNIT = '重庆市生态环境局';
export const SHEET_MAIN = '附表1';
export const SHEET_ACTIVITY = '本期新增';
export const SHEET_CHASE = '未报送';
export const SHEET_FINDINGS = '问题';

export interface CityWorkbookOptions {
  lang: Lang;
  /** 填报时间, YYYY-MM-DD (the as-of date) */
  date: string;
  /** the findings as rendered for the JSON/text output */
  findings: RenderedFinding[];
}

const CHASE_TODO: Record<string, string> = {
  missing: '请催报；合计未含该单位',
  unreadable: '请该单位改正后重新报送（问题见“问题”工作表）；合计未含该单位',
  duplicate: '请该单位确认以哪一份为准，删除其余文件后重新汇总；合计未含该单位',
};
const STATUS_ZH: Record<string, string> = { missing: '未报送', unreadable: '数字无法读取', duplicate: '重复报送、无法确定以哪份为准' };

function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The city-wide workbook as .xlsx bytes. */
export async function buildCityWorkbook(r: AggregateResult, o: CityWorkbookOptions): Promise<Uint8Array> {
  const wb = newWorkbook();
  addCitySheets(wb, r, o);
  return workbookBytes(wb);
}

/** Add the city-wide sheets to a workbook (for callers that put more in the same file, e.g. `zmqd report`). */
export function addCitySheets(wb: Workbook, r: AggregateResult, o: CityWorkbookOptions, taken: Set<string> = new Set()): void {
  const label = periodLabelZh(r.period);
  const date = zhDate(o.date);

  // ---- 附表1: the official form
  const main = addAnnex1Sheet(
    wb,
    {
      unit: CITY_UNIT,
      date,
      sheetName: SHEET_MAIN,
      title: `${label}${ANNEX1_TITLE}`,
      total: 'formula',
      rows: r.units.map((u) => ({ unit: u.unit.name, values: u.values ?? undefined })),
    },
    taken,
  );
  widenUnitColumn(main, r.units.length);
  markUncounted(main, r.units, (u) => (u.values ? null : unitRemark(u)));
  const left = r.units.filter((u) => !u.values);
  if (left.length) {
    const parts: string[] = [];
    for (const st of ['missing', 'unreadable', 'duplicate'] as const) {
      const names = left.filter((u) => u.status === st).map((u) => u.unit.name);
      if (names.length) parts.push(`${names.join('、')}${STATUS_ZH[st]}`);
    }
    remark(main, `注：${parts.join('；')}，合计未含以上单位（详见“${SHEET_CHASE}”“${SHEET_FINDINGS}”工作表）。`);
  }
  fitOnePageIfLegible(main.sheet, FONTS.body.size ?? 11);

  // ---- 本期新增: this period's own activity
  if (r.previousPeriod && r.totalIncrement) {
    const prev = formatPeriod(r.previousPeriod);
    const act = addAnnex1Sheet(
      wb,
      {
        unit: CITY_UNIT,
        date,
        sheetName: SHEET_ACTIVITY,
        title: `${label}新增（本期累计 − 上期 ${periodLabelZh(r.previousPeriod)} 累计）`,
        total: 'formula',
        rows: r.units.map((u) => ({ unit: u.unit.name, values: u.increment ?? undefined })),
      },
      taken,
    );
    widenUnitColumn(act, r.units.length);
    // not a second Annex 1 when this file is read back (e.g. as next quarter's --previous): another 地市 header
    setText(act.sheet.getCell(act.headerRows[0], 1), '报送单位');
    setText(act.sheet.getCell(1, 1), `${SHEET_MAIN}（${SHEET_ACTIVITY}）`);
    markUncounted(act, r.units, (u) => (u.increment ? null : u.values ? `没有可用的上期（${prev}）数据，无法计算本期新增` : unitRemark(u)));
    replaceNote(
      act,
      r.restart
        ? `2.上期为上一年度的报送，累计数按年度重新起算：本表各项即本期累计数；“纳入清单企业数量”为与上期相比的增减（存量，可为负数）。`
        : `2.本表为本期累计数减去上期（${prev}）累计数，即本期新增；“纳入清单企业数量”为清单企业数的增减（存量，可为负数）。`,
    );
    const notes: string[] = [];
    const noInc = r.units.filter((u) => u.values && !u.increment).map((u) => u.unit.name);
    if (noInc.length) notes.push(`${noInc.join('、')}没有可用的上期数据，合计未含其本期新增`);
    // a stock's city change is the change of the city total (aggregate.ts), not the sum of the rows above it
    if (act.totalRow && r.previousTotal) {
      const listed = r.totalIncrement.listed;
      act.sheet.getCell(act.totalRow, act.columns.listed).value = listed;
      const rows = r.units.reduce((a, u) => a + (u.increment?.listed ?? 0), 0);
      if (rows !== listed) {
        notes.push(
          `“纳入清单企业数量”是存量，其合计为本期全市合计 ${r.total.listed} 减上期全市合计 ${r.previousTotal.listed}（各单位增减之和为 ${rows > 0 ? '+' : ''}${rows}，不含只报送了其中一期的单位）`,
        );
      }
    }
    if (notes.length) remark(act, `注：${notes.join('；')}。`);
    fitOnePageIfLegible(act.sheet, FONTS.body.size ?? 11);
  }

  // ---- 未报送: what the clerk must chase
  addChaseSheet(wb, r, taken);
  // ---- 问题: every finding with file and cell
  addFindingsSheet(wb, SHEET_FINDINGS, o.findings, o.lang, taken);
}

/**
 * Every unit name on one line (石柱土家族自治县, 秀山土家族苗族自治县) in rows no taller than one line of
 * 11-pt text needs: all 41 units then print on one A4 landscape page at a legible size (fitOnePage).
 */
function widenUnitColumn(info: Annex1SheetInfo, rows: number): void {
  const ws = info.sheet;
  ws.getColumn(1).width = UNIT_COLUMN_WIDTH;
  for (let r = info.firstDataRow; r < info.firstDataRow + rows; r++) ws.getRow(r).height = COMPACT_ROW;
  if (info.totalRow) ws.getRow(info.totalRow).height = COMPACT_ROW + 2;
}
const UNIT_COLUMN_WIDTH = 21;
/** Excel's own row height for 11-pt 宋体 is 14.25 pt */
const COMPACT_ROW = 15;

function unitRemark(u: AggregateUnit): string {
  switch (u.status) {
    case 'missing':
      return '本期未报送，未计入合计';
    case 'unreadable':
      return `“${baseName(u.file ?? '')}”中的数字无法读取，未计入合计（见“问题”工作表）`;
    case 'duplicate':
      return `重复报送（${(u.files ?? []).map(baseName).join('、')}），无法确定以哪份为准，未计入合计`;
    default:
      return '';
  }
}

/** A comment on the unit's name for each row without figures (the cells stay empty, never 0). */
function markUncounted(info: Annex1SheetInfo, units: readonly AggregateUnit[], why: (u: AggregateUnit) => string | null): void {
  units.forEach((u, i) => {
    const text = why(u);
    if (!text) return;
    const cell = info.sheet.getCell(info.firstDataRow + i, 1);
    cell.note = text;
    cell.font = { ...FONTS.body, color: { argb: 'FF9C0006' } };
  });
}

/** A remark in the empty row between 合计 and 说明, merged across the table and printed with it. */
function remark(info: Annex1SheetInfo, text: string): void {
  const ws = info.sheet;
  const r = (info.totalRow ?? info.lastDataRow) + 1;
  merge(ws, r, 1, r, info.lastColumn);
  setText(ws.getCell(r, 1), text);
  styleRange(ws, r, 1, r, info.lastColumn, { font: { ...FONTS.small, bold: true, color: { argb: 'FF9C0006' } }, alignment: ALIGN.left });
  ensureRowHeight(ws, r, rowHeightFor(wrappedLines(text, spanWidth(ws, 1, info.lastColumn), 10), 10));
}

/** Replace the 说明 line that says the figures are cumulative (true of the form, not of the activity sheet). */
function replaceNote(info: Annex1SheetInfo, text: string): void {
  const ws = info.sheet;
  const from = (info.totalRow ?? info.lastDataRow) + 1;
  for (let r = from; r <= from + 6; r++) {
    const cell = ws.getCell(r, 1);
    if (typeof cell.value === 'string' && cell.value.startsWith('2.')) {
      setText(cell, text);
      ws.getRow(r).height = rowHeightFor(wrappedLines(text, spanWidth(ws, 1, info.lastColumn), 10), 10);
      return;
    }
  }
}

function headerRow(ws: Worksheet, r: number, headers: readonly string[]): void {
  headers.forEach((h, i) => setText(ws.getCell(r, i + 1), h));
  styleRange(ws, r, 1, r, headers.length, { font: FONTS.header, fill: FILLS.header, border: THIN_BORDER, alignment: ALIGN.centre });
  ensureRowHeight(ws, r, rowHeightFor(1, 10) + 6);
}

function titleRow(ws: Worksheet, text: string, n: number): void {
  merge(ws, 1, 1, 1, n);
  setText(ws.getCell(1, 1), text);
  styleRange(ws, 1, 1, 1, n, { font: { ...FONTS.title, size: 14 }, alignment: ALIGN.centre });
  ensureRowHeight(ws, 1, 26);
}

function addChaseSheet(wb: Workbook, r: AggregateResult, taken: Set<string>): void {
  const ws = wb.addWorksheet(safeSheetName(SHEET_CHASE, taken));
  const heads = ['序号', '单位', '情况', '文件', '说明'];
  titleRow(ws, `${periodLabelZh(r.period)}未报送及未计入合计的单位`, heads.length);
  headerRow(ws, 2, heads);
  const rows: string[][] = [];
  for (const u of r.units) {
    if (u.values) continue;
    const file = u.status === 'duplicate' ? (u.files ?? []).map(baseName).join('\n') : baseName(u.file ?? '');
    rows.push([u.unit.name, STATUS_ZH[u.status] ?? u.status, file, CHASE_TODO[u.status] ?? '']);
  }
  if (r.previousPeriod) {
    for (const name of r.previousMissing) {
      const u = r.units.find((x) => x.unit.name === name)!;
      rows.push([name, '缺少上期数据', baseName(u.file ?? ''), `没有可用的上期（${formatPeriod(r.previousPeriod)}）数据，本期新增未计入“${SHEET_ACTIVITY}”合计`]);
    }
  }
  rows.forEach((row, i) => {
    const rr = 3 + i;
    ws.getCell(rr, 1).value = i + 1;
    row.forEach((t, j) => setText(ws.getCell(rr, j + 2), t));
  });
  const last = 2 + rows.length;
  const widths: [number, number][] = [
    [6, 6],
    [14, 24],
    [12, 28],
    [24, 60],
    [30, 60],
  ];
  const texts = [heads, ...rows.map((row) => ['', ...row])];
  widths.forEach(
    ([min, max], i) =>
      (ws.getColumn(i + 1).width = fitColumnWidth(
        texts.map((t) => t[i] ?? ''),
        min,
        max,
      )),
  );
  if (rows.length) {
    styleRange(ws, 3, 1, last, heads.length, { font: FONTS.small, border: THIN_BORDER, alignment: ALIGN.left });
    styleRange(ws, 3, 1, last, 1, { alignment: ALIGN.centre });
    rows.forEach((row, i) => {
      let lines = 1;
      row.forEach((t, j) => (lines = Math.max(lines, wrappedLines(t, ws.getColumn(j + 2).width ?? 10, 10))));
      ensureRowHeight(ws, 3 + i, rowHeightFor(lines, 10));
    });
  } else {
    merge(ws, 3, 1, 3, heads.length);
    setText(ws.getCell(3, 1), '所有单位均已报送并计入合计。');
    ws.getCell(3, 1).font = FONTS.small;
  }
  freeze(ws, 2);
  setupPrint(ws, { landscape: true, fitWidth: true, titleRows: [2, 2] });
}

export type { Figures };
