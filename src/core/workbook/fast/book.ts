/**
 * A workbook's parts by name, read once each within a size budget, and everything the cells of
 * its worksheets depend on (workbook.xml, relationships, styles, shared strings): shared by
 * loadFast (a grid) and streamSheets (rows without a grid).
 */
import { en } from '../../i18n/en.js';
import { readZipDirectory, type ZipEntryInfo } from '../zipdir.js';
import { styleInfo, type StyleInfo } from './compat.js';
import { RelsParser, relKind, resolveTarget, SharedStringsParser, StylesParser, WorkbookParser, type Relationship, type SheetDef } from './parts.js';
import { MAX_GRID_CELLS, type SharedString, type SheetContext } from './sheet.js';
import { FastReadError, parseEntry, parseSheetEntry, type SheetHandler } from './xml.js';

const MiB = 1024 * 1024;

export interface FastOptions {
  /** cap on the declared inflated size of all parts read (default 500 MiB); each part must inflate to exactly its declared size */
  maxInflatedBytes?: number;
  /** filled with the local-header offsets of the entries read, each verified to inflate to exactly its declared size */
  read?: Set<number>;
}

/** How the shared strings and each worksheet of the last loadFast (or streamSheets) were parsed ('fast': by the scanner; 'saxes': it stepped aside). For tests. */
export const lastModes: ('fast' | 'saxes')[] = [];

/** A workbook's parts, its worksheets in workbook order, and what parsing their cells needs. */
export interface Book {
  parts: Parts;
  worksheets: { def: SheetDef; entry: ZipEntryInfo }[];
  ctx: SheetContext;
  /** the workbook part's `<calcPr fullCalcOnLoad="1">` */
  staleResults: boolean;
}

/** Relationship types of sheets that hold no cells of a table (charts, dialogs, Excel 4 macros): not read, as Excel shows no data in them. */
const NON_DATA_SHEETS = new Set(['chartsheet', 'dialogsheet', 'xlMacrosheet', 'xlIntlMacrosheet', 'macrosheet']);

/** The folder of a part name ('xl/workbook.xml' → 'xl/', 'workbook.xml' → ''). */
function dirOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/') + 1);
}

/** The relationships part of a part ('xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'). */
function relsOf(name: string): string {
  const d = dirOf(name);
  return `${d}_rels/${name.slice(d.length)}.rels`;
}

/**
 * The workbook part, found as the package says (OPC): the officeDocument relationship of
 * `_rels/.rels`; it need not be xl/workbook.xml. Without a package relationships part (not a
 * valid package, but exceljs reads such files) xl/workbook.xml.
 */
export function findWorkbookPart(bytes: Uint8Array, parts: Parts): { name: string; entry: ZipEntryInfo } {
  const pkgRels = parts.get('_rels/.rels');
  if (!pkgRels) {
    const e = parts.get('xl/workbook.xml');
    if (!e) throw new FastReadError('no _rels/.rels and no xl/workbook.xml');
    return { name: 'xl/workbook.xml', entry: e };
  }
  const rp = new RelsParser();
  parts.parse(bytes, pkgRels, rp);
  const office = rp.rels.filter((r) => !r.external && relKind(r.type) === 'officeDocument');
  if (office.length !== 1) throw new FastReadError(office.length ? 'the package names more than one main document' : 'the package names no main document (_rels/.rels)');
  const name = resolveTarget('', office[0]!.target);
  const entry = parts.get(name);
  if (!entry) throw new FastReadError(`the main document ${name} is missing`);
  return { name, entry };
}

/** The workbook part (found as findWorkbookPart does), read, and its relationships. */
function workbookAndRels(bytes: Uint8Array, parts: Parts): { name: string; wb: WorkbookParser; rels: Relationship[]; base: string } {
  const wbPart = findWorkbookPart(bytes, parts);
  const wb = new WorkbookParser();
  parts.parse(bytes, wbPart.entry, wb);
  if (!wb.isWorkbook) throw new FastReadError(`${wbPart.name} is not a SpreadsheetML workbook`);
  const relsEntry = parts.get(relsOf(wbPart.name));
  const rels: Relationship[] = [];
  if (relsEntry) {
    const rp = new RelsParser();
    parts.parse(bytes, relsEntry, rp);
    for (const r of rp.rels) rels.push(r);
  }
  return { name: wbPart.name, wb, rels, base: dirOf(wbPart.name) };
}

