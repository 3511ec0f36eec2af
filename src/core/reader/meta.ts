import type { GridSheet } from '../workbook/grid.js';
import { rowText } from './cells.js';
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
    const { text, ref } = rowText(sheet, r);
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
