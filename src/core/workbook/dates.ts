/**
 * Excel number formats and date serials. Pure functions, UTC only, no time zone.
 *
 * Serials are in the 1900 date system: serial 1 = 1900-01-01, serial 60 = the fictitious
 * 1900-02-29 that Excel keeps for Lotus compatibility, serial 61 = 1900-03-01.
 */

/**
 * Built-in number formats that a styles.xml may reference by id alone (no <numFmt> element).
 * exceljs knows the locale-independent ones (0-22, 37-40, 45-49) but not the East Asian
 * ids 27-36 / 50-58, for which it reports no format at all: a Chinese date written with
 * id 31 would then look like a plain number. These are the zh-CN definitions, and every
 * reader must use this table: a cell whose style says numFmtId N with no <numFmt> of that
 * id gets `numFmt = BUILTIN_NUMFMTS[N]` (id 0 = General gets no numFmt; unknown ids none).
 */
export const BUILTIN_NUMFMTS: Readonly<Record<number, string>> = {
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
  14: 'yyyy/m/d', // exceljs says 'mm-dd-yy'; id 14 is "short date in the system locale"
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Built-in ids Excel treats as date/time formats. */
export function isDateFormatId(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Is this number format a date/time format? A string is a format code; a number is a
 * built-in format id.
 *
 * A code is a date when one of the tokens d, m, y, h, s (any case) appears outside
 * "quoted literals", [brackets] (colours, locales, conditions, elapsed [h]/[mm]/[ss]),
 * \escaped characters and the one-character arguments of _ (padding) and * (fill).
 * Unquoted CJK literals such as 年/月/日 are allowed around the tokens.
 */
export function isDateFormat(numFmt: string | number | undefined): boolean {
  if (numFmt === undefined) return false;
  if (typeof numFmt === 'number') return isDateFormatId(numFmt);
  const f = numFmt;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i]!;
    switch (ch) {
      case '"': {
        const end = f.indexOf('"', i + 1);
        if (end < 0) return false;
        i = end;
        break;
      }
      case '[': {
        const end = f.indexOf(']', i + 1);
        if (end < 0) return false;
        i = end;
        break;
      }
      case '\\':
      case '_':
      case '*':
        i++; // skip the escaped / padding / fill character
        break;
      default:
        if ('dmyhsDMYHS'.includes(ch)) return true;
    }
  }
  return false;
}

/** A duration format: an elapsed-time token `[h]`, `[mm]`, `[ss]` … outside quotes (its number is a length of time, not a point in it). */
export function isDurationFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && numFmt.includes('[') && /\[(h+|m+|s+)\]/i.test(numFmt.replace(/"[^"]*"/g, ''));
}

/**
 * Does a number stored in a 1904 workbook move by DATE1904_OFFSET into the 1900 system the grid
 * holds? Dates do; a time of day (below 1) and a duration are the same number in both systems.
 */
export function shifts1904(v: number, numFmt: string | undefined): boolean {
  return v >= 1 && isDateFormat(numFmt) && !isDurationFormat(numFmt);
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as a 1900-system serial. */
const UNIX_EPOCH_SERIAL = 25569;

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/**
 * 1900-system serial → 'YYYY-MM-DD' (the time of day is dropped). Serial 60 gives
 * '1900-02-29', the day Excel shows for it although it never existed.
 * Throws a RangeError for serials below 1 or non-finite values.
 */
export function serialToIso(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1) throw new RangeError(`not a date serial: ${serial}`);
  const day = Math.floor(serial);
  if (day === 60) return '1900-02-29';
  // Before the fictitious leap day, serial 1 is 1900-01-01; from 61 on everything is one day later.
  const daysFromUnix = day < 60 ? day - UNIX_EPOCH_SERIAL + 1 : day - UNIX_EPOCH_SERIAL;
  const d = new Date(daysFromUnix * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * 'YYYY-MM-DD' → 1900-system serial (an integer). Accepts '1900-02-29' (→ 60).
 * Throws a RangeError for anything that is not a real calendar date from 1900-01-01 on.
 */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  if (y === 1900 && mo === 2 && d === 29) return 60;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  const days = Math.round(ms / DAY_MS) + UNIX_EPOCH_SERIAL;
  const serial = days < 61 ? days - 1 : days;
  if (serial < 1) throw new RangeError(`before 1900-01-01: ${iso}`);
  return serial;
}

/**
 * A Date as exceljs returns it (the wall-clock time stored as UTC) → 1900-system serial,
 * with the time of day as a fraction. This is the exact inverse of exceljs' own
 * serial→Date conversion (`25569 + ms/day`, 1904 offset already applied by exceljs), so
 * the serial in the cell comes back unchanged, including for the pre-1900-03-01 range.
 */
export function dateToSerial(d: Date): number {
  const ms = d.getTime();
  // integer part and fraction computed separately, so whole days stay exact integers
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  return UNIX_EPOCH_SERIAL + days + rest / DAY_MS;
}

/** Days between the 1904 and the 1900 date systems: serial1900 = serial1904 + 1462. */
export const DATE1904_OFFSET = 1462;
