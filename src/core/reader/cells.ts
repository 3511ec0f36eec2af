import { a1, parseA1, type GridCell, type GridSheet } from '../workbook/grid.js';
import { cellText } from '../values/cell.js';
import { cleanedText } from '../values/text.js';
import type { ColumnPos, Field } from './types.js';

/** Merge lookup: for a cell inside a merged range, the range's top-left (master) cell. */
export class MergeIndex {
  private readonly master = new Map<string, { r: number; c: number }>();
  constructor(sheet: GridSheet) {
    for (const m of sheet.merges) {
      const [from, to] = m.split(':');
      if (!from || !to) continue;
      let a: { r: number; c: number }, b: { r: number; c: number };
      try {
        a = parseA1(from);
        b = parseA1(to);
      } catch {
        continue;
      }
      // Guard against absurd ranges (a merge over a whole sheet): only index what a header could need.
      const r2 = Math.min(b.r, a.r + 50),
        c2 = Math.min(b.c, a.c + 100);
      for (let r = a.r; r <= r2; r++) for (let c = a.c; c <= c2; c++) if (r !== a.r || c !== a.c) this.master.set(`${r},${c}`, a);
    }
  }
  masterOf(r: number, c: number): { r: number; c: number } | undefined {
    return this.master.get(`${r},${c}`);
  }
  /** true when (r,c) is inside a merge but not its top-left cell */
  isSlave(r: number, c: number): boolean {
    return this.master.has(`${r},${c}`);
  }
}

/** Cleaned display text of a cell ('' when absent). */
export function textOf(cell: GridCell | undefined): string {
  return cleanedText(cellText(cell));
}

/** Cleaned display text of a cell. */
export function textAt(sheet: GridSheet, r: number, c: number): string {
  return textOf(sheet.rows.get(r)?.get(c));
}

/**
 * A table cell as read, its A1 reference and header derived on demand: rules read most cells
 * only for their text, and need `ref`/`header` only for the few cells they report.
 */
export class TableField implements Field {
  constructor(
    readonly row: number,
    private readonly pos: ColumnPos,
    readonly cell: GridCell | undefined,
    readonly text: string,
  ) {}
  get col(): number {
    return this.pos.col;
  }
  get header(): string {
    return this.pos.header;
  }
  get ref(): string {
    return a1(this.row, this.pos.col);
  }
}

/** Text of a cell, looking through merges to the master cell (for headers). */
export function mergedTextAt(sheet: GridSheet, merges: MergeIndex, r: number, c: number): string {
  const m = merges.masterOf(r, c);
  return m ? textAt(sheet, m.r, m.c) : textAt(sheet, r, c);
}

export function cellAt(sheet: GridSheet, r: number, c: number): GridCell | undefined {
  return sheet.rows.get(r)?.get(c);
}

/** Sorted row numbers that hold at least one cell; with `upTo`, only those up to that row (a header search: no sorting of a whole sheet). */
export function rowNumbers(sheet: GridSheet, upTo = Infinity): number[] {
  const rows: number[] = [];
  for (const r of sheet.rows.keys()) if (r <= upTo) rows.push(r);
  return rows.sort((x, y) => x - y);
}

/** The rows (row number, cells) in ascending order: as the readers put them, else sorted. */
export function sortedRows(sheet: GridSheet): Iterable<[number, Map<number, GridCell>]> {
  let prev = -Infinity;
  for (const r of sheet.rows.keys()) {
    if (r < prev) return [...sheet.rows].sort((x, y) => x[0] - y[0]);
    prev = r;
  }
  return sheet.rows;
}

/** Sorted column numbers used in a row. */
export function colNumbers(sheet: GridSheet, r: number): number[] {
  const row = sheet.rows.get(r);
  return row ? [...row.keys()].sort((x, y) => x - y) : [];
}
