/**
 * One worksheet part → the grid's rows, merges and hidden rows, from the events of xml.ts
 * (saxes) or rows.ts (the sheetData scanner).
 *
 * Values follow the exceljs adapter exactly (compat.ts), with these deliberate differences
 * where exceljs is wrong (each a named test in test/workbook/fast-diff.test.ts):
 * - phonetic runs (<rPh>) inside inline strings are dropped (exceljs loses the whole cell);
 * - `t="d"` cells hold ISO dates and become serials (exceljs parseFloat()s '2024-03-01' to 2024);
 * - `t="str"` results are not XML-decoded a second time;
 * - rows and cells without an `r` attribute are placed by position (exceljs throws);
 * - CDATA text counts (exceljs drops it);
 * - a cell without `s` (or s="0") gets the format of cellXfs[0] (exceljs gives none).
 * Anything odd that exceljs would also choke on (a shared-string index out of range, a rich
 * run after plain text, overlapping merges, bad references …) throws FastReadError, so that
 * the caller falls back to exceljs and its verdict.
 *
 * Memory: a shared string or a number seen again with the same number format gets the same
 * frozen GridCell object (a grid cell is a value; nothing writes to one), so a 500,000-row
 * export with repeating names, dates and codes costs a fraction of one object per cell.
 *
 * Streaming (stream.ts): given a RowSink, the parser keeps no grid: each row goes to the sink
 * as it closes, with the cells the grid would hold for it. Where the grid's rows would differ
 * from the rows as they close — a row number seen again or out of order (the grid keeps the
 * last), a merge whose slave cells the grid deletes — it throws NotStreamable instead.
 */
import { readProgress } from '../progress.js';
import { isoToSerial } from '../dates.js';
import type { GridCell, GridSheet, ReaderNote } from '../grid.js';
import { colToLetters, own, decodeAddress, decodeAddressPacked, decodeTextEscapes, gridNumber, slideFormula, type Address, type StyleInfo } from './compat.js';
import { FastReadError, type Attrs, type SheetHandler } from './xml.js';
import type { SheetLimit } from '../reasons.js';
import { CellRow } from './cellrow.js';

/** The sheet holds something the row stream cannot give exactly as the grid would: read it as a grid. */
export class NotStreamable extends FastReadError {
  constructor(message: string) {
    super(message);
    this.name = 'NotStreamable';
  }
}

/** Receives each row with its cells (ascending columns; the map is reused for the next row). */
export type RowSink = (r: number, cells: ReadonlyMap<number, GridCell>) => void;

/** A shared string as the grid sees it: its flattened text, or null for an empty <si/> (exceljs: a value-less cell). */
export type SharedString = string | null;

export interface SheetContext {
  sst: readonly SharedString[];
  styles: readonly StyleInfo[];
  /** the format facts for a style index with no cellXfs entry (one per workbook: it carries a cell cache) */
  missing: StyleInfo;
  date1904: boolean;
  /** cells the workbook's grid may still take (shared by its sheets; see MAX_GRID_CELLS) */
  cellBudget?: { left: number };
}

/**
 * At most this many cells with a value in one workbook's grid: a 500,000-row, 7-column export (3.5 million) is
 * read; 10 million cells under an Annex 2 header would take gigabytes and is refused with
 * file-too-large instead. The row stream (a data file) keeps no grid and has no such limit.
 */
export const MAX_GRID_CELLS = 4_000_000;

/** A sheet past a limit of ours (not a damaged file): refused, never handed to exceljs. */
export class SheetLimitError extends FastReadError {
  constructor(readonly limit: SheetLimit) {
    super(limit);
    this.name = 'SheetLimitError';
  }
}

const NONE = 0;
const VALUE = 1; // inside <v>
const FORMULA = 2;
const IS_TEXT = 3; // inside the <t> of an inline string's <is>, outside runs

interface SharedMaster {
  formula: string | undefined;
  addr: Address;
}

export class SheetParser implements SheetHandler {
  /** <row> elements seen, for the progress display */
  private rowsRead = 0;
  readonly rows = new Map<number, Map<number, GridCell>>();
  readonly mergeRefs: string[] = [];

  private readonly sst: readonly SharedString[];
  private readonly styles: readonly StyleInfo[];
  private readonly date1904: boolean;
  private readonly noStyle: StyleInfo;
  private readonly missing: StyleInfo;

  private depth = 0;
  private sheetDataDepth = -1;
  private mergeCellsDepth = -1;

