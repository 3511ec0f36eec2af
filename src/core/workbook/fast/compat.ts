/**
 * The few exceljs 4.4 rules whose results end up in the grid, re-implemented so the fast
 * reader gives exactly what the exceljs adapter gives. Each mirrors one exceljs function
 * (named below); only their observable results matter, not their code.
 */
import { stripExcelEscapes } from '../../values/text.js';
import { colLetters, colNumber } from '../grid.js';
import { BUILTIN_NUMFMTS, DATE1904_OFFSET, dateToSerial, isDateFormat, isDurationFormat } from '../dates.js';

/** exceljs `utils.isDateFmt`: looser than ours (any y m d h s M b outside quotes/brackets; no upper-case Y D H S). */
export function exceljsIsDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** exceljs `NumFmtXform.parseOpen`: backslash escapes are removed from custom format codes. */
export function unescapeFormatCode(code: string): string {
  return code.replace(/[\\](.)/g, '$1');
}

/** exceljs' own built-in table (`defaultnumformats.js`, entries with a locale-independent code). */
const EXCELJS_DEFAULT_NUMFMTS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Format code of a style's numFmtId, as the adapter ends up with it: the file's own <numFmt>
 * first, else BUILTIN_NUMFMTS (pre-filled by the adapter for every id the file does not
 * define), else exceljs' table — reachable only when the file defines the id with an empty code.
 * Id 0 (General) and a missing or unparsable id give no format.
 */
export function resolveNumFmt(id: number, custom: ReadonlyMap<number, string>): string | undefined {
  if (!id) return undefined; // 0 and NaN: exceljs tests `if (style.numFmtId)`
  let code = custom.has(id) ? custom.get(id) : BUILTIN_NUMFMTS[id];
  if (!code) code = EXCELJS_DEFAULT_NUMFMTS[id];
  return code || undefined;
}

/**
 * The `_xHHHH_` escapes of a <t> (shared strings, inline strings, rich runs), decoded once, as
 * Excel does: four hex digits of either case, left to right, so `_x005F_` (or `_x005f_`) is an
 * underscore that ends the match (`_x005F_x0041_` is the text `_x0041_`). (exceljs decodes only
 * upper-case hex, and not in inline strings.) Nothing downstream decodes again.
 */
export const decodeTextEscapes: (s: string) => string = stripExcelEscapes;

const DAY_MS = 24 * 3600 * 1000;

/**
 * A stored number → the grid's number: a number exceljs considers a date is rounded to the
 * millisecond as its Date would be (`utils.excelToDate`, then `dateToSerial`); in a 1904
 * workbook a date (by our `isDateFormat`) moves to the 1900 system — but not a time of day
 * (below 1) or a duration (`[h]:mm`), which are the same number in both systems.
 * Returns NaN for a number that is not finite.
 */
export function gridNumber(v: number, exDate: boolean, ourDate: boolean, date1904: boolean, elapsed = false): number {
  if (!Number.isFinite(v)) return NaN;
  const shift = date1904 && ourDate && !elapsed && v >= 1 ? DATE1904_OFFSET : 0;
  if (exDate) {
    const serial = dateToSerial(new Date(Math.round((v - 25569) * DAY_MS)));
    if (!Number.isFinite(serial)) return NaN;
    return shift ? serial + shift : serial;
  }
  return shift ? v + shift : v; // (-0 stays -0)
}

/**
 * Per-format facts the cell loop needs, computed once per distinct format (styles with the
 * same format share one), and the cells already made with that format: a cell is a value, so
 * every shared string or number seen again with the same format reuses one frozen GridCell.
 */
export interface StyleInfo {
  numFmt: string | undefined;
  exDate: boolean;
  ourDate: boolean;
  /** a duration format ([h]:mm:ss): not moved between the date systems */
  elapsed: boolean;
  /** shared-string index → cell */
  sstCells?: (import('../grid.js').GridCell | undefined)[];
  /** number → cell, up to NUMBER_CELLS_CAP entries */
  numCells?: Map<number, import('../grid.js').GridCell>;
}

export function styleInfo(numFmt: string | undefined): StyleInfo {
  return { numFmt, exDate: exceljsIsDateFmt(numFmt), ourDate: isDateFormat(numFmt), elapsed: isDurationFormat(numFmt) };
}

// ---------------------------------------------------------------------------------------
// Addresses (exceljs `colCache`)

/** Column letters → number, upper case only; 0 when not letters, -1 beyond XFD. */
export function lettersToCol(s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 65 || ch > 90) return 0;
  }
  const c = colNumber(s.slice(start, end));
  return c > 16384 ? -1 : c;
}

export function colToLetters(n: number): string {
  if (!(n >= 1 && n <= 16384)) throw new Error(`${n} is out of bounds. Excel supports columns from 1 to 16384`);
  return colLetters(n);
}

export interface Address {
  row: number;
  col: number;
}

/**
 * exceljs `colCache.decodeAddress`, restricted to what a well-formed file holds: upper-case
 * letters, digits, optional '$'. Returns row * 16384 + (column - 1), so that the per-cell path
 * allocates nothing, or -1 for anything else (the caller gives up on the file).
 */
export function decodeAddressPacked(ref: string): number {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row = row * 10 + ch - 48;
    } else if (ch !== 36) {
      return -1;
    }
  }
  if (!hasCol || !hasRow || col > 16384 || row < 1 || row > 1_048_576) return -1;
  return row * 16384 + col - 1;
}

export function decodeAddress(ref: string): Address | null {
  const p = decodeAddressPacked(ref);
  return p < 0 ? null : { row: Math.floor(p / 16384), col: (p % 16384) + 1 };
}

const CANDIDATE_RX = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CR_RX = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * exceljs `slideFormula` (utils/shared-formula.js): the text of a shared formula's master moved
 * from the master's cell to a dependent cell. Throws where exceljs throws (a column off the sheet).
 */
export function slideFormula(formula: string, from: Address, to: Address): string {
  return formula.replace(CANDIDATE_RX, (refMatch: string, sheet: string | undefined, _s: string, addrPart: string, paren: string | undefined) => {
    if (paren) return refMatch;
    const m = CR_RX.exec(addrPart);
    if (!m) return refMatch;
    const colDollar = m[1];
    const colStr = m[2]!.toUpperCase();
    const rowDollar = m[3];
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
    let col = lettersToCol(colStr, 0, colStr.length);
    let row = parseInt(m[4]!, 10);
    if (!colDollar) col += to.col - from.col;
    if (!rowDollar) row += to.row - from.row;
    return (sheet || '') + (colDollar || '') + colToLetters(col) + (rowDollar || '') + String(row);
  });
}

/**
 * A flat copy of a string taken from a decoded chunk. V8 makes substrings of 13 characters
 * or more views into their parent, so one kept cell text would keep its whole chunk of XML
 * (markup included: three times the text for CJK shared strings with <phoneticPr>) alive.
 * (Slicing a concatenation also copies, 4× faster, but leaves a sliced string over the copy: a
 * 100k-row list took 34 MiB more and no less time.) test/workbook/fast-own.test.ts holds it to that.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
