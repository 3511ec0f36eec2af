import { describe, expect, it } from 'vitest';
import { parseCount, plainNumberText, sumExact } from '../../src/core/values/numbers.js';
import { en, zh } from '../../src/core/i18n/index.js';

describe('parseCount: numbers', () => {
  it('accepts non-negative whole numbers', () => {
    expect(parseCount(0)).toEqual({ ok: true, value: 0, asText: false });
    expect(parseCount(12)).toEqual({ ok: true, value: 12, asText: false });
    expect(parseCount(Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER, asText: false });
    expect(parseCount(-0)).toEqual({ ok: true, value: 0, asText: false });
    expect(Object.is((parseCount(-0) as { value: number }).value, 0)).toBe(true);
  });
  it('tolerates float noise', () => {
    expect(parseCount(12.0000000001)).toEqual({ ok: true, value: 12, asText: false });
    expect(parseCount(11.9999999999)).toEqual({ ok: true, value: 12, asText: false });
    expect(parseCount((0.1 + 0.2) * 10)).toEqual({ ok: true, value: 3, asText: false });
    expect(parseCount(-1e-12)).toEqual({ ok: true, value: 0, asText: false });
  });
  it('rejects fractions, negatives, huge and non-finite numbers', () => {
    expect(parseCount(12.5)).toMatchObject({ ok: false, reason: 'fraction', fault: 'fraction' });
    expect(parseCount(12.001)).toMatchObject({ ok: false, reason: 'fraction' });
    expect(parseCount(1_000_000.001)).toMatchObject({ ok: false, reason: 'fraction' });
    expect(parseCount(-3)).toMatchObject({ ok: false, reason: 'negative', fault: 'negative' });
    expect(parseCount(-0.5)).toMatchObject({ ok: false, reason: 'negative' });
    expect(parseCount(Number.MAX_SAFE_INTEGER + 2)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseCount(1e300)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseCount(Number.NaN)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false, reason: 'not-a-number' });
  });
  it('booleans are not numbers; null is empty', () => {
    expect(parseCount(true)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount(false)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount(null)).toMatchObject({ ok: false, reason: 'empty', fault: 'empty' });
  });
});

describe('parseCount: text', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    [' 12 ', 12],
    ['\u300012\u3000', 12],
    ['12.0', 12],
    ['12.', 12],
    ['+12', 12],
    ['0', 0],
    ['1,200', 1200],
    ['1,234,567', 1234567],
    ['１，２００', 1200],
    ['12个', 12],
    ['12次', 12],
    ['12家次', 12],
    ['3 件', 3],
    ['0次', 0],
    ['1.2e3', 1200],
    ['12\u200b', 12],
    ['007', 7],
    ['-0', 0],
  ])('%j → %d as text', (s, n) => {
    expect(parseCount(s)).toEqual({ ok: true, value: n, asText: true });
  });
  it('blank strings are empty', () => {
    expect(parseCount('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseCount(' \u3000 ')).toMatchObject({ ok: false, reason: 'empty' });
  });
  it.each([['—'], ['-'], ['/'], ['无'], ['——'], ['－'], ['／'], ['N/A'], ['暂无']])('placeholder %j is invalid, told to write 0', (s) => {
    const r = parseCount(s);
    expect(r).toMatchObject({ ok: false, reason: 'not-a-number', fault: 'placeholder' });
    expect(zh.value.figureFault({ fault: 'placeholder' })).toContain('填 0');
    expect(en.value.figureFault({ fault: 'placeholder' })).toContain('write 0');
  });
  it('negative, fractional and malformed text', () => {
    expect(parseCount('-3')).toMatchObject({ ok: false, reason: 'negative' });
    expect(parseCount('−3')).toMatchObject({ ok: false, reason: 'negative' });
    expect(parseCount('12.5')).toMatchObject({ ok: false, reason: 'fraction' });
    expect(parseCount('1,200.5')).toMatchObject({ ok: false, reason: 'fraction' });
    expect(parseCount('1,20')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('12,00,000')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('1 200')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('十二')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('12%')).toMatchObject({ ok: false, reason: 'not-a-number', fault: 'percent' });
    expect(parseCount('约12')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('12元')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('TRUE')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('99999999999999999')).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseCount('1e400')).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseCount('Infinity')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('0x10')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseCount('.5')).toMatchObject({ ok: false, reason: 'fraction' });
  });
});

describe('sumExact', () => {
  it('adds whole numbers', () => {
    expect(sumExact([])).toBe(0);
    expect(sumExact([1, 2, 3])).toBe(6);
    expect(sumExact([5, -7])).toBe(-2);
    expect(sumExact([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('refuses to return an inexact total', () => {
    expect(() => sumExact([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumExact([1.5])).toThrow(RangeError);
    expect(() => sumExact([Number.NaN])).toThrow(RangeError);
  });
});

describe('plainNumberText', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [12, '12'],
    [-5, '-5'],
    [44469, '44469'],
    [0.1 + 0.2, '0.3'],
    [12.000000000000002, '12'],
    [12.0000000000001, '12.0000000000001'],
    [1.5, '1.5'],
    [916201055811843000, '916201055811843000'],
    [9.15e17, '915000000000000000'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [-1.25e-5, '-0.0000125'],
    // eslint-disable-next-line no-loss-of-precision -- a number past 2^53, as a cell holds it, is what is tested
    [123456789012345678, '123456789012346000'],
    [0.15000000000000002, '0.15'],
  ])('%d → %s', (n, s) => {
    expect(plainNumberText(n)).toBe(s);
  });
});