  // current row
  private rowNum = 0;
  private maxRow = 0;
  private rowHidden = false;
  private rowHasValue = false;
  /** the current row's cells: the grid's Map for it, or (streaming) the reused CellRow */
  private rowCells: Map<number, GridCell> | CellRow | undefined;
  private prevCol = 0;
  private prevAddrRow = 0;
  private rowsSorted = true;
  private colsSorted = true;
  private lastCol = 0;
  /** (streaming) the lowest column given a cell in this row: with lastCol, a range holding every cell of the row */
  private firstCol = 0;

  // current cell
  private inCell = false;
  private cellCol = 0;
  private cellAddrRow = 0;
  private cellT: string | undefined;
  private cellS: string | undefined;
  private node = NONE;
  private value: string | undefined;
  /** the text of the <is> (an inline string) outside runs, while in its <t> */
  private isText: string | undefined;
  /** the cell has an <is> element (an inline string's text is its <is>, not its <v>) */
  private hasIs = false;
  private inIs = false;
  private rich: string | undefined;
  private formula: string | undefined;
  private shareType: string | undefined;
  private si: string | undefined;
  private fRef: string | undefined;
  private inRun = false;
  private runText: string | undefined;
  private runBuf: string | undefined;
  private rPrDepth = 0;
  private rPhDepth = 0;

  private readonly shared = new Map<string, SharedMaster>();
  /** hidden rows that hold a value */
  private readonly hiddenWithValues = new Set<number>();
  /** hidden rows without values, as [first, last] runs: a million hidden empty rows cost two numbers */
  private readonly hiddenEmpty: number[] = [];

  get atSheetDataStart(): boolean {
    return this.sheetDataDepth >= 0 && this.depth === this.sheetDataDepth;
  }

  /** duplicate cells and rows, over-long texts (without the sheet's name: the caller adds it), at most NOTES_CAP of each kind */
  readonly notes: DistributiveOmit<ReaderNote, 'sheet'>[] = [];
  private readonly noteCounts = { 'duplicate-cell': 0, 'duplicate-row': 0, 'cell-too-long': 0 };

  private note(n: DistributiveOmit<ReaderNote, 'sheet'>): void {
    // streamed rows are gone already: the grid (openWorkbook) reports the note
    if (this.sink) throw new NotStreamable(`${n.kind} in the sheet`);
    if (this.noteCounts[n.kind]++ < NOTES_CAP) this.notes.push(n);
  }

  /** streaming only: the row reused for every row, and what finishStream needs of the rows streamed */
  private readonly streamRow: CellRow | undefined;
  private readonly streamed: StreamedRows | undefined;

  constructor(
    ctx: SheetContext,
    private readonly sink?: RowSink,
  ) {
    if (sink) {
      this.streamRow = new CellRow();
      this.streamed = new StreamedRows();
    }
    this.sst = ctx.sst;
    this.styles = ctx.styles;
    this.date1904 = ctx.date1904;
    this.missing = ctx.missing;
    this.noStyle = ctx.styles[0] ?? ctx.missing;
    if (!sink) this.budget = ctx.cellBudget;
  }

  private readonly budget: { left: number } | undefined;

  open(name: string | null, attrs: Attrs): void {
    if (++this.depth > MAX_DEPTH) throw tooDeep();
    if (this.inCell) {
      this.openInCell(name, attrs);
      return;
    }
    if (this.sheetDataDepth >= 0) {
      if (name === 'c' && this.depth === this.sheetDataDepth + 2) this.openCell(attrs);
      else if (name === 'row' && this.depth === this.sheetDataDepth + 1) this.openRow(attrs);
      return;
    }
    if (this.mergeCellsDepth >= 0) {
      if (name === 'mergeCell') {
        const ref = attrs.get('ref');
        if (ref === undefined) throw new FastReadError('mergeCell without ref');
        this.mergeRefs.push(ref);
      }
      return;
    }
    if (this.depth !== 2) return; // children of <worksheet> only, as exceljs reads them
    if (name === 'sheetData') this.sheetDataDepth = this.depth;
    else if (name === 'mergeCells') this.mergeCellsDepth = this.depth;
  }

  close(name: string | null): void {
    const d = this.depth--;
    if (this.inCell) {
      if (d === this.sheetDataDepth + 2) this.closeCell();
      else this.closeInCell(name);
      return;
    }
    if (d === this.sheetDataDepth) this.sheetDataDepth = -1;
    else if (d === this.mergeCellsDepth) this.mergeCellsDepth = -1;
    else if (this.sheetDataDepth >= 0 && d === this.sheetDataDepth + 1) this.closeRow();
  }

