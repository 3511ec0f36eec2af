/**
 * The findings workbook of `zmqd report`: a summary sheet with one row per unit (received? valid? errors,
 * warnings, enterprises, expired entries), then one sheet per unit with its findings, and one for
 * findings that belong to no unit. The findings are those of every stage of the run (validate, aggregate,
 * check, cross-checks), each problem once, and the summary's counts are those of the unit's sheet: a clerk
 * can send each district its sheet as it is (it names the district, the period, the as-of date and the
 * files it is about, errors first). Browser-safe: bytes out.
 */
import type { Lang, RenderedFinding } from '../core/findings/types.js';
import type { UnitOverview } from '../core/report/units.js';
import { addFindingsSheet, baseName } from './findings-report.js';
import { addSubmissionsSheet } from './submissions-sheet.js';
import type { Tracker } from '../core/collect/tracker.js';
import {
  ALIGN,
  FILLS,
  FONTS,
  THIN_BORDER,
  ensureRowHeight,
  fitColumnWidth,
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
} from './xlsx-common.js';
import { pushTo } from '../core/findings/cap.js';
import { labels } from '../core/i18n/index.js';

export interface ReportFindingsOptions {
  lang: Lang;
  /** e.g. 2024年第三季度 */
  periodLabel: string;
  asOf: string;
  units: UnitOverview[];
  /** every finding of the run, rendered; each goes to the sheet of the unit whose file it concerns */
  findings: RenderedFinding[];
  /** file → unit name (null when the file's unit is unknown) */
  unitOfFile: Map<string, string | null>;
  /** the collect tracker, when `report` started by collecting the mailbox: a 报送情况 sheet */
  submissions?: Tracker;
}

export async function buildReportFindings(o: ReportFindingsOptions): Promise<Uint8Array> {
  const t = labels(o.lang).report.reportWorkbook;
  const wb = newWorkbook();
  const taken = new Set<string>();
  const ws = wb.addWorksheet(safeSheetName(t.summary, taken));
  const n = t.headers.length;
  merge(ws, 1, 1, 1, n);
  setText(ws.getCell(1, 1), t.title(o.periodLabel));
  styleRange(ws, 1, 1, 1, n, { font: { ...FONTS.title, size: 14 }, alignment: ALIGN.centre });
  ensureRowHeight(ws, 1, 26);
  merge(ws, 2, 1, 2, n);
  setText(ws.getCell(2, 1), t.sub(o.asOf));
  styleRange(ws, 2, 1, 2, n, { font: FONTS.small, alignment: ALIGN.left });
  t.headers.forEach((h, i) => setText(ws.getCell(3, i + 1), h));
  styleRange(ws, 3, 1, 3, n, { font: FONTS.header, fill: FILLS.header, border: THIN_BORDER, alignment: ALIGN.centre });
  const names: string[] = [t.headers[1]];
  o.units.forEach((u, i) => {
    const r = 4 + i;
    const name = u.unit ?? `${t.unknown}${u.annex1[0] ?? u.annex2[0] ?? ''}`;
    names.push(name);
    ws.getCell(r, 1).value = i + 1;
    setText(ws.getCell(r, 2), name);
    setText(ws.getCell(r, 3), u.annex1.length ? t.yes : t.no);
    setText(ws.getCell(r, 4), u.annex2.length ? t.yes : t.no);
    setText(ws.getCell(r, 5), u.valid === null ? t.none : u.valid ? t.ok : t.bad);
    ws.getCell(r, 6).value = u.errors;
    ws.getCell(r, 7).value = u.warnings;
    if (u.enterprises !== null) ws.getCell(r, 8).value = u.enterprises;
    ws.getCell(r, 9).value = u.expired;
    styleRange(ws, r, 1, r, n, { font: FONTS.small, border: THIN_BORDER, alignment: ALIGN.centre });
    ws.getCell(r, 2).alignment = ALIGN.left;
    if (!u.annex1.length) ws.getCell(r, 3).fill = FILLS.warning;
    if (!u.annex2.length) ws.getCell(r, 4).fill = FILLS.warning;
    if (u.valid === false) ws.getCell(r, 5).fill = FILLS.error;
    if (u.errors) ws.getCell(r, 6).fill = FILLS.error;
    if (u.warnings) ws.getCell(r, 7).fill = FILLS.warning;
    if (u.expired) ws.getCell(r, 9).fill = FILLS.error;
  });
  const last = 3 + o.units.length;
  const widths = [6, fitColumnWidth(names, 14, 40), 9, 9, 9, 8, 10, 12, 9];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ensureRowHeight(ws, 2, rowHeightFor(wrappedLines(t.sub(o.asOf), spanWidth(ws, 1, n), 10), 10));
  if (o.units.length) ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: last, column: n } };
  freeze(ws, 3);
  setupPrint(ws, { landscape: false, fitWidth: true, titleRows: [3, 3] });
  if (o.submissions) addSubmissionsSheet(wb, o.submissions, o.lang, o.periodLabel, taken);

  // one sheet per unit with findings, in the summary's order; then the findings of no unit
  const byUnit = new Map<string, RenderedFinding[]>();
  const other: RenderedFinding[] = [];
  for (const f of o.findings) {
    const unit = f.file ? o.unitOfFile.get(f.file) : undefined;
    if (unit) pushTo(byUnit, unit, f);
    else other.push(f);
  }
  for (const u of o.units) {
    if (!u.unit) continue;
    const list = byUnit.get(u.unit);
    if (!list?.length) continue;
    const n = (sev: string) => list.filter((f) => f.severity === sev).length;
    const files = [...new Set([...u.annex1, ...u.annex2, ...list.map((f) => f.file!)])].map(baseName);
    addFindingsSheet(wb, u.unit, list, o.lang, taken, {
      heading: [t.unitTitle(u.unit, o.periodLabel), t.unitCounts(o.asOf, n('error'), n('warning'), n('info')), t.unitFiles(files)],
      baseNames: true,
      errorsFirst: true,
    });
  }
  if (other.length) addFindingsSheet(wb, t.other, other, o.lang, taken, { heading: [t.otherTitle(o.periodLabel), t.otherSub(o.asOf)], errorsFirst: true });
  return workbookBytes(wb);
}
