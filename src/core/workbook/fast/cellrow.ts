/**
 * The cells of one row by column, for streaming: a Map's interface over two arrays, reused from
 * row to row. A Map would do, but clearing one reallocates its table and filling it again grows
 * it through the runtime; row after row of a 500,000-row sheet, that costs whole seconds. Like a
 * Map it iterates in insertion order, and a column set again keeps its place.
 */
import type { GridCell } from '../grid.js';

const MAX_COL = 16384;

export class CellRow implements ReadonlyMap<number, GridCell> {
  /** column → cell (index 0 unused) */
  private readonly byCol: (GridCell | undefined)[] = new Array<GridCell | undefined>(MAX_COL + 1).fill(undefined);
  /** the columns holding a cell, in insertion order */
  private readonly cols: number[] = [];
  /** column → 1 + the shared-string index of its cell, 0 when it is none (or not known) */
  private readonly sstOf = new Int32Array(MAX_COL + 1);
  private n = 0;

  get size(): number {
    return this.n;
  }

  get(col: number): GridCell | undefined {
    return this.byCol[col];
  }

  has(col: number): boolean {
    return this.byCol[col] !== undefined;
  }

  set(col: number, cell: GridCell): this {
    if (this.byCol[col] === undefined) this.cols[this.n++] = col;
    this.byCol[col] = cell;
    this.sstOf[col] = 0;
    return this;
  }

  /** set, for a cell that is the shared string of index `sst` (the sheet parser knows) */
  setShared(col: number, cell: GridCell, sst: number): this {
    this.set(col, cell);
    this.sstOf[col] = sst + 1;
    return this;
  }

  /**
   * The shared-string index of the cell at a column, -1 when it is not one: cells of one index hold
   * the same text, so a reader can cache by a small number instead of hashing the text.
   */
  sharedIndex(col: number): number {
    return this.sstOf[col]! - 1;
  }

  delete(col: number): boolean {
    if (this.byCol[col] === undefined) return false;
    this.byCol[col] = undefined;
    this.sstOf[col] = 0;
    const i = this.cols.indexOf(col);
    this.cols.copyWithin(i, i + 1, this.n);
    this.n--;
    return true;
  }

  clear(): void {
    for (let i = 0; i < this.n; i++) {
      const c = this.cols[i]!;
      this.byCol[c] = undefined;
      this.sstOf[c] = 0;
    }
    this.n = 0;
  }

  /** Put the columns in ascending order (as the grid holds a row whose cells came out of order). */
  sortColumns(): void {
    const sorted = this.cols.slice(0, this.n).sort((a, b) => a - b);
    for (let i = 0; i < this.n; i++) this.cols[i] = sorted[i]!;
  }

  forEach(fn: (cell: GridCell, col: number, row: ReadonlyMap<number, GridCell>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.n; i++) {
      const c = this.cols[i]!;
      fn.call(thisArg, this.byCol[c]!, c, this);
    }
  }

  /** The highest column holding a cell (0 for none). */
  lastColumn(): number {
    let max = 0;
    for (let i = 0; i < this.n; i++) if (this.cols[i]! > max) max = this.cols[i]!;
    return max;
  }

  /** The columns holding a cell, as an array (a copy). */
  columns(): number[] {
    return this.cols.slice(0, this.n);
  }

  keys(): MapIterator<number> {
    return this.columns().values() as unknown as MapIterator<number>;
  }

  values(): MapIterator<GridCell> {
    return this.columns()
      .map((c) => this.byCol[c]!)
      .values() as unknown as MapIterator<GridCell>;
  }

  entries(): MapIterator<[number, GridCell]> {
    return this.columns()
      .map((c): [number, GridCell] => [c, this.byCol[c]!])
      .values() as unknown as MapIterator<[number, GridCell]>;
  }

  [Symbol.iterator](): MapIterator<[number, GridCell]> {
    return this.entries();
  }
}
