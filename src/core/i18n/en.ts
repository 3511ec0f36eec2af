import type { Labels } from './zh.js';

/** Every label and phrase zmqd shows in English: the same shape as `zh.ts`, section by section. */
export const en: Labels = {
  severity: { error: 'error', warning: 'warning', info: 'info' },

  // ── section: files and workbooks (file-* codes, the reader) ──
  file: {},

  // ── section: reporting units and periods (district-*, roster) ──
  unit: {},

  // ── section: cell values, dates, numbers, identifiers (annex2-/annex1- codes, rules) ──
  value: {
    listSep: ', ',
    usccChange: { lowercase: 'lower-case letters', fullwidth: 'full-width characters', spaces: 'spaces', hidden: 'invisible characters (zero-width spaces or control characters)' },
    dateFault: (f) => {
      switch (f.fault) {
        case 'empty': return 'is empty';
        case 'not-a-number': return 'is not a number';
        case 'serial-range': return "is not a valid date (outside Excel's date range)";
        case 'serial-60': return 'is not a real date (1900-02-29 does not exist)';
        case 'before-1900': return `is not a valid date (year ${f.year} is before 1900)`;
        case 'no-such-month': return `is not a real date (there is no month ${f.month})`;
        case 'no-such-day': return `is not a real date (day ${f.day} does not exist)`;
        case 'days-in-month': return `is not a real date (${f.year}-${String(f.month).padStart(2, '0')} has ${f.days} days)`;
        case 'range-reversed': return 'is not a valid range (it ends before it starts)';
        case 'formula-no-value': return 'cannot be read as a date (a formula without a saved value)';
        case 'error-value': return `cannot be read as a date (the error value ${f.error})`;
        case 'boolean': return 'cannot be read as a date (a TRUE/FALSE value)';
        case 'not-finite': return 'cannot be read as a date (not a finite number)';
        case 'number': return `cannot be read as a date (the number ${f.number} is not a date)`;
        case 'serial-text-range': return 'cannot be read as a date (a 5-digit number outside the plausible Excel serial range)';
        case 'two-digit-year': return 'cannot be read as a date (two-digit year; write the year in full)';
        case 'year-last': return 'cannot be read as a date (the year must come first)';
        case 'missing-day': return 'cannot be read as a date (no day of the month)';
        case 'year-only': return 'cannot be read as a date (a year alone, no month or day)';
        case 'mixed-separators': return 'cannot be read as a date (mixed separators)';
        case 'unrecognised': return 'cannot be read as a date (not a recognised date form)';
        case 'no-end': return 'cannot be read as a date (no end date)';
      }
    },
    figureFault: (f) => {
      switch (f.fault) {
        case 'empty': return 'blank';
        case 'negative': return 'negative';
        case 'fraction': return 'not a whole number';
        case 'not-a-number': return 'not a number';
        case 'too-large': return 'too large';
        case 'boolean': return 'a TRUE/FALSE value, not a number';
        case 'placeholder': return 'a dash, slash or 无 is not a number; write 0 for none';
        case 'percent': return 'a percentage, not a count';
        case 'formula-no-value': return 'formula without a saved value';
        case 'error-value': return `error value ${f.error}`;
        case 'cell-error': return `the cell holds the error ${f.error}`;
      }
    },
    permitFault: (f) => {
      switch (f.fault) {
        case 'empty': return 'empty';
        case 'chars': return `contains the invalid character${f.chars.length > 1 ? 's' : ''} "${f.chars.slice(0, 5).join('')}${f.chars.length > 5 ? '…' : ''}"`;
        case 'length': return `${f.length} characters instead of 22${f.bare ? ' (the 3-digit sequence and the letter are missing)' : ''}`;
        case 'head-chars': return `the first 18 characters contain "${f.chars.join('')}", which a USCC never uses`;
        case 'sequence': return `characters 19–21 should be a 3-digit sequence, not "${f.sequence}"`;
        case 'suffix': return `the 22nd character should be a letter, not "${f.suffix}"`;
      }
    },
  },

  // ── section: aggregation and cross-checks (aggregate-*, report-*) ──
  aggregate: {},

  // ── section: data files and eligibility (data-*, check codes) ──
  check: {},

  // ── section: mailbox collection (collect-*) ──
  collect: {},

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {},
};
