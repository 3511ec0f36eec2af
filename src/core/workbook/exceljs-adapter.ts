/**
 * exceljs (full, non-streaming reader) → GridWorkbook, with exceljs's traps (what it reads wrongly
 * or leaves out) handled here; docs/reader.md says what the reader must give.
 */
import ExcelJS from 'exceljs';
import type { Cell, Row, Worksheet } from 'exceljs';
import { BUILTIN_NUMFMTS, DATE1904_OFFSET, dateToSerial, shifts1904 } from './dates.js';
import type { GridCell, GridSheet, GridWorkbook, SheetState } from './grid.js';
import { inflateEntry, readZipDirectory } from './zipdir.js';

/**
 * Worksheet nodes exceljs need not parse. None holds cell values: hyperlink cells keep their
 * text in <v> (ignoring <hyperlinks> just leaves a plain string), and skipping drawing /
 * tableParts / hyperlinks also skips reconcile steps that throw on a dangling relationship.
 */
const IGNORE_NODES = [
  'dataValidations',
  'extLst',
  'hyperlinks',
  'conditionalFormatting',
  'drawing',
  'picture',
  'tableParts',
  'headerFooter',
  'pageSetup',
  'printOptions',
  'pageMargins',
  'rowBreaks',
  'autoFilter',
  'sheetProtection',
];

// exceljs' runtime ValueType enum (index.d.ts declares it as a non-const enum)
const T = ExcelJS.ValueType;

/** Parse xlsx bytes with exceljs. Throws whatever exceljs throws; open.ts maps errors to findings. */
export async function loadWithExceljs(bytes: Uint8Array): Promise<GridWorkbook> {
  const wb = new ExcelJS.Workbook();
  installBuiltinNumFmts(wb);
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: IGNORE_NODES });
  // exceljs types date1904 boolean; a workbook that does not set it leaves it undefined
  const date1904 = (wb.properties?.date1904 as boolean | undefined) === true;
  const sheets = wb.worksheets.map((ws) => toGridSheet(ws, date1904));
  return { sheets, date1904, ...(fullCalcOnLoad(bytes) ? { staleResults: true } : {}) };
}

/**
 * exceljs parses `<calcPr>` but keeps none of its attributes, so `fullCalcOnLoad` (the file's
 * "cached results are stale", GridWorkbook.staleResults) is read here from the part exceljs reads
 * as the workbook, xl/workbook.xml.
 */
function fullCalcOnLoad(bytes: Uint8Array): boolean {
  const dir = readZipDirectory(bytes);
  if ('error' in dir) return false;
  const entry = dir.entries.find((e) => e.name === 'xl/workbook.xml');
  if (!entry) return false;
  const r = inflateEntry(bytes, entry, { maxBytes: 64 * 1024 * 1024, keep: true });
  if (!r.ok || r.exceeded || !r.data) return false;
  const xml = new TextDecoder('utf-8').decode(r.data);
  return /<(?:[\w.-]+:)?calcPr\b[^>]*?\sfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(xml);
}

/**
 * exceljs resolves a style's numFmtId through the file's <numFmts> and then its own table,
 * which lacks the East Asian built-ins (27-36, 50-58): a date styled with id 31
 * (yyyy"年"m"月"d"日") would come back as a bare number without numFmt. We pre-fill the
 * parsed styles' id→format index with BUILTIN_NUMFMTS for every id the file does not
 * define itself, just before exceljs reconciles cells with styles. This hooks one
 * instance's internal `reconcile(model, options)` (exceljs 4.4 is pinned); if the internals
 * are not there the hook does nothing and only those ids lose their format.
 */
function installBuiltinNumFmts(wb: ExcelJS.Workbook): void {
  const xlsx = wb.xlsx as unknown as { reconcile?: (model: unknown, options: unknown) => unknown };
  const original = xlsx.reconcile;
  if (typeof original !== 'function') return;
  xlsx.reconcile = function (this: unknown, model: unknown, options: unknown) {
    const index = (model as { styles?: { index?: { numFmt?: Record<string, string> } } } | undefined)?.styles?.index?.numFmt;
    if (index && typeof index === 'object') {
      for (const [id, fmt] of Object.entries(BUILTIN_NUMFMTS)) {
        if (id !== '0' && index[id] === undefined) index[id] = fmt;
      }
    }
    return original.call(this, model, options);
  };
}

