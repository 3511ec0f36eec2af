/**
 * Open workbook bytes safely: decide the format by magic bytes, refuse zip bombs before any
 * library inflates them, read the workbook with the fast streaming reader (fast/) or exceljs
 * (rewriting namespace-prefixed parts when needed), and turn every failure into exactly one
 * file-level finding.
 */
import { zipSync, type Zippable } from 'fflate';
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import { classifyCfb } from './cfb.js';
import { MAX_FILE_BYTES } from '../validate/input.js';
import { FastReadError, loadFast, readOutline, SheetLimitError, sheetOf, streamSheets, type Outline, type StreamOptions } from './fast/index.js';
import { colNumber, type GridWorkbook } from './grid.js';
import { nonWorkbookKind, sniff } from './sniff.js';
import { inflateEntry, readZipDirectory, type ZipEntryInfo } from './zipdir.js';
import { fmtBytes } from './bytes.js';
import type { FallbackRefusal, FastFailure, NotWorkbook, TooLarge, Unreadable } from './reasons.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
import type { FindingCode } from '../findings/catalogue/index.js';
export const emits = ['file-unreadable', 'file-too-large', 'file-encrypted', 'file-legacy-format', 'cell-duplicate', 'cell-too-long'] as const satisfies readonly FindingCode[];

export interface OpenOptions {
  /** default 50 MiB */
  maxBytes?: number;
  /** default 500 MiB, summed over all zip entries */
  maxInflatedBytes?: number;
  /** default 200: per entry uncompressed/compressed, only for entries above 1 MiB inflated */
  maxRatio?: number;
  /** only for messages / extension hints; decisions are by bytes */
  fileName?: string;
  /**
   * Which reader parses the workbook. 'auto' (default): the fast reader, falling back to
   * exceljs whenever it throws (so exceljs has the last word on every file the fast reader
   * does not take); 'fast' / 'exceljs': that reader only (for differential tests and diagnosis).
   */
  reader?: 'auto' | 'fast' | 'exceljs';
}

export type OpenResult = { ok: true; workbook: GridWorkbook; findings: Finding[] } | { ok: false; findings: Finding[] };

const MiB = 1024 * 1024;
const RATIO_FLOOR = MiB;
const PEEK = 8192;

export interface Limits {
  maxBytes: number;
  maxInflated: number;
  maxRatio: number;
}

/** A failed open: carries the one finding to report. */
class OpenFailure extends Error {
  constructor(readonly f: Finding) {
    super(f.code);
  }
}

/** Give up opening: the one finding of the file, with the reason as data (the catalogue phrases it). */
function fail(code: 'file-unreadable', reason: Unreadable): never;
function fail(code: 'file-too-large', reason: TooLarge): never;
function fail(code: 'file-encrypted' | 'file-legacy-format'): never;
function fail(code: 'file-unreadable' | 'file-too-large' | 'file-encrypted' | 'file-legacy-format', reason?: Unreadable | TooLarge): never {
  const f = code === 'file-unreadable' ? finding(code, {}, reason as Unreadable) : code === 'file-too-large' ? finding(code, {}, reason as TooLarge) : finding(code, {});
  throw new OpenFailure(f);
}

const BROKEN: Unreadable = { reason: 'broken' };

/** A file that is not a workbook at all. */
function notWorkbook(kind: NotWorkbook): Unreadable {
  return { reason: 'not-workbook', kind };
}

/** Open xlsx bytes. Never throws: every problem becomes one file-level error finding. */
export async function openWorkbook(bytes: Uint8Array, opts: OpenOptions = {}): Promise<OpenResult> {
  const limits = limitsOf(opts);
  try {
    const workbook = await open(bytes, limits, opts.reader ?? 'auto');
    return { ok: true, workbook, findings: noteFindings(workbook) };
  } catch (err) {
    if (err instanceof OpenFailure) return { ok: false, findings: [err.f] };
    return { ok: false, findings: [errorFinding(err)] };
  }
}

