/**
 * Calendar dates as plain 'YYYY-MM-DD' strings. All arithmetic is on day numbers (days since
 * 1970-01-01, proleptic Gregorian), computed without `Date` objects, so nothing here can depend
 * on the machine's time zone. The only `Date` input (`todayInChina`) is read via `getTime()`.
 */
import { removeInvisible, toHalfWidth } from './text.js';

/** 'YYYY-MM-DD', a real calendar date. */
export type IsoDate = string;

export type DateFailReason = 'empty' | 'unreadable' | 'impossible';

/**
 * What exactly is wrong with a date, as data: the labels (`value.dateFault` in i18n) phrase it in
 * each language as a predicate that follows the quoted value (“2021-02-30”不是实际存在的日期（2021年2月只有28天）).
 * 'empty' and the `impossible` ones (serial-range … range-reversed) stand alone; every other fault is
 * a reason the text cannot be read as a date.
 */
export type DateFault =
  | {
      fault:
        | 'empty'
        | 'formula-no-value'
        | 'boolean'
        | 'not-finite'
        | 'serial-text-range'
        | 'two-digit-year'
        | 'year-last'
        | 'missing-day'
        | 'year-only'
        | 'mixed-separators'
        | 'unrecognised'
        | 'no-end'
        /** a serial that is not a finite number (serialToDate) */
        | 'not-a-number'
        | 'serial-range'
        | 'serial-60'
        | 'range-reversed';
    }
  | { fault: 'error-value'; error: string }
  | { fault: 'number'; number: string }
  | { fault: 'before-1900'; year: number }
  | { fault: 'no-such-month'; month: number }
  | { fault: 'no-such-day'; day: number }
  | { fault: 'days-in-month'; year: number; month: number; days: number };

/** A failed parse: `fault` says what is wrong (as data), `detail` is the bare fact in English for errors thrown. */
export interface DateFail {
  ok: false;
  reason: DateFailReason;
  detail?: string;
  fault: DateFault;
  /** `fault` phrased in Chinese and English, for the data files' row reasons (data/schemas.ts), which are still text */
}
export type DateParse = { ok: true; date: IsoDate } | DateFail;
export type DateRangeParse = { ok: true; from?: IsoDate; to: IsoDate } | DateFail;

// ---------------------------------------------------------------- day numbers

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function fmt(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fromDays(n: number): IsoDate {
  const [y, m, d] = civilFromDays(n);
  if (y < 1 || y > 9999) throw new RangeError(`date out of range (year ${y})`);
  return fmt(y, m, d);
}

function split(d: IsoDate): [number, number, number] {
  if (!isValidIso(d)) throw new RangeError(`not a valid YYYY-MM-DD date: ${JSON.stringify(d)}`);
  return [digitsAt(d, 0, 4), digitsAt(d, 5, 2), digitsAt(d, 8, 2)];
}

/** The number written by the n ASCII digits at s[i…], -1 when any is not a digit (faster than a regex match: dates are read per row). */
export function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

function toDays(d: IsoDate): number {
  const [y, m, day] = split(d);
  return daysFromCivil(y, m, day);
}

/** 'YYYY-MM-DD' (years 0001–9999) naming a day that exists. */
export function isValidIso(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return fromDays(toDays(d) + n);
}

/** Same month and day n years later (or earlier). 29 February in a target year without one
 *  becomes 28 February — the convention for "the same calendar day one year earlier". */
export function addYears(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addYears needs a whole number of years, got ${n}`);
  const [y, m, day] = split(d);
  const ty = y + n;
  if (ty < 1 || ty > 9999) throw new RangeError(`date out of range (year ${ty})`);
  return fmt(ty, m, Math.min(day, daysInMonth(ty, m)));
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDays(b) - toDays(a);
}

/**
 * "Within one year" of D is after the same calendar day one year earlier and on or
 * before D. D = 2022-06-30 → 2021-07-01..2022-06-30; D = 2024-02-29 → the day one year earlier is
 * 2023-02-28, so 2023-03-01..2024-02-29. Events after D never count.
 */
export function withinOneYear(event: IsoDate, d: IsoDate): boolean {
  split(event);
  return event > addYears(d, -1) && event <= d;
}

/**
 * Last valid day of a listing: 3 years in principle, the inclusion day counting as the first
 * day, so addYears(d, 3) − 1 day: 2021-09-30 → 2024-09-29 (expired from 2024-09-30).
 * 2020-02-29 → addYears gives 2023-02-28 (see addYears) → 2023-02-27. This follows the same
 * "Feb 29 → Feb 28" anniversary as withinOneYear; the Civil Code's month-end rule for periods
 * would give 2023-02-28 instead — a one-day difference that only hits 29 February inclusions.
 */
export function validityEnd(includedOn: IsoDate): IsoDate {
  let end = VALIDITY_ENDS.get(includedOn);
  if (end === undefined) {
    end = addDays(addYears(includedOn, 3), -1);
    if (VALIDITY_ENDS.size >= 4096) VALIDITY_ENDS.clear();
    VALIDITY_ENDS.set(includedOn, end);
  }
  return end;
}

/** validityEnd by inclusion date: it is asked for every row of a list, whose dates span a few hundred days. */
const VALIDITY_ENDS = new Map<IsoDate, IsoDate>();

/** The calendar date in China Standard Time (UTC+8, no daylight saving) of an instant. */
export function todayInChina(now: Date): IsoDate {
  const t = now.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  return fromDays(Math.floor((t + 8 * 3600_000) / 86400_000));
}

// ---------------------------------------------------------------- Excel serials

/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2958465;
const SERIAL_1970 = 25569; // serial of 1970-01-01 (valid from serial 61 = 1900-03-01 on)

/**
 * 1900-system serial → date. Excel wrongly treats 1900 as a leap year: serial 60 is the
 * fictitious 1900-02-29, so serials 1..59 are one day later than the common epoch suggests
 * (1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01). The time of day is ignored, after rounding
 * to the millisecond as Excel displays it (so 44469.99999999999 is 2021-09-30, not 09-29).
 * Throws RangeError outside 1..2958465 and for 60 (not a real day); use `serialToDate` for a
 * non-throwing result.
 */
export function serialToIsoDate(serial: number): IsoDate {
  const r = serialToDate(serial);
  if (!r.ok) throw new RangeError(`${serial}: ${r.detail ?? r.reason}`);
  return r.date;
}

/** Like `serialToIsoDate` but returns a DateParse ('impossible' for 0, negatives, 60, > 9999-12-31). */
export function serialToDate(serial: number): DateParse {
  if (!Number.isFinite(serial)) return fail('unreadable', 'not a finite number', { fault: 'not-a-number' });
  const ms = Math.round(serial * 86400_000);
  const day = Math.floor(ms / 86400_000);
  if (day < 1 || day > MAX_SERIAL) {
    return fail('impossible', `serial ${serial} is outside Excel's date range 1..${MAX_SERIAL}`, { fault: 'serial-range' });
  }
  if (day === 60) {
    return fail('impossible', 'serial 60 is the non-existent 1900-02-29 of Excel', { fault: 'serial-60' });
  }
  return { ok: true, date: fromDays(day < 60 ? day - SERIAL_1970 + 1 : day - SERIAL_1970) };
}