  text(t: string): void {
    if (!this.inCell) return;
    if (this.rPhDepth > 0 || this.rPrDepth > 0) return;
    if (this.inRun) {
      if (this.runBuf !== undefined) this.runBuf += t;
      return;
    }
    if (this.node === VALUE) this.value = this.value === undefined ? t : this.value + t;
    else if (this.node === IS_TEXT) {
      // text after rich runs goes nowhere (an <is> is either one <t> or runs)
      if (this.rich === undefined) this.isText = this.isText === undefined ? t : this.isText + t;
    } else if (this.node === FORMULA) {
      this.formula = this.formula === undefined ? t : this.formula + t;
    }
  }

  // ------------------------------------------------------------------ rows

  private openRow(attrs: Attrs): void {
    if ((++this.rowsRead & 1023) === 0) readProgress.onRows?.(this.rowsRead);
    const r = attrs.get('r');
    let n: number;
    if (r === undefined) n = this.rowNum + 1;
    else {
      n = parseInt(r, 10);
      // (open.ts matches the start of this message and of 'overlapping merges': keep both)
      if (!(n >= 1 && n <= 1_048_576)) throw new FastReadError(`bad row number ${r}`);
    }
    if (n <= this.maxRow) {
      if (this.sink) throw new NotStreamable(`row ${n} comes after row ${this.maxRow}`);
      if (this.rowsSorted) this.rememberRows();
      if (this.seenRows.has(n)) this.note({ kind: 'duplicate-row', row: n });
      this.revisitRow(n);
    } else this.maxRow = n;
    if (!this.sink && !this.rowsSorted) this.seenRows.add(n);
    this.rowNum = n;
    const h = attrs.get('hidden');
    this.rowHidden = h === '1' || h === 'true';
    this.rowHasValue = false;
    this.rowCells = undefined;
    this.prevCol = 0;
    this.prevAddrRow = n;
    this.lastCol = 0;
    this.firstCol = 0;
    this.colsSorted = true;
  }

  /** row numbers seen that held something, once rows came out of order (until then, maxRow tells) */
  private readonly seenRows = new Set<number>();

  /** Rows came out of order: remember the rows so far that hold something (cells, hidden) — a second row of one of these numbers loses it. */
  private rememberRows(): void {
    for (const r of this.rows.keys()) this.seenRows.add(r);
    for (const r of this.hiddenWithValues) this.seenRows.add(r);
  }

  /** A row number seen before (out of order, or twice): exceljs keeps only the last <row> element of a number. */
  private revisitRow(n: number): void {
    this.rowsSorted = false;
    this.rows.delete(n);
    this.hiddenWithValues.delete(n);
    const runs = this.hiddenEmpty;
    for (let i = 0; i < runs.length; i += 2) {
      const a = runs[i]!,
        b = runs[i + 1]!;
      if (n < a || n > b) continue;
      if (a === b) runs.splice(i, 2);
      else if (n === a) runs[i] = a + 1;
      else if (n === b) runs[i + 1] = b - 1;
      else runs.splice(i + 1, 1, n - 1, n + 1, b);
      break;
    }
  }

  private closeRow(): void {
    const n = this.rowNum;
    if (this.sink) {
      // the grid has an entry for this row exactly when rowCells was made (it may have emptied since)
      const cells = this.streamRow!;
      if (this.rowCells === undefined) return;
      if (!this.colsSorted) cells.sortColumns();
      this.streamed!.add(n, cells, this.firstCol, this.lastCol);
      this.sink(n, cells);
      cells.clear();
      return;
    }
    if (this.rowCells && !this.colsSorted) this.rows.set(n, sortedByKey(this.rowCells as Map<number, GridCell>));
    if (this.rowHidden) {
      if (this.rowHasValue) this.hiddenWithValues.add(n);
      else {
        const runs = this.hiddenEmpty;
        const k = runs.length;
        if (k > 0 && runs[k - 1] === n - 1) runs[k - 1] = n;
        else runs.push(n, n);
      }
    }
  }

  // ------------------------------------------------------------------ cells

  private openCell(attrs: Attrs): void {
    this.startCell(attrs.get('r'), attrs.get('t'), attrs.get('s'));
  }