/** The reader's notes (duplicate cells and rows, over-long cells) as findings at their cells. */
function noteFindings(workbook: GridWorkbook): Finding[] {
  return (workbook.notes ?? []).map((n) => {
    switch (n.kind) {
      case 'duplicate-cell':
        return finding('cell-duplicate', { sheet: n.sheet, cell: n.cell }, { cell: n.cell });
      case 'duplicate-row':
        return finding('cell-duplicate', { sheet: n.sheet, row: n.row }, { row: n.row });
      case 'cell-too-long':
        return finding('cell-too-long', { sheet: n.sheet, cell: n.cell }, { cell: n.cell, length: n.length });
    }
  });
}

/** The reader's default limits (also applied by collect to zipped attachments and their size). */
export const READER_LIMITS: Readonly<Limits> = { maxBytes: MAX_FILE_BYTES, maxInflated: 500 * MiB, maxRatio: 200 };

function limitsOf(opts: OpenOptions): Limits {
  return {
    maxBytes: opts.maxBytes ?? READER_LIMITS.maxBytes,
    maxInflated: opts.maxInflatedBytes ?? READER_LIMITS.maxInflated,
    maxRatio: opts.maxRatio ?? READER_LIMITS.maxRatio,
  };
}

/** An exception of a visitor of streamWorkbook: the caller's, passed on as it is. */
class VisitorError extends Error {
  constructor(readonly inner: unknown) {
    super('visitor');
  }
}

/**
 * The rows of every worksheet, streamed to the visitors of `onSheet` without a grid (see
 * fast/stream.ts), after the same safety checks as openWorkbook and before any inflating.
 * Returns true when the file was streamed whole and openWorkbook would have opened it with the
 * fast reader and no finding: the visitors saw exactly that grid's rows. Returns false in every
 * other case — not a zip, a check fails, the fast reader cannot read it or not as a stream —
 * and the caller must then forget what its visitors saw and call openWorkbook, which gives the
 * verdict or grid (the fast reader's, or exceljs') it always gave. Exceptions of the visitors
 * are thrown on.
 */
export function streamWorkbook(bytes: Uint8Array, onSheet: StreamOptions['onSheet'], opts: Omit<OpenOptions, 'reader' | 'fileName'> = {}): boolean {
  if (sniff(bytes) !== 'zip') return false;
  const limits = limitsOf(opts);
  const guarded: StreamOptions['onSheet'] = (name, state) => {
    const v = onSheet(name, state);
    if (!v) return null;
    return {
      row: (r, cells) => {
        try {
          v.row(r, cells);
        } catch (err) {
          throw new VisitorError(err);
        }
      },
      end: () => {
        try {
          v.end?.();
        } catch (err) {
          throw new VisitorError(err);
        }
      },
    };
  };
  try {
    const { entries } = checkZip(bytes, limits);
    const read = new Set<number>();
    streamSheets(bytes, { maxInflatedBytes: limits.maxInflated, read, onSheet: guarded });
    checkActualSizes(bytes, entries, limits, read);
    return true;
  } catch (err) {
    if (err instanceof VisitorError) throw err.inner;
    return false;
  }
}