function toGridSheet(ws: Worksheet, date1904: boolean): GridSheet {
  const rows = new Map<number, Map<number, GridCell>>();
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row: Row, r: number) => {
    if (row.hidden) hiddenRows.add(r);
    let cells: Map<number, GridCell> | undefined;
    row.eachCell({ includeEmpty: false }, (cell: Cell, c: number) => {
      const g = toGridCell(cell, date1904);
      if (!g) return;
      if (!cells) {
        cells = new Map();
        rows.set(r, cells);
      }
      cells.set(c, g);
    });
  });
  const state: SheetState = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
  return { name: ws.name, state, rows, merges: readMerges(ws), hiddenRows };
}

function readMerges(ws: Worksheet): string[] {
  if (!ws.hasMerges) return [];
  // `model` rebuilds the whole sheet model, so only ask for it when there are merges
  const merges = (ws.model as { merges?: unknown }).merges;
  return Array.isArray(merges) ? merges.filter((m): m is string => typeof m === 'string') : [];
}

type Scalar = string | number | boolean | Date | { error?: unknown } | { richText?: unknown } | null | undefined;

function toGridCell(cell: Cell, date1904: boolean): GridCell | undefined {
  const type = cell.type;
  // Merge: a slave of a merged range; its `value` is the master's, which must not repeat.
  if (type === T.Null || type === T.Merge) return undefined;
  const numFmt = cell.numFmt || undefined;
  let out: GridCell | undefined;
  if (type === T.Formula) {
    // `cell.value` drops falsy results (0, false) when it copies the formula model;
    // `cell.result` does not. `cell.formula` also translates shared formulas.
    const formula = stripEq(cell.formula ?? '');
    const res = cell.result as Scalar;
    out = res === undefined || res === null ? { t: 'z', v: null } : scalarCell(res, numFmt, date1904);
    if (!out) out = { t: 'z', v: null };
    if (formula) out.formula = formula;
  } else {
    out = scalarCell(cell.value as Scalar, numFmt, date1904);
  }
  if (out && numFmt !== undefined) out.numFmt = numFmt;
  return out;
}

function scalarCell(v: Scalar, numFmt: string | undefined, date1904: boolean): GridCell | undefined {
  if (v === null || v === undefined) return undefined;
  switch (typeof v) {
    case 'string':
      return { t: 's', v };
    case 'boolean':
      return { t: 'b', v };
    case 'number':
      // exceljs parseFloat()s a stored value: NaN is a text it could not read (a "#N/A" without t="e", "abc"),
      // which it would show as #NUM!: a guess, so the file is refused (open.ts: file-unreadable)
      if (!Number.isFinite(v)) throw new Error(`a cell holds a value that is not a number (exceljs would show #NUM!)`);
      // exceljs already turned the numbers it considers dates into Dates (1904-aware);
      // a number that only our isDateFormat calls a date is still a raw 1904 serial.
      return { t: 'n', v: date1904 && shifts1904(v, numFmt) ? v + DATE1904_OFFSET : v };
  }
  if (v instanceof Date) {
    let serial = dateToSerial(v);
    if (!Number.isFinite(serial)) return { t: 'e', v: '#NUM!' };
    // exceljs' date test is looser than ours; where ours says "not a date", give back the
    // number as stored (undoing exceljs' 1904 shift) so the 1904 rule depends on isDateFormat only
    // (and a time of day or a duration is the same number in both systems: dates.ts shifts1904)
    if (date1904) {
      const stored = serial - DATE1904_OFFSET;
      if (!shifts1904(stored, numFmt)) serial = stored;
    }
    return { t: 'n', v: serial };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { t: 'e', v: o.error };
    if (Array.isArray(o.richText)) return { t: 's', v: richTextToString(o.richText) };
    if ('hyperlink' in o || 'text' in o) {
      const text = o.text;
      if (typeof text === 'string') return { t: 's', v: text };
      if (text && typeof text === 'object' && Array.isArray((text as { richText?: unknown }).richText)) {
        return { t: 's', v: richTextToString((text as { richText: unknown[] }).richText) };
      }
      return typeof o.hyperlink === 'string' ? { t: 's', v: o.hyperlink } : undefined;
    }
  }
  return undefined;
}

