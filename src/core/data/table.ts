/**
 * A data table in a sheet (xlsx, or a CSV turned into a sheet): find the header row by our header
 * spellings, then read every non-blank row below it with A1 references.
 */
import { a1, colLetters, type GridCell, type GridSheet } from '../workbook/grid.js';
import { cellText } from '../values/cell.js';
import { cleanText } from '../values/text.js';
import { REQUIRED, resolveHeader, type HeaderMap } from './aliases.js';
import type { DataKind } from './types.js';

export interface RawField {
  ref: string;
  /** the header as written in the file */
  header: string;
  cell?: GridCell;
  /** cleaned display text */
  text: string;
}

export interface RawRow {
  sheet?: string;
  row: number;
  fields: Record<string, RawField | undefined>;
  /** cells beyond the header's width that hold something (a CSV field with an unquoted delimiter) */
  extra: number;
}

export interface HeaderFound {
  row: number;
  /** field key → column */
  columns: Record<string, { col: number; header: string }>;
  /** headers that repeat a field already found (the first one is used) */
  duplicates: { field: string; header: string; ref: string }[];
  width: number;
}

const HEADER_SCAN_ROWS = 30;

function rowCells(sheet: GridSheet, r: number): [number, GridCell][] {
  const row = sheet.rows.get(r);
  return row ? [...row.entries()].sort((x, y) => x[0] - y[0]) : [];
}

/** Anything cleanText would change: whitespace other than a lone inner space, invisible or control characters. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[\t\n\r\f\v\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\u00AD\u180E\x00-\x1F\x7F-\x9F]/;

function text(cell: GridCell | undefined): string {
  const raw = cellText(cell);
  // most cells are already clean: skip the three replacements of cleanText for them
  return NEEDS_CLEANING.test(raw) ? cleanText(raw).text : raw;
}

/** True when a header candidate has every required group of the kind. */
export function hasRequired(kind: DataKind, fields: Iterable<string>): boolean {
  const set = new Set(fields);
  return REQUIRED[kind].every((group) => group.some((f) => set.has(f)));
}

/** The row (among the first 30) with the most recognised headers; null when none has the USCC column. */
export function findHeader(sheet: GridSheet, kind: DataKind, map?: HeaderMap): HeaderFound | null {
  let best: HeaderFound | null = null;
  const rows = [...sheet.rows.keys()].sort((x, y) => x - y);
  for (const r of rows) {
    if (r > HEADER_SCAN_ROWS) break;
    const columns: HeaderFound['columns'] = {};
    const duplicates: HeaderFound['duplicates'] = [];
    let width = 0;
    for (const [c, cell] of rowCells(sheet, r)) {
      const t = text(cell);
      if (!t) continue;
      width = c;
      const field = resolveHeader(kind, t, map);
      if (!field) continue;
      if (columns[field]) duplicates.push({ field, header: t, ref: a1(r, c) });
      else columns[field] = { col: c, header: t };
    }
    if (!columns.uscc) continue;
    const n = Object.keys(columns).length;
    if (!best || n > Object.keys(best.columns).length) best = { row: r, columns, duplicates, width };
  }
  return best;
}

/** Every row below the header that holds anything in a recognised column (one at a time: data files can be large). */
export function* readRows(sheet: GridSheet, header: HeaderFound, sheetName?: string): Generator<RawRow> {
  const rows = [...sheet.rows.keys()].filter((r) => r > header.row).sort((x, y) => x - y);
  const columns = Object.entries(header.columns).map(([field, pos]) => [field, { ...pos, letters: colLetters(pos.col) }] as const);
  for (const r of rows) {
    const fields: RawRow['fields'] = {};
    let any = false;
    const cells = sheet.rows.get(r);
    for (const [field, pos] of columns) {
      const cell = cells?.get(pos.col);
      const t = text(cell);
      if (t) any = true;
      fields[field] = { ref: `${pos.letters}${r}`, header: pos.header, cell, text: t };
    }
    if (!any) continue;
    let extra = 0;
    for (const [c, cell] of sheet.rows.get(r) ?? []) if (c > header.width && text(cell) !== '') extra++;
    const row: RawRow = { row: r, fields, extra };
    if (sheetName !== undefined) row.sheet = sheetName;
    yield row;
  }
}

/** A CSV parse as a sheet of text cells, so CSV and xlsx share the table reader. `="…"` (Excel's keep-as-text form) is unwrapped. */
export function csvToSheet(records: { line: number; cells: string[] }[], name = 'CSV'): GridSheet {
  const rows = new Map<number, Map<number, GridCell>>();
  for (const rec of records) {
    const row = new Map<number, GridCell>();
    rec.cells.forEach((v, i) => {
      const value = v.length >= 3 && v.startsWith('="') && v.endsWith('"') ? v.slice(2, -1) : v;
      if (value !== '') row.set(i + 1, { t: 's', v: value });
    });
    rows.set(rec.line, row);
  }
  return { name, state: 'visible', rows, merges: [], hiddenRows: new Set() };
}
