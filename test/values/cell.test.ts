import { describe, expect, it } from 'vitest';
import type { GridCell } from '../../src/core/workbook/grid.js';
import { cellCount, cellDate, cellText } from '../../src/core/values/cell.js';

const dateFmt = (f?: string) => !!f && /y|d/i.test(f.replace(/"[^"]*"/g, ''));
const never = () => false;
const always = () => true;

describe('cellText', () => {
  it('absent, empty and formula-without-value cells are empty', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText({ t: 's', v: null })).toBe('');
    expect(cellText({ t: 'z', v: null, formula: 'SUM(B5:B45)' })).toBe('');
  });
  it('strings: nothing touched (the reader decoded the _xHHHH_ escapes once; a text that reads _x0041_ is that text)', () => {
    expect(cellText({ t: 's', v: '  重庆（某某）\r\n公司 ' })).toBe('  重庆（某某）\r\n公司 ');
    expect(cellText({ t: 's', v: '_x0041_' })).toBe('_x0041_');
  });
  it('numbers in plain decimal', () => {
    expect(cellText({ t: 'n', v: 12 })).toBe('12');
    expect(cellText({ t: 'n', v: 916201055811843000 })).toBe('916201055811843000');
    expect(cellText({ t: 'n', v: 0.1 + 0.2 })).toBe('0.3');
    expect(cellText({ t: 'n', v: 44469, numFmt: 'yyyy-mm-dd' })).toBe('44469');
  });
  it('booleans and errors', () => {
    expect(cellText({ t: 'b', v: true })).toBe('TRUE');
    expect(cellText({ t: 'b', v: false })).toBe('FALSE');
    expect(cellText({ t: 'e', v: '#REF!' })).toBe('#REF!');
    expect(cellText({ t: 'e', v: '#DIV/0!' })).toBe('#DIV/0!');
  });
  it('copes with a value whose type disagrees with t', () => {
    expect(cellText({ t: 's', v: 12 })).toBe('12');
    expect(cellText({ t: 'n', v: '12' })).toBe('12');
  });
});

describe('cellDate', () => {
  it('serials with a date format, including fractions', () => {
    expect(cellDate({ t: 'n', v: 44469, numFmt: 'yyyy-mm-dd' }, dateFmt)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 'n', v: 44469.625, numFmt: 'yyyy/m/d h:mm' }, dateFmt)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 'n', v: 1, numFmt: 'yyyy-mm-dd' }, dateFmt)).toEqual({ ok: true, date: '1900-01-01' });
    expect(cellDate({ t: 'n', v: 60, numFmt: 'yyyy-mm-dd' }, dateFmt)).toMatchObject({ ok: false, reason: 'impossible' });
    expect(cellDate({ t: 'n', v: 0, numFmt: 'yyyy-mm-dd' }, dateFmt)).toMatchObject({ ok: false, reason: 'impossible' });
  });
  it('passes numFmt to the callback', () => {
    const seen: (string | undefined)[] = [];
    cellDate({ t: 'n', v: 5, numFmt: 'yyyy"年"m"月"d"日"' }, (f) => (seen.push(f), true));
    expect(seen).toEqual(['yyyy"年"m"月"d"日"']);
  });
  it('bare serials without a date format only in the plausible window', () => {
    expect(cellDate({ t: 'n', v: 44469 }, never)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 'n', v: 44469, numFmt: 'General' }, never)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 'n', v: 44469.5 }, never)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 'n', v: 80000 }, never)).toEqual({ ok: true, date: '2119-01-11' });
    expect(cellDate({ t: 'n', v: 19999 }, never)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(cellDate({ t: 'n', v: 2021 }, never)).toMatchObject({ ok: false, reason: 'unreadable', detail: 'the number 2021 is not a date' });
    expect(cellDate({ t: 'n', v: 202109 }, never)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(cellDate({ t: 'n', v: -1 }, never)).toMatchObject({ ok: false, reason: 'unreadable' });
  });
  it('an 8-digit integer is yyyymmdd, even under a date format', () => {
    expect(cellDate({ t: 'n', v: 20210930 }, never)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 'n', v: 20210930, numFmt: 'yyyy-mm-dd' }, always)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 'n', v: 20210230 }, never)).toMatchObject({ ok: false, reason: 'impossible' });
    expect(cellDate({ t: 'n', v: 20210930.5 }, never)).toMatchObject({ ok: false, reason: 'unreadable' });
  });
  it('text goes through parseDateText', () => {
    expect(cellDate({ t: 's', v: '2021年9月30日' }, never)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 's', v: '2021-09-30\r' }, never)).toEqual({ ok: true, date: '2021-09-30' });
    expect(cellDate({ t: 's', v: '2021-02-30' }, never)).toMatchObject({ ok: false, reason: 'impossible' });
    expect(cellDate({ t: 's', v: '' }, never)).toMatchObject({ ok: false, reason: 'empty' });
  });
  it('empty, error, boolean and formula cells', () => {
    expect(cellDate(undefined, never)).toMatchObject({ ok: false, reason: 'empty' });
    expect(cellDate({ t: 's', v: null }, never)).toMatchObject({ ok: false, reason: 'empty' });
    expect(cellDate({ t: 'e', v: '#REF!' }, never)).toMatchObject({ ok: false, reason: 'unreadable', detail: 'the error value #REF!' });
    expect(cellDate({ t: 'b', v: true }, never)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(cellDate({ t: 'z', v: null, formula: 'TODAY()' }, never)).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});

describe('cellCount', () => {
  it('numbers and text', () => {
    expect(cellCount({ t: 'n', v: 12 })).toEqual({ ok: true, value: 12, asText: false });
    expect(cellCount({ t: 's', v: '１２' })).toEqual({ ok: true, value: 12, asText: true });
    expect(cellCount({ t: 'n', v: 12.5 })).toMatchObject({ ok: false, reason: 'fraction' });
    expect(cellCount({ t: 's', v: '—' })).toMatchObject({ ok: false, reason: 'not-a-number' });
  });
  it('absent and null cells are empty', () => {
    expect(cellCount(undefined)).toMatchObject({ ok: false, reason: 'empty' });
    expect(cellCount({ t: 's', v: null })).toMatchObject({ ok: false, reason: 'empty' });
  });
  it('formula without a value and error values are their own reasons', () => {
    const z: GridCell = { t: 'z', v: null, formula: 'SUM(B5:B45)' };
    expect(cellCount(z)).toEqual({ ok: false, reason: 'formula-no-value', formula: 'SUM(B5:B45)' });
    expect(cellCount({ t: 'e', v: '#DIV/0!' })).toMatchObject({ ok: false, reason: 'error-value', code: '#DIV/0!' });
  });
  it('a formula with a cached number is read as the number', () => {
    expect(cellCount({ t: 'n', v: 40, formula: 'SUM(B5:B45)' })).toEqual({ ok: true, value: 40, asText: false });
  });
  it('booleans are not counts', () => {
    expect(cellCount({ t: 'b', v: true })).toMatchObject({ ok: false, reason: 'not-a-number' });
  });
});