async function open(bytes: Uint8Array, limits: Limits, reader: 'auto' | 'fast' | 'exceljs'): Promise<GridWorkbook> {
  let guard: Guard | null = null;
  let fastError: unknown;
  switch (sniff(bytes)) {
    case 'empty':
      fail('file-unreadable', { reason: 'empty' });
    case 'ole2':
      return openOle2(bytes);
    case 'text':
    case 'unknown':
      fail('file-unreadable', notWorkbook(nonWorkbookKind(bytes)));
    case 'zip':
      break;
  }
  const { entries, byName } = checkZip(bytes, limits);

  if (reader !== 'exceljs') {
    const read = new Set<number>();
    let workbook: GridWorkbook | undefined;
    try {
      workbook = await loadFast(bytes, { maxInflatedBytes: limits.maxInflated, read });
    } catch (err) {
      fastError = err;
    }
    if (workbook) {
      // The parts the fast reader read inflated to exactly their declared sizes, which passed
      // the caps above, so they would pass checkActualSizes too: inflate only the others.
      checkRemainingSizes(bytes, entries, limits, read);
      return workbook;
    }
    // past a limit of ours (too many cells, elements nested beyond reason): refused with the reason, never handed to exceljs, which would take gigabytes
    if (fastError instanceof SheetLimitError) {
      const limit = fastError.limit;
      if (limit.kind === 'too-many-cells') fail('file-too-large', { reason: 'too-many-cells', cells: limit.cells });
      fail('file-unreadable', { reason: 'too-deep', depth: limit.depth });
    }
    if (reader === 'fast') {
      checkActualSizes(bytes, entries, limits);
      throw fastError;
    }
    // past Excel's own limits (a row beyond 1,048,576, overlapping merges, a reference off the sheet): no real
    // workbook looks like this, and exceljs would walk every row or cell up to it (fuzzing found hangs and
    // out-of-memory aborts)
    if (fastError instanceof FastReadError && /^(bad row number|overlapping merges|bad merge range|bad cell reference)/.test(fastError.message)) {
      fail('file-unreadable', { reason: 'beyond-excel-limits', ...(fastError.sheet === undefined ? {} : { sheet: fastError.sheet }), detail: fastError.message });
    }
  }
  checkActualSizes(bytes, entries, limits);
  if (reader === 'auto') {
    // a value the fast reader cannot read as its cell type says: exceljs would only guess it
    if (fastError instanceof FastReadError && fastError.refuse) fail('file-unreadable', fastReason(fastError));
    guard = fallbackGuard(bytes, entries, limits, fastError);
  }
  // exceljs makes a cell object for every cell of a merged range: a merge over whole columns hangs it (the
  // fast reader takes such sheets, so this only matters for a file it could not read for another reason)
  const huge = reader === 'exceljs' ? null : hugeMerge(bytes, entries);
  if (huge) fail('file-unreadable', { reason: 'huge-merge', cells: huge.cells, ref: huge.ref });

  // exceljs (and its dependencies) load only when needed: most runs never touch it
  const adapter = await import('./exceljs-adapter.js');
  const fix1904 = guard?.date1904Attr === 'true';
  let workbook: GridWorkbook;
  try {
    // WPS / OpenXML SDK files with x:-prefixed SpreadsheetML, date1904="true": rewrite before exceljs sees them.
    if (fix1904 || needsRewrite(bytes, byName, adapter)) workbook = await adapter.loadWithExceljs(rewriteParts(bytes, entries, adapter, fix1904));
    else {
      try {
        workbook = await adapter.loadWithExceljs(bytes);
      } catch (err) {
        // A prefix deeper inside a part than we peeked still breaks exceljs the same way.
        if (isStructureError(err)) workbook = await adapter.loadWithExceljs(rewriteParts(bytes, entries, adapter, fix1904));
        else throw err;
      }
    }
  } catch (err) {
    // the fast reader's cause, which names the sheet, says more than exceljs' failure
    if (guard?.fastError.sheet !== undefined) fail('file-unreadable', fastReason(guard.fastError));
    const sheet = reader === 'auto' ? sheetOf(fastError) : undefined;
    if (sheet !== undefined && !(fastError instanceof FastReadError)) {
      const m = errorMessage(fastError);
      fail('file-unreadable', { reason: 'sheet-xml', sheet, detail: m });
    }
    throw err;
  }
  if (guard) guard.check(workbook);
  return workbook;
}

/** A fast-reader failure as data: the sheet, the cause readers are told, or the technical message. */
function fastFailure(err: FastReadError): FastFailure {
  return { ...(err.sheet === undefined ? {} : { sheet: err.sheet }), detail: err.message, ...(err.reason === undefined ? {} : { cause: err.reason }) };
}

/** The reason of a file-unreadable finding for a fast-reader failure: the sheet and the cause. */
function fastReason(err: FastReadError): Unreadable {
  return { reason: 'fast', failure: fastFailure(err) };
}

/** What exceljs must be held to when the fast reader failed (see fallbackGuard). */
interface Guard {
  fastError: FastReadError;
  date1904Attr: string | undefined;
  /** throws OpenFailure when exceljs left out a sheet the workbook has */
  check(workbook: GridWorkbook): void;
}