/** Date → 1900-system serial (inverse of serialToIsoDate). Throws before 1900-01-01. */
export function isoToSerial(d: IsoDate): number {
  const n = toDays(d) + SERIAL_1970;
  if (n >= 61) return n;
  if (n - 1 >= 1) return n - 1;
  throw new RangeError(`${d} is before Excel's first date 1900-01-01`);
}

// ---------------------------------------------------------------- parsing text

function fail(reason: DateFailReason, detail: string | undefined, fault: DateFault): DateFail {
  const f: DateFail = { ok: false, reason, fault };
  if (detail !== undefined) f.detail = detail;
  return f;
}

/** A failed parse, for the cell readers (values/cell.ts). */
export { fail as dateFail };

const EMPTY = (): DateFail => fail('empty', undefined, { fault: 'empty' });
const UNREADABLE = (detail: string, fault: DateFault): DateFail => fail('unreadable', detail, fault);

/** Check y-m-d and build the result; years before 1900 are not dates in a spreadsheet. */
function ymd(y: number, m: number, d: number): DateParse {
  if (y < 1900) return fail('impossible', `year ${y} is before 1900`, { fault: 'before-1900', year: y });
  if (m < 1 || m > 12) return fail('impossible', `month ${m} does not exist`, { fault: 'no-such-month', month: m });
  const dim = daysInMonth(y, m);
  if (d < 1) return fail('impossible', `day ${d} does not exist`, { fault: 'no-such-day', day: d });
  if (d > dim) return fail('impossible', `${y}-${String(m).padStart(2, '0')} has ${dim} days`, { fault: 'days-in-month', year: y, month: m, days: dim });
  return { ok: true, date: fmt(y, m, d) };
}

/** Half-width, no invisible characters, whitespace collapsed, trimmed. */
function norm(s: string): string {
  return toHalfWidth(removeInvisible(s))
    .replace(/[\s\x85]+/g, ' ')
    .trim();
}

/** Serials written as text are accepted only in this window (1954-10-03 .. 2119-01-11): a bare
 *  5-digit number in a date column is then almost surely a date whose format was lost, and
 *  anything outside it is more likely a typo than a date. */
export const PLAUSIBLE_SERIAL_MIN = 20000;
export const PLAUSIBLE_SERIAL_MAX = 80000;

/**
 * A single date written as text. Accepted (full-width digits and punctuation too, spaces around
 * separators ignored, a trailing time such as ' 00:00:00' or ' 0:00' dropped):
 *   2021-09-30  2021/9/30  2021.9.30  2021年9月30日  2021年9月30号  2021年9月30  20210930
 *   (a stray 日 after the numeric forms, 2021-9-30日, is tolerated)
 *   44469 (a 5-digit Excel serial, only within 20000..80000, optionally with a fraction).
 * Not accepted ('unreadable', with a reason): 2-digit years (21-9-30: the century is a guess),
 * day-first orders (30/09/2021: ambiguous with month-first), year-month without a day, mixed
 * separators (2021-9/30), time zones (…T00:00:00Z: the calendar day would depend on it).
 * Calendar-invalid dates (2021-02-30, 2021-13-01, year < 1900) → 'impossible' with the fact.
 */