  /**
   * A whole cell `<c r="…" s="…" t="…"><v>…</v></c>` (s and t optional), as the scanner finds
   * nearly every cell of a large sheet: exactly what its five events (open c, open v, the text
   * if any, close v, close c) do, without making them.
   */
  plainCell(src: string, r0: number, r1: number, addr: number, s: string | undefined, t: string | undefined, v: string): void {
    if (this.inCell || this.sheetDataDepth < 0 || this.depth !== this.sheetDataDepth + 1) {
      // not where a row's cell is: the events, whatever they mean here
      const attrs = new PlainAttrs(src.slice(r0, r1), s, t);
      this.open('c', attrs);
      this.open('v', NO_ATTRS);
      if (v.length > 0) this.text(v);
      this.close('v');
      this.close('c');
      return;
    }
    if (addr < 0) throw new FastReadError(`bad cell reference ${src.slice(r0, r1)}`);
    this.startCellAt(addr, t, s);
    if (v.length > 0) this.value = v;
    this.closeCell();
  }

  private startCell(r: string | undefined, t: string | undefined, s: string | undefined): void {
    if (r === undefined) {
      this.cellCol = this.prevCol + 1;
      this.cellAddrRow = this.prevAddrRow;
      if (this.cellCol > 16384) throw new FastReadError('too many cells in a row');
      this.initCell(t, s);
      return;
    }
    const a = decodeAddressPacked(r);
    if (a < 0) throw new FastReadError(`bad cell reference ${r}`);
    this.startCellAt(a, t, s);
  }

  /** `a`: the cell's reference as decodeAddressPacked gives it (valid) */
  private startCellAt(a: number, t: string | undefined, s: string | undefined): void {
    this.cellCol = (a % 16384) + 1;
    this.cellAddrRow = Math.floor(a / 16384);
    this.initCell(t, s);
  }

  private initCell(t: string | undefined, s: string | undefined): void {
    this.prevCol = this.cellCol;
    this.prevAddrRow = this.cellAddrRow;
    this.inCell = true;
    this.cellT = t;
    this.cellS = s;
    this.node = NONE;
    this.value = undefined;
    this.isText = undefined;
    this.hasIs = false;
    this.inIs = false;
    this.rich = undefined;
    this.formula = undefined;
    this.shareType = undefined;
    this.si = undefined;
    this.fRef = undefined;
    this.inRun = false;
    this.rPrDepth = 0;
    this.rPhDepth = 0;
  }

  private openInCell(name: string | null, attrs: Attrs): void {
    if (this.rPhDepth > 0) {
      this.rPhDepth++;
      return;
    }
    if (this.inRun) {
      if (this.rPrDepth > 0) this.rPrDepth++;
      else if (name === 't') this.runBuf = '';
      else if (name === 'rPr') this.rPrDepth = 1;
      else if (this.runBuf !== undefined) throw new FastReadError('element inside a rich-text run <t>');
      return;
    }
    switch (name) {
      case 'v':
        this.node = VALUE;
        return;
      case 'is':
        this.hasIs = this.inIs = true;
        return;
      case 't':
        // only the <t> of an <is> holds text (a <t> elsewhere in a cell is not SpreadsheetML)
        if (this.inIs) {
          this.node = IS_TEXT;
          if (this.isText === undefined) this.isText = '';
        }
        return;
      case 'f':
        this.node = FORMULA;
        this.shareType = attrs.get('t');
        this.si = attrs.get('si');
        this.fRef = attrs.get('ref');
        return;
      case 'r':
        if (!this.inIs) return;
        if (this.isText !== undefined) throw new FastReadError('rich-text run after plain text in an inline string');
        this.inRun = true;
        this.runText = undefined;
        this.runBuf = undefined;
        return;
      case 'rPh':
        this.rPhDepth = 1;
        return;
      default:
        return;
    }
  }

  private closeInCell(name: string | null): void {
    if (this.rPhDepth > 0) {
      this.rPhDepth--;
      return;
    }
    if (this.inRun) {
      if (this.rPrDepth > 0) this.rPrDepth--;
      else if (name === 't') {
        if (this.runBuf !== undefined) this.runText = decodeTextEscapes(this.runBuf);
        this.runBuf = undefined;
      } else if (name === 'r') {
        this.inRun = false;
        this.rich = this.rich === undefined ? (this.runText ?? '') : this.rich + (this.runText ?? '');
        this.node = NONE;
      }
      return;
    }
    if (name === 'is') this.inIs = false;
    else if (name === 't' && this.node === IS_TEXT) {
      this.node = NONE;
      if (this.isText === '')
        this.isText = undefined; // an empty inline string is no value
      else if (this.isText !== undefined) this.isText = decodeTextEscapes(this.isText);
    } else if (name === 'v' || name === 'f') this.node = NONE;
  }

