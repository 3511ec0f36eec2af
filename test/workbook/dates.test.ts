import { describe, expect, it } from 'vitest';
import { BUILTIN_NUMFMTS, dateToSerial, isDateFormat, isDateFormatId, isoToSerial, serialToIso } from '../../src/core/workbook/dates.js';

describe('isDateFormat', () => {
  it.each([
    'yyyy-mm-dd',
    'yyyy/m/d',
    'mm-dd-yy',
    'd-mmm-yy',
    'h:mm',
    '[h]:mm:ss',
    'mm:ss.0',
    'yyyy"年"m"月"d"日"',
    'yyyy年m月d日',
    'yyyy"年"m"月"',
    'm"月"d"日"',
    '[$-804]yyyy"年"m"月"d"日" dddd',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    'YYYY-MM-DD',
    'yyyy/mm/dd;@',
    '[Red]yyyy-mm-dd',
    '上午/下午h"时"mm"分"',
  ])('%s is a date format', (f) => {
    expect(isDateFormat(f)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'General',
    '@',
    '0',
    '0.00',
    '#,##0.00',
    '0.00%',
    '0.00E+00',
    '[Red]0.00',
    '#,##0.00_);[Red](#,##0.00)',
    '0.00"d"',
    '0\\d',
    '0" 吨"',
    '0.00 "元"',
    '[h]',
    '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
    '#,##0 ;[Red](#,##0)',
    '0_h',
    '*d0',
  ])('%s is not a date format', (f) => {
    expect(isDateFormat(f)).toBe(false);
  });

  it('treats the built-in date ids as dates', () => {
    for (const id of [14, 15, 22, 27, 31, 36, 45, 46, 47, 50, 58]) expect(isDateFormat(id)).toBe(true);
    for (const id of [0, 1, 2, 9, 11, 23, 26, 37, 44, 48, 49, 59]) expect(isDateFormat(id)).toBe(false);
  });

  it('built-in table agrees with the id rule', () => {
    for (const [id, fmt] of Object.entries(BUILTIN_NUMFMTS)) {
      expect(isDateFormat(fmt), `id ${id}: ${fmt}`).toBe(isDateFormatId(Number(id)));
    }
  });
});

describe('serials', () => {
  it('converts known serials to ISO dates', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBe('1900-02-29'); // Excel's fictitious leap day
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(25569)).toBe('1970-01-01');
    expect(serialToIso(45352)).toBe('2024-03-01');
    expect(serialToIso(45352.75)).toBe('2024-03-01');
    expect(serialToIso(2958465)).toBe('9999-12-31');
  });

  it('rejects non-serials', () => {
    expect(() => serialToIso(0)).toThrow(RangeError);
    expect(() => serialToIso(-5)).toThrow(RangeError);
    expect(() => serialToIso(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips ISO dates', () => {
    for (const iso of ['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01', '2000-02-29', '2024-03-01', '2024-12-31']) {
      expect(serialToIso(isoToSerial(iso))).toBe(iso);
    }
    expect(isoToSerial('2024-03-01')).toBe(45352);
    expect(isoToSerial('1900-03-01')).toBe(61);
  });

  it('rejects invalid ISO dates', () => {
    expect(() => isoToSerial('2023-02-29')).toThrow(RangeError);
    expect(() => isoToSerial('2024-3-1')).toThrow(RangeError);
    expect(() => isoToSerial('1899-12-31')).toThrow(RangeError);
  });

  it('dateToSerial inverts exceljs (wall clock stored as UTC)', () => {
    expect(dateToSerial(new Date(Date.UTC(2024, 2, 1)))).toBe(45352);
    expect(dateToSerial(new Date(Date.UTC(2024, 2, 1, 18)))).toBe(45352.75);
    expect(dateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
    // exceljs maps serial s to 25569-epoch milliseconds for every s; the inverse is exact
    for (const s of [1, 59, 60, 61, 45352.5]) {
      const d = new Date(Math.round((s - 25569) * 86_400_000));
      expect(dateToSerial(d)).toBe(s);
    }
  });
});