/** A cell of type d (an ISO date), which exceljs parseFloat()s into a year. */
const ISO_CELL_RX = /<(?:[\w.-]+:)?c\b[^>]*?\st\s*=\s*["']d["']/;

/**
 * Before exceljs is trusted with a file the fast reader could not read: the things exceljs
 * reads wrongly are handled or refused with the reason. It reads the workbook only at
 * xl/workbook.xml, skips sheet parts not named sheetN.xml (checked after it ran: every sheet of
 * the workbook must be there), reads `t="d"` ISO dates as years, and only date1904="1" (the
 * caller rewrites "true"). Where the fast reader's failure is not its own (a zip or XML error,
 * which exceljs meets too) there is nothing to hold exceljs to: its verdict stands.
 */
function fallbackGuard(bytes: Uint8Array, entries: ZipEntryInfo[], limits: Limits, fastError: unknown): Guard | null {
  if (!(fastError instanceof FastReadError)) return null;
  const refuse = (refusal: FallbackRefusal): never => fail('file-unreadable', { reason: 'fallback-refused', failure: fastFailure(fastError), refusal });
  let outline: Outline;
  try {
    outline = readOutline(bytes, limits.maxInflated);
  } catch {
    // not even the workbook's sheets can be listed: exceljs could leave any of them out unseen
    fail('file-unreadable', fastReason(fastError));
  }
  if (outline.workbook !== 'xl/workbook.xml') refuse({ kind: 'workbook-part', part: outline.workbook });
  const byName = new Map(entries.map((e) => [partName(e.name), e]));
  for (const sh of outline.sheets) {
    const e = sh.part === undefined ? undefined : byName.get(sh.part);
    if (!e) continue;
    const r = inflateEntry(bytes, e, { maxBytes: e.uncompressedSize, keep: true });
    if (r.ok && r.data && ISO_CELL_RX.test(utf8.decode(r.data))) {
      refuse({ kind: 'iso-dates', sheet: sh.name });
    }
  }
  return {
    fastError,
    date1904Attr: outline.date1904Attr,
    check(workbook) {
      const got = new Set(workbook.sheets.map((s) => s.name));
      const lost = outline.sheets.filter((s) => !got.has(s.name)).map((s) => s.name);
      if (lost.length) refuse({ kind: 'lost-sheets', sheets: lost });
    },
  };
}

/** The checks of a zip's size and central directory, before anything is inflated (throws OpenFailure). */
function checkZip(bytes: Uint8Array, limits: Limits): { entries: ZipEntryInfo[]; byName: Map<string, ZipEntryInfo> } {
  if (bytes.length > limits.maxBytes) {
    fail('file-too-large', { reason: 'file', size: bytes.length, limit: limits.maxBytes });
  }
  const dir = readZipDirectory(bytes);
  if ('error' in dir) fail('file-unreadable', dir.error === 'broken' ? BROKEN : notWorkbook(dir.error));
  const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
  const byName = new Map<string, ZipEntryInfo>();
  const folded = new Set<string>();
  for (const e of entries) {
    const name = partName(e.name);
    // two entries of one name (OPC part names ignore ASCII case): Excel reads one, other programs the other
    if (folded.has(name.toLowerCase())) {
      fail('file-unreadable', { reason: 'zip-duplicate-entry', name });
    }
    folded.add(name.toLowerCase());
    byName.set(name, e);
  }

  // the workbook part is found through _rels/.rels (fast/book.ts): it need not be xl/workbook.xml
  if (!byName.has('xl/workbook.xml')) {
    const other = describeZip(byName);
    if (other.known || !byName.has('_rels/.rels')) fail('file-unreadable', notWorkbook(other.kind));
  }
  if (entries.some((e) => (e.flags & 1) !== 0)) {
    fail('file-unreadable', { reason: 'zip-password' });
  }
  if (entries.some((e) => e.method !== 0 && e.method !== 8)) {
    fail('file-unreadable', { reason: 'zip-method' });
  }
  checkDeclaredSizes(entries, limits);
  return { entries, byName };
}

type Adapter = typeof import('./exceljs-adapter.js');

/** More merged cells than this in one range is beyond what exceljs can walk in reasonable time. */
const MAX_MERGE_CELLS = 1_000_000;

/** The first merged range of a worksheet part that covers more than MAX_MERGE_CELLS cells. */
function hugeMerge(bytes: Uint8Array, entries: ZipEntryInfo[]): { ref: string; cells: number } | null {
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(partName(e.name))) continue;
    const r = inflateEntry(bytes, e, { maxBytes: e.uncompressedSize, keep: true });
    if (!r.ok || !r.data) continue;
    const xml = utf8.decode(r.data);
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"/g)) {
      const cells = (Math.abs(colNumber(m[3]!) - colNumber(m[1]!)) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
      if (cells > MAX_MERGE_CELLS) return { ref: `${m[1]}${m[2]}:${m[3]}${m[4]}`, cells };
    }
  }
  return null;
}