  private closeCell(): void {
    this.inCell = false;
    const sIdx = this.cellS === undefined ? 0 : parseInt(this.cellS, 10);
    const style = sIdx ? (this.styles[sIdx] ?? this.missing) : this.noStyle;
    let formula: string | undefined;
    if (this.formula || this.shareType) {
      formula = this.formulaValue(style);
    } else if (this.rich !== undefined || (this.hasIs && this.cellT === 'inlineStr' ? this.isText : this.value) !== undefined) {
      if (!this.plainValue(style)) {
        // a value exceljs holds but the grid has no entry for (an empty <si/>): still a value
        this.rowHasValue = true;
        this.rowCells?.delete(this.cellCol);
        return;
      }
    } else {
      // no value: a styled cell replaces an earlier duplicate, an unstyled one is skipped
      if (this.cellCol <= this.lastCol && this.rowCells?.has(this.cellCol)) this.noteDuplicate();
      if (this.cellS !== undefined && parseInt(this.cellS, 10)) this.rowCells?.delete(this.cellCol);
      return;
    }
    // only cells the grid keeps count: formatted empty cells cost nothing
    if (this.budget && --this.budget.left < 0) throw tooManyCells();
    let out: GridCell;
    if (formula !== undefined) out = this.newCell(style.numFmt, formula);
    else out = this.sharedCell(style);
    this.rowHasValue = true;
    let cells = this.rowCells;
    if (cells === undefined) {
      if (this.streamRow) cells = this.rowCells = this.streamRow;
      else {
        cells = this.rowCells = new Map();
        this.rows.set(this.rowNum, cells);
      }
    }
    const c = this.cellCol;
    if (out.t === 's' && (out.v as string).length > MAX_CELL_TEXT) this.note({ kind: 'cell-too-long', cell: `${colToLetters(c)}${this.rowNum}`, length: (out.v as string).length });
    if (c <= this.lastCol) {
      if (cells.has(c)) this.noteDuplicate();
      this.colsSorted = false;
      if (c < this.firstCol) this.firstCol = c;
    } else {
      this.lastCol = c;
      if (this.firstCol === 0) this.firstCol = c;
    }
    // (streaming: tell which shared string the cell is, for the reader's caches)
    if (cells instanceof CellRow && formula === undefined && this.outSst >= 0) cells.setShared(c, out, this.outSst);
    else cells.set(c, out);
  }

  private outT: GridCell['t'] = 'z';
  private outV: GridCell['v'] = null;
  /** outV is the shared string of this index (for the per-format cache), else -1 */
  private outSst = -1;

  /** One literal per shape: a property added later would cost each cell a separate backing store. */
  private newCell(numFmt: string | undefined, formula?: string): GridCell {
    const t = this.outT,
      v = this.outV;
    if (formula === undefined) return numFmt === undefined ? { t, v } : { t, v, numFmt };
    return numFmt === undefined ? { t, v, formula } : { t, v, formula, numFmt };
  }

  /**
   * The cell for outT/outV with this format: shared strings and numbers come from the format's
   * cache (frozen: one object stands for many cells), anything else is a new object.
   */
  private sharedCell(style: StyleInfo): GridCell {
    const idx = this.outSst;
    if (idx >= 0) {
      // sized up front: filled at random indexes, a growing array would turn into a slow dictionary
      const cache = (style.sstCells ??= new Array<GridCell | undefined>(this.sst.length));
      return cache[idx] ?? (cache[idx] = Object.freeze(this.newCell(style.numFmt)));
    }
    // (-0 is kept apart: Map keys do not tell it from 0, the grid does)
    if (this.outT === 'n' && !Object.is(this.outV, -0)) {
      const v = this.outV as number;
      const cache = (style.numCells ??= new Map<number, GridCell>());
      let cell = cache.get(v);
      if (cell === undefined) {
        cell = this.newCell(style.numFmt);
        if (cache.size < NUMBER_CELLS_CAP) cache.set(v, Object.freeze(cell));
      }
      return cell;
    }
    return this.newCell(style.numFmt);
  }

