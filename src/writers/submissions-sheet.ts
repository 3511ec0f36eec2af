/**
 * The 报送情况 sheet of the report workbook: the collect tracker, one row per unit of the roster —
 * when each material arrived, on time or late, resubmissions, the publication link. A separate
 * module so any workbook writer can add it with one call. Browser-safe.
 */
import type { Lang } from '../core/findings/types.js';
import type { Receipt, Tracker } from '../core/collect/tracker.js';
import { ALIGN, FILLS, FONTS, THIN_BORDER, ensureRowHeight, fitColumnWidth, freeze, merge, safeSheetName, setText, setupPrint, styleRange, type Workbook } from './xlsx-common.js';
import { labels } from '../core/i18n/index.js';

/** Add the sheet; `periodLabel` as in the report title (2024年第三季度). */
export function addSubmissionsSheet(wb: Workbook, tracker: Tracker, lang: Lang, periodLabel: string, taken?: Set<string>): void {
  const t = labels(lang).report.submissionsSheet;
  const q4 = tracker.units.some((u) => u.summary !== undefined);
  const headers: string[] = [...t.headers, ...(q4 ? t.annual : [])];
  const n = headers.length;
  const ws = wb.addWorksheet(safeSheetName(t.sheet, taken));
  merge(ws, 1, 1, 1, n);
  setText(ws.getCell(1, 1), t.title(periodLabel, tracker.deadline));
  styleRange(ws, 1, 1, 1, n, { font: { ...FONTS.title, size: 14 }, alignment: ALIGN.centre });
  ensureRowHeight(ws, 1, 26);
  headers.forEach((h, i) => setText(ws.getCell(2, i + 1), h));
  styleRange(ws, 2, 1, 2, n, { font: FONTS.header, fill: FILLS.header, border: THIN_BORDER, alignment: ALIGN.centre });
  const when = (r: Receipt | null | undefined) => (r ? `${r.received}${r.onTime ? '' : `（${t.late}）`}` : t.none);
  tracker.units.forEach((u, i) => {
    const row = 3 + i;
    ws.getCell(row, 1).value = i + 1;
    setText(ws.getCell(row, 2), u.unit);
    setText(ws.getCell(row, 3), u.annex1 ? u.annex1.received : t.none);
    setText(ws.getCell(row, 4), u.status === 'missing' ? t.missing : u.status === 'late' ? t.late : t.onTime);
    setText(ws.getCell(row, 5), when(u.annex2));
    setText(ws.getCell(row, 6), when(u.article));
    setText(ws.getCell(row, 7), when(u.case));
    const resent = [u.annex1, u.annex2, u.article, u.case].reduce((k, r) => k + (r?.superseded.length ?? 0), 0);
    if (resent) ws.getCell(row, 8).value = resent;
    setText(ws.getCell(row, 9), u.links.join('\n'));
    if (q4) {
      setText(ws.getCell(row, 10), when(u.annualAnnex1));
      setText(ws.getCell(row, 11), when(u.summary));
    }
    styleRange(ws, row, 1, row, n, { font: FONTS.small, border: THIN_BORDER, alignment: ALIGN.centre });
    ws.getCell(row, 2).alignment = ALIGN.left;
    ws.getCell(row, 9).alignment = ALIGN.left;
    if (u.status === 'missing') ws.getCell(row, 4).fill = FILLS.error;
    else if (u.status === 'late') ws.getCell(row, 4).fill = FILLS.warning;
    for (const [c, r] of [
      [6, u.article],
      [7, u.case],
    ] as const)
      if (u.annex1 && !r) ws.getCell(row, c).fill = FILLS.warning;
  });
  const widths = [
    6,
    fitColumnWidth(
      tracker.units.map((u) => u.unit),
      12,
      24,
    ),
    18,
    8,
    18,
    18,
    18,
    9,
    fitColumnWidth(
      tracker.units.flatMap((u) => u.links),
      12,
      50,
    ),
    18,
    18,
  ];
  for (let i = 0; i < n; i++) ws.getColumn(i + 1).width = widths[i]!;
  freeze(ws, 2);
  setupPrint(ws, { landscape: true, fitWidth: true, titleRows: [2, 2] });
}