/** What the workbook part and its relationships say, without reading any sheet: for deciding whether exceljs may be trusted with a file. */
export interface Outline {
  /** the workbook part's name */
  workbook: string;
  /** the sheets that hold cells, in order, with their part names (undefined: not resolvable) */
  sheets: { name: string; part: string | undefined }[];
  /** the workbookPr date1904 attribute as written */
  date1904Attr: string | undefined;
}

export function readOutline(bytes: Uint8Array, maxInflated = 500 * MiB): Outline {
  const dir = readZipDirectory(bytes);
  if ('error' in dir) throw new FastReadError(en.file.zipError(dir.error));
  const parts = new Parts(dir.entries, maxInflated);
  const { name, wb, rels, base } = workbookAndRels(bytes, parts);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: Outline['sheets'] = [];
  for (const def of wb.sheets) {
    // a sheet without its relationship cannot be found by any reader that reads XML as XML
    if (def.rId === undefined) throw new FastReadError(`sheet "${def.name}" has no relationship id (r:id)`);
    const rel = byId.get(def.rId);
    if (!rel) throw new FastReadError(`sheet "${def.name}": relationship ${def.rId} not found`);
    if (NON_DATA_SHEETS.has(relKind(rel.type))) continue;
    sheets.push({ name: def.name, part: rel.external ? undefined : resolveTarget(base, rel.target) });
  }
  return { workbook: name, sheets, date1904Attr: wb.date1904Attr };
}

/** Everything before the worksheets' cells: workbook, relationships, styles, shared strings (for loadFast and streamSheets). */
export function openBook(bytes: Uint8Array, opts: FastOptions): Book {
  const dir = readZipDirectory(bytes);
  if ('error' in dir) throw new FastReadError(en.file.zipError(dir.error));
  const parts = new Parts(dir.entries, opts.maxInflatedBytes ?? 500 * MiB, opts.read);
  const { wb, rels, base } = workbookAndRels(bytes, parts);
  const relOf = (kind: string): ZipEntryInfo | undefined => {
    const r = rels.find((x) => !x.external && relKind(x.type) === kind);
    if (!r) return undefined;
    const name = resolveTarget(base, r.target);
    const e = parts.get(name);
    // a styles or shared-strings part named but missing: cells would lose their text or format
    if (!e) throw new FastReadError(`the ${kind} part ${name} is missing`);
    return e;
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

  const byId = new Map(rels.map((r) => [r.id, r]));
  const worksheets: Book['worksheets'] = [];
  for (const def of wb.sheets) {
    // a sheet that cannot be found is an error, never a sheet silently left out
    const where = `sheet "${def.name}"`;
    if (def.rId === undefined) throw new FastReadError(`${where} has no relationship id (r:id)`);
    const rel = byId.get(def.rId);
    if (!rel) throw new FastReadError(`${where}: relationship ${def.rId} not found`);
    const kind = relKind(rel.type);
    if (NON_DATA_SHEETS.has(kind)) continue;
    if (kind !== 'worksheet') throw new FastReadError(`${where} is of the unknown kind ${kind}`);
    if (rel.external) throw new FastReadError(`${where} is outside the file (${rel.target})`);
    const name = resolveTarget(base, rel.target);
    const entry = parts.get(name);
    if (!entry) throw new FastReadError(`${where}: its part ${name} is missing`);
    worksheets.push({ def, entry });
  }
  return { parts, worksheets, ctx: { sst, styles, missing: styleInfo(undefined), date1904: wb.date1904, cellBudget: { left: MAX_GRID_CELLS } }, staleResults: wb.fullCalcOnLoad };
}

/** Zip entries by part name: exact, else ASCII case-insensitive (OPC part names are), else percent-decoded. */
export class Parts {
  private readonly exact = new Map<string, ZipEntryInfo>();
  private readonly folded = new Map<string, ZipEntryInfo>();
  private budget: number;

  constructor(
    entries: ZipEntryInfo[],
    maxInflated: number,
    private readonly read?: Set<number>,
  ) {
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      const name = e.name.startsWith('/') ? e.name.slice(1) : e.name;
      const f = name.toLowerCase();
      // two entries of one part name (OPC names ignore ASCII case): programs differ in which they read
      if (this.folded.has(f)) throw new FastReadError({ kind: 'duplicate-entry', name }, { refuse: true });
      this.exact.set(name, e);
      this.folded.set(f, e);
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