  /** Sets outT/outV for a cell that is not a formula; false when the grid has no entry for it. */
  private plainValue(style: StyleInfo): boolean {
    const t = this.cellT;
    const rich = this.rich;
    this.outSst = -1;
    if (rich !== undefined) {
      if (t !== 'inlineStr') throw new FastReadError(`rich text in a cell of type ${t ?? 'n'}`); // (no t attribute: a number, the default)
      this.outT = 's';
      this.outV = own(rich);
      return true;
    }
    if (t === 'inlineStr' && this.hasIs) {
      // an inline string is the text of its <is>; a <v> beside it is not shown by Excel
      this.outT = 's';
      this.outV = own(this.isText!);
      return true;
    }
    const v = this.value!;
    switch (t) {
      case 's': {
        const idx = parseInt(v, 10);
        const s = this.sst[idx];
        if (s === undefined) throw new FastReadError(`shared string ${v} does not exist`);
        if (s === null) return false;
        this.outT = 's';
        this.outV = s;
        this.outSst = idx;
        return true;
      }
      case 'str':
      case 'inlineStr': // (without <is>: its <v>, as openpyxl and SheetJS read it)
        this.outT = 's';
        this.outV = own(v);
        return true;
      default:
        this.typed(t, v, style);
        return true;
    }
  }

  /** outT/outV for a value of type b, e, d or n (or none); any other type, or a value that cannot be read, is an error. */
  private typed(t: string | undefined, v: string, style: StyleInfo): void {
    switch (t) {
      case 'b':
        this.outT = 'b';
        if (v === '1' || v === 'true') this.outV = true;
        else if (v === '0' || v === 'false') this.outV = false;
        else throw this.unreadable('boolean', v.slice(0, 40));
        return;
      case 'e':
        this.outT = 'e';
        this.outV = v;
        return;
      case 'd':
        this.outT = 'n';
        try {
          this.outV = isoDateSerial(v);
        } catch {
          throw this.unreadable('date', v.slice(0, 40));
        }
        return;
      case undefined:
      case 'n':
        break;
      default:
        throw new FastReadError({ kind: 'cell-type', ref: this.cellRef(), type: t.slice(0, 20) }, { refuse: true });
    }
    const n = parseFloat(v);
    // (+v is the whole text as a number: "12abc", "0x1A", "Infinity" are no numbers Excel stores)
    if (n !== +v || !Number.isFinite(n)) {
      // an error code as a formula's result without t="e" (some producers write it so): Excel shows the error
      if (ERROR_CODES.has(v)) {
        this.outT = 'e';
        this.outV = v;
        return;
      }
      throw this.unreadable('number', v.slice(0, 40));
    }
    const g = gridNumber(n, style.exDate, style.ourDate, this.date1904, style.elapsed);
    if (g === g) {
      this.outT = 'n';
      this.outV = g;
    } else {
      this.outT = 'e';
      this.outV = '#NUM!';
    }
  }

  private noteDuplicate(): void {
    this.note({ kind: 'duplicate-cell', cell: `${colToLetters(this.cellCol)}${this.rowNum}` });
  }

  /** A value of the current cell that cannot be read: the file is refused (the fallback would guess). */
  private unreadable(type: 'boolean' | 'date' | 'number', text: string): FastReadError {
    return new FastReadError({ kind: 'cell-value', ref: this.cellRef(), type, text }, { refuse: true });
  }

  private cellRef(): string {
    return `${colToLetters(this.cellCol)}${this.rowNum}`;
  }

  /** Sets outT/outV from the cached result; returns the formula text (without '=') or undefined. */
  private formulaValue(style: StyleInfo): string | undefined {
    if (this.rich !== undefined) throw new FastReadError('rich text in a formula cell');
    let text = this.formula;
    if (this.shareType === 'shared') {
      const si = this.si ?? 'undefined';
      const addr: Address = { row: this.cellAddrRow, col: this.cellCol };
      if (this.fRef) this.shared.set(si, { formula: text, addr });
      else if (!text) {
        const master = this.shared.get(si);
        if (master) {
          if (!master.formula) throw new FastReadError('shared formula whose master has no text');
          text = slideFormula(master.formula, master.addr, addr);
        }
      }
    }
    const v = this.value;
    if (!v) {
      this.outT = 'z';
      this.outV = null;
    } else if (this.cellT === 'str') {
      this.outT = 's';
      this.outV = own(v);
    } else this.typed(this.cellT, v, style);
    if (!text) return undefined;
    const f = text.charCodeAt(0) === 61 ? text.slice(1) : text; // '='
    return f ? own(f) : undefined;
  }