export function parseDateText(input: string): DateParse {
  let s = norm(input);
  if (s === '') return EMPTY();
  // A trailing time of day, as typed or as text exported from a datetime cell.
  s = s.replace(/(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/, '');
  // Spaces next to a separator are noise: '2021 年 9 月 30 日', '2021 - 09 - 30'.
  s = s.replace(/\s*([-/.年月日号])\s*/g, '$1');

  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})[日号]?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^\d{5}(?:\.\d+)?$/.exec(s);
  if (m) {
    const n = Number(s);
    if (n >= PLAUSIBLE_SERIAL_MIN && n < PLAUSIBLE_SERIAL_MAX + 1) return serialToDate(n);
    return UNREADABLE('a 5-digit number outside the plausible Excel serial range', { fault: 'serial-text-range' });
  }
  // Diagnose the common unreadable shapes so the district knows what to fix.
  if (/^\d{2}(?:([-/.])\d{1,2}\1\d{1,2}|年\d{1,2}月\d{1,2}[日号]?)$/.test(s)) {
    return UNREADABLE('two-digit year; write the year in full', { fault: 'two-digit-year' });
  }
  if (/^\d{1,2}([-/.])\d{1,2}\1\d{4}$/.test(s)) {
    return UNREADABLE('the year must come first', { fault: 'year-last' });
  }
  if (/^\d{4}(?:[-/.]\d{1,2}|年\d{1,2}月?)$/.test(s) || /^\d{6}$/.test(s)) {
    return UNREADABLE('no day of the month', { fault: 'missing-day' });
  }
  if (/^\d{4}年?$/.test(s)) return UNREADABLE('a year alone, no month or day', { fault: 'year-only' });
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(s)) {
    return UNREADABLE('mixed separators', { fault: 'mixed-separators' });
  }
  return UNREADABLE('not a recognised date form', { fault: 'unrecognised' });
}

/** Separators between the two dates of a range. '-' is tried at every position, since it also
 *  separates a date's own parts ('2021-09-30-2024-09-29'). */
const RANGE_SEP = /(至|到|~|〜|[-—–―−﹣]+)/y;
const WORD_SEP = new Set(['至', '到', '~', '〜']);

/**
 * The 有效期至 column: a last day, or a range.
 *   2021.09.30-2024.09.29 · 2021年9月30日至2024年9月29日 · 2021-09-30~2024-09-29 ·
 *   2021/9/30—2024/9/29 · 2021-09-30-2024-09-29 · 自2021年9月30日起至2024年9月29日止 ·
 *   至2024年9月29日 (→ to only) · a single date (→ to only).
 * A range whose end precedes its start is 'impossible'; an open end ('2021-09-30至今', '…至长期')
 * is unreadable ('no end date'): the notice fixes a 3-year validity. A header label in the cell
 * ('有效期至2024-09-29', '有效期：…') is skipped.
 */
export function parseDateRange(input: string): DateRangeParse {
  // A label copied in from the header: '有效期至2024-09-29', '有效期：2021.09.30-2024.09.29'.
  const s = norm(input).replace(/^(?:正面清单)?有效期(?:限|至)?\s*:?\s*/, '');
  if (s === '') return EMPTY();
  const whole = parseDateText(s);
  if (whole.ok) return { ok: true, to: whole.date };

  let impossible: DateFail | undefined;
  let halfRead: DateFail | undefined;
  for (let i = 0; i < s.length; i++) {
    RANGE_SEP.lastIndex = i;
    const sm = RANGE_SEP.exec(s);
    if (!sm) continue;
    const sep = sm[1]!;
    const left = s
      .slice(0, i)
      .trim()
      .replace(/^[自从]/, '')
      .replace(/起$/, '')
      .trim();
    const right = s
      .slice(i + sm[0].length)
      .trim()
      .replace(/止$/, '')
      .trim();
    const b = parseDateText(right);
    if (left === '') {
      if (WORD_SEP.has(sep) && b.ok) return { ok: true, to: b.date };
      continue;
    }
    const a = parseDateText(left);
    if (a.ok && b.ok) {
      if (b.date < a.date) {
        return fail('impossible', `the range ends (${b.date}) before it starts (${a.date})`, { fault: 'range-reversed' });
      }
      return { ok: true, from: a.date, to: b.date };
    }
    const shaped = (p: DateParse) => p.ok || p.reason === 'impossible';
    if (!impossible && shaped(a) && shaped(b)) impossible = !a.ok ? a : (b as DateFail);
    if (!halfRead && WORD_SEP.has(sep) && a.ok) {
      halfRead = b.ok
        ? undefined
        : b.reason === 'empty' || /^(?:今|至今|现在|长期|永久)$/.test(right)
          ? UNREADABLE('no end date', { fault: 'no-end' })
          : fail(b.reason, `end date: ${b.detail ?? ''}`, b.fault);
    }
  }
  return impossible ?? halfRead ?? whole;
}