function richTextToString(runs: unknown[]): string {
  let s = '';
  for (const r of runs) {
    const t = (r as { text?: unknown } | null)?.text;
    if (typeof t === 'string') s += t;
  }
  return s;
}

function stripEq(f: string): string {
  return f.startsWith('=') ? f.slice(1) : f;
}

// ---------------------------------------------------------------------------------------
// Namespace-prefixed SpreadsheetML (WPS, OpenXML SDK, HanCell): <x:workbook xmlns:x="…main">.
// exceljs matches element names literally, so such parts read as nothing and load() fails
// with "Cannot read properties of undefined (reading 'sheets')". We rewrite the parts.

/** Namespaces whose prefix exceljs cannot cope with: SpreadsheetML (transitional, strict) and package relationships. */
const PREFIX_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
]);

const DECL_RE = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Prefixes bound to one of PREFIX_NAMESPACES anywhere in the document. */
export function spreadsheetPrefixes(xml: string): string[] {
  const out = new Set<string>();
  for (const m of xml.matchAll(DECL_RE)) {
    const uri = m[3] ?? m[4] ?? '';
    if (PREFIX_NAMESPACES.has(uri)) out.add(m[1]!);
  }
  return [...out];
}

/**
 * Remove the prefix of SpreadsheetML elements: `<x:c>`→`<c>`, `</x:c>`→`</c>`, and turn the
 * declaration `xmlns:x="…main"` into the default `xmlns="…main"` (dropped instead when the
 * tag already declares a default namespace). Other prefixes (r:, mc:, x14ac:) are untouched.
 * Attribute values and text cannot contain a raw '<', so the rewrite cannot hit content.
 */
export function stripSpreadsheetPrefixes(xml: string): string {
  const prefixes = spreadsheetPrefixes(xml);
  if (prefixes.length === 0) return xml;
  let out = xml;
  for (const p of prefixes) {
    const esc = p.replace(/[.]/g, '\\.');
    out = out.replace(new RegExp(`<(/?)${esc}:(?=[A-Za-z_])`, 'g'), '<$1');
    out = rewriteDeclarations(out, p);
  }
  return out;
}

/** Rewrite each `xmlns:p="<spreadsheet ns>"` inside its start tag (found without scanning every tag). */
function rewriteDeclarations(xml: string, p: string): string {
  const needle = `xmlns:${p}`;
  const parts: string[] = [];
  let last = 0;
  let pos = xml.indexOf(needle);
  while (pos >= 0) {
    const tagStart = xml.lastIndexOf('<', pos);
    const tagEnd = endOfTag(xml, pos);
    if (tagStart < last || tagEnd < 0) break;
    const tag = xml.slice(tagStart, tagEnd + 1);
    parts.push(xml.slice(last, tagStart), rewriteTag(tag, p));
    last = tagEnd + 1;
    pos = xml.indexOf(needle, last);
  }
  parts.push(xml.slice(last));
  return parts.join('');
}

function endOfTag(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

function rewriteTag(tag: string, p: string): string {
  const esc = p.replace(/[.]/g, '\\.');
  const declRe = new RegExp(`\\sxmlns:${esc}\\s*=\\s*("[^"]*"|'[^']*')`);
  const m = declRe.exec(tag);
  if (!m || !PREFIX_NAMESPACES.has(m[1]!.slice(1, -1))) return tag;
  const hasDefault = /\sxmlns\s*=/.test(tag);
  return tag.replace(declRe, hasDefault ? '' : ` xmlns=${m[1]}`);
}

/** Does the document use a SpreadsheetML (or relationships) namespace prefix on its elements? */
export function usesSpreadsheetPrefix(xml: string): boolean {
  return spreadsheetPrefixes(xml).some((p) => xml.includes(`<${p}:`));
}

/** Phonetic runs (<rPh>, furigana) are not part of a cell's text; exceljs mis-parses them in inline strings. */
export function stripPhoneticRuns(xml: string): string {
  return xml.includes('<rPh') ? xml.replace(/<rPh\b[^>]*\/>|<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
}
