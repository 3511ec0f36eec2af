import type { GridCell, GridSheet } from '../workbook/grid.js';
import { ANNEX2_COLUMNS, type Annex2Key } from '../layout/annex2.js';
import { MergeIndex, TableField, colNumbers, mergedTextAt, rowNumbers, sortedRows, textOf } from './cells.js';
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
  for (const r of rowNumbers(sheet, HEADER_SCAN_ROWS)) {
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
  // sized for every row of the sheet: arrays of this size that grow leave their old copies to the
  // garbage collector, which takes them only late (and the heap's peak is what counts)
  const bound = sheet.rows.size;
  const table = new Columns(columns, bound);
  const { keys, positions } = table;
  const tableCols = new Set(positions.map((p) => p.col));
  const rows: Annex2Row[] = new Array<Annex2Row>(bound);
  let n = 0;
  // one row's cells and texts, reused from row to row: each cell's text is computed once
  const cells: (GridCell | undefined)[] = new Array<GridCell | undefined>(keys.length);
  const texts: string[] = new Array<string>(keys.length);
  let lastRow = header.row;
  for (const [r, row] of sortedRows(sheet)) {
    if (r <= header.row) continue;
    // a row counts when any column other than 序号 holds something (a formula without result too):
    // the template pre-numbers empty rows
    let hasContent = false;
    // the leftmost filled cell tells whether the table has ended (说明, 合计 …)
    let firstCol = Infinity;
    let first = '';
    for (let i = 0; i < keys.length; i++) {
      const col = positions[i]!.col;
      const cell = row.get(col);
      const text = textOf(cell);
      cells[i] = cell;
      texts[i] = text;
      if (text !== '' && col < firstCol) {
        firstCol = col;
        first = text;
      }
      if (keys[i] !== 'seq' && (text !== '' || cell?.t === 'z')) hasContent = true;
    }
    // cells outside the table's columns (a note in column A) are read only when there are any
    if (row.size > tableCols.size || cells.includes(undefined)) {
      for (const [c, cell] of row) {
        if (c >= firstCol || tableCols.has(c)) continue;
        const text = textOf(cell);
        if (text !== '') {
          firstCol = c;
          first = text;
        }
      }
    }
    if (STOP.test(first)) break;
    if (!hasContent) continue;
    table.set(n, cells, texts);
    rows[n] = { row: r, fields: new RowFields(table, n, r) as Annex2Row['fields'], hidden: sheet.hiddenRows.has(r) };
    n++;
    lastRow = r;
  }
  rows.length = n;
  table.truncate(n);
  return { kind: 'annex2', sheet: sheet.name, headerRow: header.row, columns, missing, meta: readMeta(sheet, metaRows(sheet, header.row, lastRow, 8)), rows };
}

/**
 * The data rows' cells and cleaned texts, kept column by column. A 100,000-row list as Field
 * objects would be a million of them, held (and copied by the garbage collector) through the
 * whole validation, while rules read most cells only for their text.
 */
class Columns {
  readonly keys: Annex2Key[];
  readonly positions: ColumnPos[];
  /** ANNEX2_COLUMNS index → the column's slot here, -1 when the table lacks it */
  private readonly slots: number[];
  private readonly cells: (GridCell | undefined)[][];
  private readonly texts: string[][];
  constructor(columns: Partial<Record<Annex2Key, ColumnPos>>, rows: number) {
    this.keys = Object.keys(columns) as Annex2Key[];
    this.positions = this.keys.map((k) => columns[k]!);
    this.slots = ANNEX2_COLUMNS.map((d) => this.keys.indexOf(d.key));
    this.cells = this.keys.map(() => new Array<GridCell | undefined>(rows));
    this.texts = this.keys.map(() => new Array<string>(rows));
  }
  /** Store the cells and texts (in `keys` order) of the row at `index`. */
  set(index: number, cells: readonly (GridCell | undefined)[], texts: readonly string[]): void {
    for (let i = 0; i < this.keys.length; i++) {
      this.cells[i]![index] = cells[i];
      this.texts[i]![index] = texts[i]!;
    }
  }
  truncate(rows: number): void {
    for (const c of this.cells) c.length = rows;
    for (const t of this.texts) t.length = rows;
  }
  /** The Field of the column ANNEX2_COLUMNS[def] in the row at `index`. */
  field(def: number, index: number, row: number): Field | undefined {
    const s = this.slots[def]!;
    return s < 0 ? undefined : new TableField(row, this.positions[s]!, this.cells[s]![index], this.texts[s]![index]!);
  }
}

/**
 * A row's `fields`: reading a property (an Annex 2 column the table has) makes its Field. The getters
 * are defined on the prototype below, so TypeScript does not see them: a row's `fields` is the class
 * cast to Annex2Row['fields'].
 */
class RowFields {
  readonly #table: Columns;
  readonly #index: number;
  readonly #row: number;
  constructor(table: Columns, index: number, row: number) {
    this.#table = table;
    this.#index = index;
    this.#row = row;
  }
  static {
    ANNEX2_COLUMNS.forEach(({ key }, def) => {
      Object.defineProperty(RowFields.prototype, key, {
        enumerable: true,
        get(this: RowFields): Field | undefined {
          return this.#table.field(def, this.#index, this.#row);
        },
      });
    });
  }
}