  // ------------------------------------------------------------------ the end

  finish(): Omit<GridSheet, 'name' | 'state'> {
    if (this.inCell || this.sheetDataDepth >= 0) throw new FastReadError('worksheet ends inside sheetData');
    const merges = this.applyMerges();
    let rows = this.rows;
    if (!this.rowsSorted) rows = sortedByKey(rows);
    const hiddenRows = new Set<number>();
    for (const r of [...this.hiddenWithValues, ...merges.hiddenSlaveRows].sort((a, b) => a - b)) hiddenRows.add(r);
    return { rows, merges: merges.refs, hiddenRows };
  }

  /**
   * The end of a streamed sheet: the same checks as finish(), and NotStreamable when a merge
   * covers a streamed cell or row, which the grid would have deleted.
   */
  finishStream(): void {
    if (this.inCell || this.sheetDataDepth >= 0) throw new FastReadError('worksheet ends inside sheetData');
    const ranges = this.mergeRefs.map(decodeRange);
    checkOverlaps(ranges);
    for (const m of ranges) if (this.streamed!.touches(m)) throw new NotStreamable(`merge ${m.ref} covers streamed cells`);
  }

  private applyMerges(): { refs: string[]; hiddenSlaveRows: number[] } {
    const ranges = this.mergeRefs.map(decodeRange);
    checkOverlaps(ranges);
    const hiddenSlaveRows: number[] = [];
    for (const m of ranges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const cells = this.rows.get(r);
        if (!cells) continue;
        for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) cells.delete(c);
        if (cells.size === 0) this.rows.delete(r);
      }
      // a slave cell makes its row count as one with values (exceljs' row.hasValues)
      const runs = this.hiddenEmpty;
      const first = m.right > m.left ? m.top : m.top + 1;
      for (let i = 0; i < runs.length; i += 2) {
        const a = Math.max(runs[i]!, first),
          b = Math.min(runs[i + 1]!, m.bottom);
        for (let r = a; r <= b; r++) hiddenSlaveRows.push(r);
      }
    }
    return { refs: ranges.map((m) => m.ref), hiddenSlaveRows };
  }
}

/** The attributes of a plain cell, as Attrs (for plainCell's events). */
/**
 * Elements nested deeper than this: no spreadsheet writer nests more than a dozen levels; millions of
 * unclosed elements would otherwise each stay open (and the XML parser's stack with them).
 */
const MAX_DEPTH = 256;

function tooDeep(): SheetLimitError {
  return new SheetLimitError({ kind: 'too-deep', depth: MAX_DEPTH });
}

function tooManyCells(): SheetLimitError {
  return new SheetLimitError({ kind: 'too-many-cells', cells: MAX_GRID_CELLS });
}

class PlainAttrs implements Attrs {
  constructor(
    private readonly r: string,
    private readonly s: string | undefined,
    private readonly t: string | undefined,
  ) {}
  get(name: string): string | undefined {
    return name === 'r' ? this.r : name === 's' ? this.s : name === 't' ? this.t : undefined;
  }
  names(): string[] {
    return ['r', ...(this.s === undefined ? [] : ['s']), ...(this.t === undefined ? [] : ['t'])];
  }
}

const NO_ATTRS: Attrs = { get: () => undefined, names: () => [] };

/** Excel's limit on the characters of a cell. */
const MAX_CELL_TEXT = 32_767;
/** notes of one kind kept per sheet (the rest are counted only) */
const NOTES_CAP = 1000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The error values Excel shows in a cell. */
const ERROR_CODES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** numbers cached per format: enough for every date of a century, bounded for columns of unique numbers */
const NUMBER_CELLS_CAP = 50_000;

function sortedByKey<V>(m: Map<number, V>): Map<number, V> {
  return new Map([...m].sort((a, b) => a[0] - b[0]));
}

/** rows streamed whose columns are remembered one by one (header rows, where merges usually are); later rows keep their first and last column */
const EXACT_ROWS = 100;

/**
 * What finishStream must know of the rows already streamed, to tell whether a merge (known only
 * at the end of the part) would have deleted any of their cells: compact, as a sheet can have a
 * million rows.
 */
class StreamedRows {
  private n = 0;
  private rows = new Int32Array(1024);
  /** first and last column with a cell; first > last for a row that is empty */
  private first = new Uint16Array(1024);
  private last = new Uint16Array(1024);
  private readonly exact: number[][] = [];

