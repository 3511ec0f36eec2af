import { a1, type GridSheet } from '../workbook/grid.js';
import { isDateFormat } from '../workbook/dates.js';
import { serialToDate } from '../values/dates.js';
import { colNumbers, textAt } from './cells.js';
import type { Meta } from './types.js';

const LABELS: { key: keyof Meta; re: RegExp }[] = [
  { key: 'unit', re: /填报单位|报送单位|填表单位/ },
  { key: 'date', re: /填报时间|填表时间|报送时间|填报日期|填表日期|报送日期/ },
  { key: 'contact', re: /联系人/ },
  { key: 'phone', re: /联系电话|电\s*话/ },
];
const ANY_LABEL = /(填报单位|报送单位|填表单位|填报时间|填表时间|报送时间|填报日期|填表日期|报送日期|联系人|联系电话|电\s*话)\s*[:：]?/g;

/**
 * Read the metadata line `填报单位：…  填报时间：…  联系人：…  电话：…` from the given rows
 * (the rows above the header, and a few below the table). The parts may sit in one cell or several.
 */
export function readMeta(sheet: GridSheet, rows: number[]): Meta {
  const meta: Meta = {};
  for (const r of rows) {
    const { text, ref } = metaRowText(sheet, r);
    if (!text) continue;
    // split the line at each label, keeping what follows each label up to the next one
    const marks: { label: string; start: number; end: number }[] = [];
    for (const m of text.matchAll(ANY_LABEL)) marks.push({ label: m[1]!, start: m.index!, end: m.index! + m[0].length });
    for (let i = 0; i < marks.length; i++) {
      const mk = marks[i]!;
      const value = text.slice(mk.end, i + 1 < marks.length ? marks[i + 1]!.start : undefined).replace(/^[\s:：]+|[\s:：]+$/g, '');
      const which = LABELS.find((l) => l.re.test(mk.label));
      if (!which || meta[which.key] || !value) continue;
      meta[which.key] = { text: value, ref };
    }
  }
  return meta;
}

/**
 * A row's text for the metadata line: the cleaned texts of its cells joined by spaces, but a date cell (填报时间 typed as a real date,
 * often in a cell of its own) reads as its YYYY-MM-DD day instead of its serial number.
 */
function metaRowText(sheet: GridSheet, r: number): { text: string; ref: string } {
  const parts: string[] = [];
  let first = '';
  for (const c of colNumbers(sheet, r)) {
    const cell = sheet.rows.get(r)?.get(c);
    let t = textAt(sheet, r, c);
    if (cell?.t === 'n' && typeof cell.v === 'number' && isDateFormat(cell.numFmt)) {
      const d = serialToDate(cell.v);
      if (d.ok) t = d.date;
    }
    if (t) {
      if (!first) first = a1(r, c);
      parts.push(t);
    }
  }
  return { text: parts.join(' '), ref: first || a1(r, 1) };
}

const NOTES = /^(说\s*明|注\s*[:：]|备\s*注|填表说明)/;

/**
 * The rows that may hold metadata: those above the header, and a few right below the table — but never
 * the 说明 notes, whose own 联系电话 is the city's, not the district's.
 */
export function metaRows(sheet: GridSheet, headerRow: number, lastRow: number, below: number): number[] {
  const rows: number[] = [];
  // only the candidates are sorted: a sheet may have 100,000 rows between them
  const candidates: number[] = [];
  for (const r of sheet.rows.keys()) if (r < headerRow || (r > lastRow && r <= lastRow + below)) candidates.push(r);
  for (const r of candidates.sort((a, b) => a - b)) {
    if (r < headerRow) rows.push(r);
    else if (r > lastRow && r <= lastRow + below) {
      if (NOTES.test(metaRowText(sheet, r).text)) break;
      rows.push(r);
    }
  }
  return rows;
}
