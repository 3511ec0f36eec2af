import { a1, type GridSheet } from '../workbook/grid.js';
import { ANNEX2_COLUMNS, type Annex2Key } from '../layout/annex2.js';
import { cellText } from '../values/cell.js';
import { cleanText } from '../values/text.js';
import { MergeIndex, colNumbers, mergedTextAt, rowNumbers, textAt } from './cells.js';
import { keyIndex, matchKey } from './headers.js';
import { metaRows, readMeta } from './meta.js';
import type { Annex2Doc, Annex2Row, ColumnPos, Field } from './types.js';

const INDEX = keyIndex(ANNEX2_COLUMNS);
/** Columns whose presence identifies Annex 2 (the seed's distinctive ones). */
const SIGNATURE: Annex2Key[] = ['name', 'uscc', 'permit', 'industry', 'location'];
const HEADER_SCAN_ROWS = 25;
const STOP = /^(说\s*明|注\s*[:：]|备\s*注|填表说明|合\s*计|总\s*计)/;

export interface HeaderCandidate<K extends string> {
  row: number;
  columns: Partial<Record<K, ColumnPos>>;
  score: number;
}

/** Find Annex 2's header row in the first rows of a sheet. */
export function findAnnex2Header(sheet: GridSheet): HeaderCandidate<Annex2Key> | null {
  const merges = new MergeIndex(sheet);
  let best: HeaderCandidate<Annex2Key> | null = null;
  for (const r of rowNumbers(sheet)) {
    if (r > HEADER_SCAN_ROWS) break;
    const columns: Partial<Record<Annex2Key, ColumnPos>> = {};
    for (const c of colNumbers(sheet, r)) {
      const text = mergedTextAt(sheet, merges, r, c);
      const keys = INDEX.get(matchKey(text)) ?? prefixMatch(text);
      const key = keys?.find((k) => !columns[k]);
      if (key) columns[key] = { col: c, header: text };
    }
    const score = SIGNATURE.filter((k) => columns[k]).length;
    if (score >= 3 && (!best || score > best.score)) best = { row: r, columns, score };
  }
  return best;
}

/** Headers with extra words, e.g. 企业名称（全称） or 统一社会信用代码（18位）: accept a known key followed by a parenthesis. */
function prefixMatch(text: string): Annex2Key[] | undefined {
  const k = matchKey(text);
  const m = /^(.+?)\(.*\)$/.exec(k);
  if (!m) return undefined;
  return INDEX.get(m[1]!);
}

/** Read the Annex 2 table below a found header. */
export function readAnnex2(sheet: GridSheet, header: HeaderCandidate<Annex2Key>): Annex2Doc {
  const columns = header.columns;
  const missing = ANNEX2_COLUMNS.filter((d) => d.required && !columns[d.key]).map((d) => d.key);
  const allRows = rowNumbers(sheet);
  const rows: Annex2Row[] = [];
  const contentKeys = (Object.keys(columns) as Annex2Key[]).filter((k) => k !== 'seq');
  let lastRow = header.row;
  for (const r of allRows) {
    if (r <= header.row) continue;
    const first = firstText(sheet, r);
    if (STOP.test(first)) break;
    // a row counts when any column other than 序号 holds something: the template pre-numbers empty rows
    const hasContent = contentKeys.some((k) => textAt(sheet, r, columns[k]!.col) !== '' || isNonText(sheet, r, columns[k]!.col));
    if (!hasContent) continue;
    const fields: Partial<Record<Annex2Key, Field>> = {};
    for (const key of Object.keys(columns) as Annex2Key[]) {
      const pos = columns[key]!;
      const cell = sheet.rows.get(r)?.get(pos.col);
      fields[key] = { ref: a1(r, pos.col), row: r, col: pos.col, header: pos.header, cell, text: cleanText(cellText(cell)).text };
    }
    rows.push({ row: r, fields, hidden: sheet.hiddenRows.has(r) });
    lastRow = r;
  }
  return { kind: 'annex2', sheet: sheet.name, headerRow: header.row, columns, missing, meta: readMeta(sheet, metaRows(sheet, header.row, lastRow, 8)), rows };
}

function firstText(sheet: GridSheet, r: number): string {
  for (const c of colNumbers(sheet, r)) {
    const t = textAt(sheet, r, c);
    if (t) return t;
  }
  return '';
}

/** A cell with a value that has no text (a formula without result) still makes the row non-blank. */
function isNonText(sheet: GridSheet, r: number, c: number): boolean {
  const cell = sheet.rows.get(r)?.get(c);
  return cell !== undefined && cell.t === 'z';
}
