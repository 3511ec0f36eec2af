import type { GridCell, GridSheet } from '../workbook/grid.js';
import { ANNEX2_COLUMNS, type Annex2Key } from '../layout/annex2.js';
import { MergeIndex, TableField, colNumbers, mergedTextAt, rowNumbers, textOf } from './cells.js';
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
  const keys = Object.keys(columns) as Annex2Key[];
  const positions = keys.map((k) => columns[k]!);
  const rows: Annex2Row[] = [];
  // one row's cells and texts, reused from row to row: each cell's text is computed once
  const cells: (GridCell | undefined)[] = new Array(keys.length);
  const texts: string[] = new Array(keys.length);
  let lastRow = header.row;
  for (const r of rowNumbers(sheet)) {
    if (r <= header.row) continue;
    const row = sheet.rows.get(r)!;
    if (STOP.test(firstText(row))) break;
    // a row counts when any column other than 序号 holds something (a formula without result too):
    // the template pre-numbers empty rows
    let hasContent = false;
    for (let i = 0; i < keys.length; i++) {
      const cell = row.get(positions[i]!.col);
      const text = textOf(cell);
      cells[i] = cell;
      texts[i] = text;
      if (keys[i] !== 'seq' && (text !== '' || cell?.t === 'z')) hasContent = true;
    }
    if (!hasContent) continue;
    const fields: Partial<Record<Annex2Key, Field>> = {};
    for (let i = 0; i < keys.length; i++) fields[keys[i]!] = new TableField(r, positions[i]!, cells[i], texts[i]!);
    rows.push({ row: r, fields, hidden: sheet.hiddenRows.has(r) });
    lastRow = r;
  }
  return { kind: 'annex2', sheet: sheet.name, headerRow: header.row, columns, missing, meta: readMeta(sheet, metaRows(sheet, header.row, lastRow, 8)), rows };
}

/** The text of a row's leftmost non-empty cell, '' when none (without sorting the row: only cells left of the best so far are read). */
function firstText(row: ReadonlyMap<number, GridCell>): string {
  let best = Infinity;
  let first = '';
  for (const [c, cell] of row) {
    if (c > best) continue;
    const t = textOf(cell);
    if (t !== '') {
      best = c;
      first = t;
    }
  }
  return first;
}
