/**
 * The fast xlsx reader: the same GridWorkbook as the exceljs adapter (fast-diff.test.ts), from
 * a streaming pass over each part — fflate's Inflate in slices → a streaming TextDecoder →
 * saxes, with the content of <sheetData> and <sst> (nearly all the bytes) tokenised by a
 * stricter, faster scanner (rows.ts) that hands anything unusual back to saxes. No part's
 * XML is held whole and no per-cell object is kept beyond the grid's own (shared) cells.
 * Parts are found through the workbook's relationships, not by fixed names, and shared
 * strings are read before any sheet whatever their order in the zip. Browser-safe.
 *
 * Throws (FastReadError, or a saxes/fflate error) on anything it does not read exactly as the
 * adapter would; openWorkbook then falls back to exceljs.
 *
 * Modules: xml.ts (streaming, namespaces, the saxes/scanner hand-over), rows.ts (the scanner),
 * parts.ts (rels, workbook, styles, shared strings), sheet.ts (cells, merges, hidden rows),
 * compat.ts (the exceljs rules the results must match).
 */
import type { GridSheet, GridWorkbook } from '../grid.js';
import { readZipDirectory, type ZipEntryInfo } from '../zipdir.js';
import { styleInfo, type StyleInfo } from './compat.js';
import {
  RelsParser,
  relKind,
  resolveTarget,
  SharedStringsParser,
  StylesParser,
  WorkbookParser,
  type Relationship,
} from './parts.js';
import { SheetParser, type SharedString } from './sheet.js';
import { FastReadError, parseEntry, parseSheetEntry, type SheetHandler } from './xml.js';

export { FastReadError } from './xml.js';

const MiB = 1024 * 1024;

export interface FastOptions {
  /** cap on the declared inflated size of all parts read (default 500 MiB); each part must inflate to exactly its declared size */
  maxInflatedBytes?: number;
  /** filled with the local-header offsets of the entries read, each verified to inflate to exactly its declared size */
  read?: Set<number>;
}

/** How the shared strings and each worksheet of the last loadFast were parsed ('fast': by the scanner; 'saxes': it stepped aside). For tests. */
export const lastModes: ('fast' | 'saxes')[] = [];

export async function loadFast(bytes: Uint8Array, opts: FastOptions = {}): Promise<GridWorkbook> {
  return loadFastSync(bytes, opts);
}

/** The same, synchronously (every step is synchronous; the async signature matches loadWithExceljs). */
export function loadFastSync(bytes: Uint8Array, opts: FastOptions = {}): GridWorkbook {
  lastModes.length = 0;
  const dir = readZipDirectory(bytes);
  if ('error' in dir) throw new FastReadError(dir.errorEn);
  const parts = new Parts(dir.entries, opts.maxInflatedBytes ?? 500 * MiB, opts.read);

  const wbEntry = parts.get('xl/workbook.xml');
  if (!wbEntry) throw new FastReadError('no xl/workbook.xml');
  const wb = new WorkbookParser();
  parts.parse(bytes, wbEntry, wb);

  const relsEntry = parts.get('xl/_rels/workbook.xml.rels');
  const rels: Relationship[] = [];
  if (relsEntry) {
    const rp = new RelsParser();
    parts.parse(bytes, relsEntry, rp);
    rels.push(...rp.rels);
  }
  const relOf = (kind: string): ZipEntryInfo | undefined => {
    const r = rels.find((x) => !x.external && relKind(x.type) === kind);
    return r ? parts.get(resolveTarget('xl/', r.target)) : undefined;
  };

  let styles: StyleInfo[] = [];
  const stylesEntry = relOf('styles');
  if (stylesEntry) {
    const sp = new StylesParser();
    parts.parse(bytes, stylesEntry, sp);
    styles = sp.styles();
  }

  let sst: SharedString[] = [];
  const sstEntry = relOf('sharedStrings');
  if (sstEntry) sst = parts.parseFast(bytes, sstEntry, () => new SharedStringsParser(), 'sst').strings;

  const missing = styleInfo(undefined);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: GridSheet[] = [];
  for (const def of wb.sheets) {
    const rel = def.rId === undefined ? undefined : byId.get(def.rId);
    // chartsheets, dialog and macro sheets hold no cells; a sheet whose part is missing is skipped, as exceljs does
    if (!rel || rel.external || relKind(rel.type) !== 'worksheet') continue;
    const entry = parts.get(resolveTarget('xl/', rel.target));
    if (!entry) continue;
    const ctx = { sst, styles, missing, date1904: wb.date1904 };
    const sp = parts.parseFast(bytes, entry, () => new SheetParser(ctx));
    sheets.push({ name: def.name, state: def.state, ...sp.finish() });
  }
  return { sheets, date1904: wb.date1904 };
}

/** Zip entries by part name: exact, else ASCII case-insensitive (OPC part names are), else percent-decoded. */
class Parts {
  private readonly exact = new Map<string, ZipEntryInfo>();
  private readonly folded = new Map<string, ZipEntryInfo>();
  private budget: number;

  constructor(entries: ZipEntryInfo[], maxInflated: number, private readonly read?: Set<number>) {
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      const name = e.name.startsWith('/') ? e.name.slice(1) : e.name;
      if (!this.exact.has(name)) this.exact.set(name, e);
      const f = name.toLowerCase();
      if (!this.folded.has(f)) this.folded.set(f, e);
    }
    this.budget = maxInflated;
  }

  get(name: string): ZipEntryInfo | undefined {
    const e = this.exact.get(name) ?? this.folded.get(name.toLowerCase());
    if (e || !name.includes('%')) return e;
    try {
      return this.get(decodeURIComponent(name));
    } catch {
      return undefined;
    }
  }

  parse(bytes: Uint8Array, e: ZipEntryInfo, handler: Parameters<typeof parseEntry>[2]): void {
    this.take(e);
    parseEntry(bytes, e, handler);
    this.read?.add(e.localHeaderOffset);
  }

  /** A worksheet (or the shared strings): the content of `element` by the fast scanner where it can, saxes for the rest (see parseSheetEntry). */
  parseFast<H extends SheetHandler>(bytes: Uint8Array, e: ZipEntryInfo, make: () => H, element = 'sheetData'): H {
    this.take(e);
    const { handler, mode } = parseSheetEntry(bytes, e, make, element);
    this.read?.add(e.localHeaderOffset);
    lastModes.push(mode);
    return handler;
  }

  private take(e: ZipEntryInfo): void {
    if ((e.flags & 1) !== 0) throw new FastReadError(`${e.name} is encrypted`);
    this.budget -= e.uncompressedSize;
    if (this.budget < 0) throw new FastReadError('the parts inflate to more than the cap');
  }
}
