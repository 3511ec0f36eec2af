/**
 * A data table in a sheet (xlsx, or a CSV read as rows of text cells): the header row is found by
 * our header spellings among the first rows, then every non-blank row below it is read (read.ts).
 * Rows come one at a time, in ascending order, from a stream or a grid: a 500,000-row export is
 * never held whole.
 */
import { a1, type GridCell, type GridSheet } from '../workbook/grid.js';
import { cellText } from '../values/cell.js';
import { cleanedText } from '../values/text.js';
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

/** A row as a stream or a grid gives it: row number and cells by column. */
export type TableRow = readonly [number, ReadonlyMap<number, GridCell>];

/** The header is looked for in rows 1 to 30. */
export const HEADER_SCAN_ROWS = 30;

function sortedCells(cells: ReadonlyMap<number, GridCell>): [number, GridCell][] {
  return [...cells.entries()].sort((x, y) => x[0] - y[0]);
}

/** A cell's cleaned display text ('' for none). */
export function fieldText(cell: GridCell | undefined): string {
  return cleanedText(cellText(cell));
}

/** True when a header candidate has every required group of the kind. */
export function hasRequired(kind: DataKind, fields: Iterable<string>): boolean {
  const set = new Set(fields);
  return REQUIRED[kind].every((group) => group.some((f) => set.has(f)));
}

/** The row (among rows 1–30, given in ascending order) with the most recognised headers; null when none has the USCC column. */
export function findHeader(rows: Iterable<TableRow>, kind: DataKind, map?: HeaderMap): HeaderFound | null {
  let best: HeaderFound | null = null;
  for (const [r, cells] of rows) {
    if (r > HEADER_SCAN_ROWS) break;
    const columns: HeaderFound['columns'] = {};
    const duplicates: HeaderFound['duplicates'] = [];
    let width = 0;
    for (const [c, cell] of sortedCells(cells)) {
      const t = fieldText(cell);
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

/** What a row shows first (for the message when no header is found): its first eight values. */
export function rowPreview(cells: ReadonlyMap<number, GridCell>): string {
  return sortedCells(cells)
    .map(([, c]) => String(c.v ?? ''))
    .filter(Boolean)
    .slice(0, 8)
    .join('、')
    .slice(0, 120);
}

/** A CSV field as a cell's value: `="…"` (Excel's keep-as-text form) is unwrapped; '' is no cell. */
export function csvValue(v: string): string {
  return v.length >= 3 && v.startsWith('="') && v.endsWith('"') ? v.slice(2, -1) : v;
}

/** A CSV parse as a sheet of text cells (the grid form of what read.ts streams, for differential tests). */
export function csvToSheet(records: { line: number; cells: string[] }[], name = 'CSV'): GridSheet {
  const rows = new Map<number, Map<number, GridCell>>();
  for (const rec of records) {
    const row = new Map<number, GridCell>();
    rec.cells.forEach((v, i) => {
      const value = csvValue(v);
      if (value !== '') row.set(i + 1, { t: 's', v: value });
    });
    rows.set(rec.line, row);
  }
  return { name, state: 'visible', rows, merges: [], hiddenRows: new Set() };
}