function openOle2(bytes: Uint8Array): never {
  switch (classifyCfb(bytes)) {
    case 'encrypted-ooxml':
      fail('file-encrypted');
    case 'legacy-excel':
      fail('file-legacy-format');
    case 'word':
      fail('file-unreadable', notWorkbook('doc'));
    case 'powerpoint':
      fail('file-unreadable', notWorkbook('ppt'));
    case 'broken':
      fail('file-unreadable', BROKEN);
    case 'other':
      fail('file-legacy-format');
  }
}

/** Zip part names may start with '/'; exceljs strips it too. */
function partName(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

function describeZip(byName: Map<string, ZipEntryInfo>): { kind: NotWorkbook; known?: true } {
  const known = describeOtherZip(byName);
  if (known) return { kind: known, known: true };
  return { kind: 'zip' };
}

/** A zip that is a known other kind of document (Word, PowerPoint, .xlsb, OpenDocument, empty). */
function describeOtherZip(byName: Map<string, ZipEntryInfo>): NotWorkbook | null {
  if (byName.has('word/document.xml')) return 'docx';
  if (byName.has('ppt/presentation.xml')) return 'pptx';
  if (byName.has('xl/workbook.bin')) return 'xlsb';
  if (byName.has('content.xml') && byName.has('mimetype')) return 'ods';
  if (byName.size === 0) return 'empty-zip';
  return null;
}

function checkDeclaredSizes(entries: ZipEntryInfo[], limits: Limits): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > limits.maxRatio * e.compressedSize) ratioFail(e.uncompressedSize, e.compressedSize, limits);
  }
  if (total > limits.maxInflated) totalFail(total, limits);
}

/**
 * The central directory can lie: JSZip inflates each part to whatever size it really has,
 * with no cap. So inflate every deflated entry once ourselves, counting and discarding the
 * output, and stop at the same caps applied to the real sizes. An entry that inflates to a
 * size other than the declared one, within the caps, is damaged (random corruption often
 * inflates to garbage of another size), not a bomb. Memory stays at a few MiB; time is one
 * extra inflate pass, cheap next to exceljs' XML parsing.
 */
function checkActualSizes(bytes: Uint8Array, entries: ZipEntryInfo[], limits: Limits, verified?: ReadonlySet<number>): void {
  let total = 0;
  for (const e of entries) {
    if (verified?.has(e.localHeaderOffset)) {
      total += e.uncompressedSize;
      continue;
    }
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) fail('file-unreadable', BROKEN);
      total += e.uncompressedSize;
      continue;
    }
    const ratioCap = Math.max(RATIO_FLOOR, limits.maxRatio * e.compressedSize);
    const remaining = limits.maxInflated - total;
    const r = inflateEntry(bytes, e, { maxBytes: Math.min(ratioCap, remaining) });
    if (!r.ok) fail('file-unreadable', BROKEN);
    if (r.exceeded) {
      if (r.size > remaining) totalFail(total + r.size, limits, true);
      ratioFail(r.size, e.compressedSize, limits);
    }
    if (r.size !== e.uncompressedSize) fail('file-unreadable', BROKEN);
    total += r.size;
  }
}

/**
 * checkActualSizes over the entries the fast reader did not verify (those it did count with
 * their declared size, which equals their real one). On a failure the full check runs, so the
 * finding is exactly the one the full check gives (an earlier entry's, if any).
 */
function checkRemainingSizes(bytes: Uint8Array, entries: ZipEntryInfo[], limits: Limits, verified: ReadonlySet<number>): void {
  try {
    checkActualSizes(bytes, entries, limits, verified);
  } catch (err) {
    checkActualSizes(bytes, entries, limits);
    throw err;
  }
}

function ratioFail(size: number, compressed: number, limits: Limits): never {
  fail('file-too-large', { reason: 'ratio', size, ratio: compressed > 0 ? Math.round(size / compressed) : null, limit: limits.maxRatio });
}

