/**
 * Glue from a GridCell to normalised values. These functions never apply `cleanText`: callers
 * decide whether a change is worth a normalisation finding.
 */
import type { GridCell } from '../workbook/grid.js';
import { PLAUSIBLE_SERIAL_MAX, PLAUSIBLE_SERIAL_MIN, dateFail, parseDateText, serialToDate, type DateFault, type DateParse } from './dates.js';
import { parseCount, plainNumberText, type CountParse } from './numbers.js';

/** What the user sees as text: strings as the reader decoded them (its `_xHHHH_` escapes once, as
 *  Excel does: never again here), numbers in plain decimal
 *  (15 significant digits, no exponent), booleans TRUE/FALSE, errors their code (#REF!),
 *  a formula without a cached value ''. Absent cell ''. Dates stay serials here: use cellDate. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  switch (cell.t) {
    case 'z':
      return '';
    case 'b':
      return v === true || v === 1 || v === 'TRUE' || v === 'true' ? 'TRUE' : 'FALSE';
    case 'n':
      if (typeof v === 'number') return plainNumberText(v);
      break;
    case 'e':
      return v === null || v === undefined ? '#VALUE!' : String(v);
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return plainNumberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/**
 * A date from a cell.
 * - numbers: an integer of 8 digits is yyyymmdd (20210930 — no serial is that large, the last
 *   being 2958465); otherwise a serial when `isDate(numFmt)` says the format is a date format,
 *   or, without a date format, when it lies in 20000..80000 (1954..2119) — exceljs and some
 *   producers lose Chinese custom date formats, leaving a bare serial. A time fraction is ignored.
 *   Other numbers (2021, 202109, 5) are 'unreadable': a year or a small number is not a date.
 * - strings: parseDateText;
 * - booleans, error values, formulas without a cached value: 'unreadable'; absent/null: 'empty'.
 */
export function cellDate(cell: GridCell | undefined, isDate: (numFmt?: string) => boolean): DateParse {
  const unreadable = (detail: string, fault: DateFault): DateParse => dateFail('unreadable', detail, fault);
  if (!cell || cell.v === null || cell.v === undefined) {
    if (cell?.t === 'z') return unreadable('a formula without a saved value', { fault: 'formula-no-value' });
    return dateFail('empty', undefined, { fault: 'empty' });
  }
  const v = cell.v;
  switch (cell.t) {
    case 'z':
      return unreadable('a formula without a saved value', { fault: 'formula-no-value' });
    case 'e':
      return unreadable(`the error value ${String(v)}`, { fault: 'error-value', error: String(v) });
    case 'b':
      return unreadable('a TRUE/FALSE value', { fault: 'boolean' });
  }
  if (typeof v === 'boolean') return unreadable('a TRUE/FALSE value', { fault: 'boolean' });
  if (typeof v === 'string') return parseDateText(v);

  if (!Number.isFinite(v)) return unreadable('not a finite number', { fault: 'not-finite' });
  const r = Math.round(v);
  const integral = Math.abs(v - r) < 1e-9;
  if (integral && r >= 10_000_000 && r <= 99_999_999) return parseDateText(String(r));
  if (isDate(cell.numFmt)) return serialToDate(v);
  if (v >= PLAUSIBLE_SERIAL_MIN && v < PLAUSIBLE_SERIAL_MAX + 1) return serialToDate(v);
  return unreadable(`the number ${plainNumberText(v)} is not a date`, { fault: 'number', number: plainNumberText(v) });
}

export type CellCountFail = {
  ok: false;
  reason: 'formula-no-value' | 'error-value';
  /** the formula text (formula-no-value) */
  formula?: string;
  /** the error code such as '#REF!' (error-value) */
  code?: string;
};

/** A count from a cell: parseCount on the value, plus the two cell states that are not values. */
export function cellCount(cell: GridCell | undefined): CountParse | CellCountFail {
  if (!cell) return parseCount(null);
  if (cell.t === 'z') {
    const f: CellCountFail = { ok: false, reason: 'formula-no-value' };
    if (cell.formula !== undefined) f.formula = cell.formula;
    return f;
  }
  if (cell.t === 'e') {
    const code = cell.v === null || cell.v === undefined ? '#VALUE!' : String(cell.v);
    return { ok: false, reason: 'error-value', code };
  }
  const v = cell.v;
  if (cell.t === 'b' && typeof v !== 'boolean') return parseCount(v === 1 || v === 'TRUE');
  return parseCount(v);
}