  /** `lo`..`hi`: columns holding every cell of the row (cells may have gone since: a wider range only makes touches() more cautious) */
  add(r: number, cells: ReadonlyMap<number, GridCell>, lo: number, hi: number): void {
    if (this.n === this.rows.length) {
      const rows = new Int32Array(this.n * 2),
        first = new Uint16Array(this.n * 2),
        last = new Uint16Array(this.n * 2);
      rows.set(this.rows);
      first.set(this.first);
      last.set(this.last);
      this.rows = rows;
      this.first = first;
      this.last = last;
    }
    if (cells.size === 0) {
      lo = 16385;
      hi = 0;
    }
    if (this.n < EXACT_ROWS) this.exact.push([...cells.keys()]);
    this.rows[this.n] = r;
    this.first[this.n] = lo;
    this.last[this.n] = hi;
    this.n++;
  }

  /** Would applying the merge (as SheetParser.applyMerges does) delete a streamed cell or row? */
  touches(m: Range): boolean {
    // rows are streamed in ascending order: binary search the first one not above the merge
    let a = 0,
      b = this.n;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.rows[mid]! < m.top) a = mid + 1;
      else b = mid;
    }
    for (let i = a; i < this.n && this.rows[i]! <= m.bottom; i++) {
      const lo = this.first[i]!,
        hi = this.last[i]!;
      if (lo > hi) return true; // an empty row in a merge is deleted from the grid
      const from = this.rows[i] === m.top ? m.left + 1 : m.left;
      if (from > m.right || hi < from || lo > m.right) continue;
      const cols = this.exact[i];
      if (!cols || cols.some((c) => c >= from && c <= m.right)) return true;
    }
    return false;
  }
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
  ref: string;
}

/** exceljs `Range`: 'B2:A1' → 'A1:B2', 'A1' → 'A1:A1'. */
function decodeRange(ref: string): Range {
  const parts = ref.split(':');
  if (parts.length > 2) throw new FastReadError(`bad merge range ${ref}`);
  const tl = decodeAddress(parts[0]!);
  const br = parts.length === 2 ? decodeAddress(parts[1]!) : tl;
  if (!tl || !br) throw new FastReadError(`bad merge range ${ref}`);
  const top = Math.min(tl.row, br.row),
    bottom = Math.max(tl.row, br.row);
  const left = Math.min(tl.col, br.col),
    right = Math.max(tl.col, br.col);
  return { top, left, bottom, right, ref: `${colToLetters(left)}${top}:${colToLetters(right)}${bottom}` };
}

/** exceljs refuses overlapping merges ('Cannot merge already merged cells'). */
function checkOverlaps(ranges: Range[]): void {
  const byTop = [...ranges].sort((a, b) => a.top - b.top);
  for (let i = 0; i < byTop.length; i++) {
    const a = byTop[i]!;
    for (let j = i + 1; j < byTop.length && byTop[j]!.top <= a.bottom; j++) {
      const b = byTop[j]!;
      if (b.left <= a.right && b.right >= a.left) throw new FastReadError(`overlapping merges ${a.ref} and ${b.ref}`);
    }
  }
}

/** ISO 8601 as Excel writes `t="d"` values: a date, a date and time, or a time alone (with or without a leading T); no offset but Z. */
const ISO_RX = /^(\d{4}-\d{2}-\d{2})?(?:(?:^|T)(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?Z?$/;

/**
 * A `t="d"` value → 1900-system serial: a date is its day's serial, a date and time adds the
 * fraction of the day, a time alone is only that fraction (a time of day, not a date). The
 * grid holds the 1900 system in 1904 workbooks too, so nothing is shifted.
 */
export function isoDateSerial(s: string): number {
  const m = ISO_RX.exec(s.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) throw new FastReadError(`not an ISO date: ${s.slice(0, 40)}`);
  let serial = 0;
  if (m[1] !== undefined) {
    try {
      serial = isoToSerial(m[1]);
    } catch {
      throw new FastReadError(`not an ISO date: ${s.slice(0, 40)}`);
    }
  }
  if (m[2] === undefined) return serial;
  const h = Number(m[2]),
    mi = Number(m[3]),
    sec = Number(m[4] ?? 0),
    frac = m[5] ? Number(m[5]) : 0;
  if (h > 24 || mi > 59 || sec > 60) throw new FastReadError(`not an ISO date: ${s.slice(0, 40)}`);
  const ms = Math.round(((h * 60 + mi) * 60 + sec + frac) * 1000);
  return serial + ms / 86_400_000;
}
