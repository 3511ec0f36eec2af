/**
 * The rows of each worksheet, in order, without a grid: for data files of hundreds of thousands
 * of rows, where the grid alone (a Map per row, a cell in it per value) would be most of the
 * time and memory a command may take. Each row comes with exactly the cells loadFast's grid
 * would hold for it (test/workbook/fast-stream.test.ts); the parts are read as loadFast reads
 * them, so the two throw on the same files — and streamSheets also throws NotStreamable where
 * rows cannot be given in order exactly as the grid holds them (a row number seen twice or out
 * of order, a merge over streamed cells, the scanner stepping aside after rows were streamed).
 * A caller that gets an exception forgets what it saw and reads the file as a grid instead.
 */
import type { GridCell, SheetState } from '../grid.js';
import { lastModes, openBook, type FastOptions } from './book.js';
import { NotStreamable, SheetParser } from './sheet.js';
import { inSheet } from './xml-error.js';

export interface SheetVisitor {
  /**
   * A row the grid would hold (possibly with no cells left, as in the grid), rows ascending;
   * `cells` ascending by column: a CellRow (whose sharedIndex tells which shared string a cell
   * is), reused for the next row, so valid only during the call: copy what you keep. Cells
   * themselves are values and may be kept.
   */
  row(r: number, cells: ReadonlyMap<number, GridCell>): void;
  /** after the sheet's last row, once the sheet is known to stream exactly */
  end?(): void;
}

export interface StreamOptions extends FastOptions {
  /**
   * Each worksheet in workbook order: return the visitor for its rows, or null to skip the sheet
   * unread (then an error in that sheet goes unseen, unlike in loadFast).
   */
  onSheet(name: string, state: SheetState): SheetVisitor | null;
}

export function streamSheets(bytes: Uint8Array, opts: StreamOptions): void {
  lastModes.length = 0;
  const book = openBook(bytes, opts);
  for (const { def, entry } of book.worksheets) {
    const visitor = opts.onSheet(def.name, def.state);
    if (!visitor) continue;
    let streamed = false;
    let attempts = 0;
    const sink = (r: number, cells: ReadonlyMap<number, GridCell>): void => {
      streamed = true;
      visitor.row(r, cells);
    };
    try {
      const sp = book.parts.parseFast(bytes, entry, () => {
        // when the scanner steps aside, saxes reads the part again from its start: fine unless
        // rows went out already (the visitor would see them twice)
        if (attempts++ > 0 && streamed) throw new NotStreamable('the fast scanner stepped aside after rows were streamed');
        return new SheetParser(book.ctx, sink);
      });
      sp.finishStream();
    } catch (err) {
      throw inSheet(err, def.name);
    }
    visitor.end?.();
  }
}