function totalFail(total: number, limits: Limits, atLeast = false): never {
  fail('file-too-large', { reason: 'inflated', size: total, limit: limits.maxInflated, atLeast });
}

export { fmtBytes };

const utf8 = new TextDecoder('utf-8');

/** Parts exceljs reads by element name; a prefix in any of them makes it fail or read nothing. */
function isStructuralPart(name: string): boolean {
  return (
    name === 'xl/workbook.xml' ||
    name === 'xl/sharedStrings.xml' ||
    name === 'xl/styles.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name)
  );
}

/** Peek at the first few KiB of the structural parts for a SpreadsheetML namespace prefix. */
function needsRewrite(bytes: Uint8Array, byName: Map<string, ZipEntryInfo>, { usesSpreadsheetPrefix }: Adapter): boolean {
  for (const [name, e] of byName) {
    if (!isStructuralPart(name)) continue;
    const r = inflateEntry(bytes, e, { maxBytes: 4 * MiB, keep: true, stopAfter: PEEK });
    if (r.ok && r.data && usesSpreadsheetPrefix(utf8.decode(r.data.subarray(0, PEEK)))) return true;
  }
  return false;
}

/**
 * Inflate everything (sizes were verified above), strip SpreadsheetML prefixes from the XML
 * parts and phonetic runs from worksheets and shared strings, and store it as a new zip.
 * Level 0 (stored): the zip is only a container for exceljs, compressing it again is waste.
 */
function rewriteParts(bytes: Uint8Array, entries: ZipEntryInfo[], { stripPhoneticRuns, stripSpreadsheetPrefixes }: Adapter, fix1904 = false): Uint8Array {
  const files: Zippable = {};
  const enc = new TextEncoder();
  for (const e of entries) {
    const r = inflateEntry(bytes, e, { maxBytes: e.uncompressedSize, keep: true });
    if (!r.ok || r.exceeded || !r.data) fail('file-unreadable', BROKEN);
    const name = partName(e.name);
    let data = r.data;
    if (/\.(xml|rels)$/i.test(name)) {
      const xml = utf8.decode(data);
      let fixed = stripSpreadsheetPrefixes(xml);
      if (name === 'xl/sharedStrings.xml' || name.startsWith('xl/worksheets/')) fixed = stripPhoneticRuns(fixed);
      // exceljs reads only date1904="1"; "true" is the same xsd:boolean
      if (fix1904 && name === 'xl/workbook.xml') fixed = fixed.replace(/(<(?:[\w.-]+:)?workbookPr\b[^>]*?\sdate1904\s*=\s*)(["'])true\2/, '$1$21$2');
      if (fixed !== xml) data = enc.encode(fixed);
    }
    files[name] = [data, { level: 0 }];
  }
  return zipSync(files);
}

function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] ?? '').trim().slice(0, 200) || 'unknown error';
}

function isStructureError(err: unknown): boolean {
  const m = errorMessage(err);
  return err instanceof TypeError || err instanceof FastReadError || /reading 'sheets'|setting 'sheetNo'/.test(m);
}

/** Map an exceljs/JSZip/saxes exception to a file-unreadable finding. */
function errorFinding(err: unknown): Finding {
  const m = errorMessage(err);
  let reason: Unreadable;
  if (
    /end of central directory|corrupted zip|invalid (distance|stored block|code|block type|literal|length)|incorrect header check|unexpected EOF|end of data|crc32|size mismatch|is this a zip/i.test(
      m,
    )
  ) {
    reason = BROKEN;
  } else if (/encrypted zip/i.test(m)) {
    reason = { reason: 'zip-password' };
  } else if (/exceljs would show #NUM!/.test(m)) {
    reason = { reason: 'not-a-number' };
  } else if (err instanceof FastReadError && (err.sheet !== undefined || err.reason !== undefined)) {
    reason = fastReason(err);
  } else if (isStructureError(err)) {
    // exceljs trips over parts it does not expect (missing or dangling relationships …)
    reason = { reason: 'structure', detail: m };
  } else if (/^[^:]*:?\d+:\d+: /.test(m)) {
    reason = { reason: 'xml', detail: m };
  } else {
    reason = { reason: 'other', detail: m };
  }
  return finding('file-unreadable', {}, reason);
}
