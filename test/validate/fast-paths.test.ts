/**
 * The shortcuts taken for speed on large lists (issue 6) give exactly what the general code
 * gives: clean text, integer numbers, well-formed codes and permits, ISO dates, and the Annex 2
 * reader's column store, table end and row order.
 */
import { describe, expect, it } from 'vitest';
import { checkPermit } from '../../src/core/ids/permit.js';
import { checkUscc, isWellFormedUscc, usccCheckChar, USCC_ALPHABET } from '../../src/core/ids/uscc.js';
import { findAnnex2Header, readAnnex2 } from '../../src/core/reader/annex2.js';
import { isIsoDate } from '../../src/core/roster/units.js';
import { duplicateRule } from '../../src/core/rules/annex2/duplicate.js';
import type { RuleContext } from '../../src/core/rules/types.js';
import type { Annex2Entry } from '../../src/core/annex2/entries.js';
import { parseEntries } from '../../src/core/annex2/entries.js';
import { isValidIso } from '../../src/core/values/dates.js';
import { plainNumberText } from '../../src/core/values/numbers.js';
import { cleanedText, cleanText, removeInvisible } from '../../src/core/values/text.js';
import type { GridCell, GridSheet } from '../../src/core/workbook/grid.js';
import { prng as mulberry32 } from '../../scripts/fixtures/random.js';

/** cleanText as it was before the fast path: the three replacements, always. */
function slowClean(s: string): string {
  return removeInvisible(s)
    .replace(/[\s\x85]+/g, ' ')
    .trim();
}

describe('cleanedText', () => {
  it('equals the full cleaning on random strings of spaces, invisible, control and ordinary characters', () => {
    const chars = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u3000',
      '\u200b',
      '\u200e',
      '\u202a',
      '\u2060',
      '\ufeff',
      '\u00ad',
      '\u180e',
      '\u0007',
      '\u0085',
      '\u009f',
      '\u2028',
      '\u205f',
      'a',
      'Z',
      '9',
      '重',
      '（',
      '-',
      '_',
    ];
    const rnd = mulberry32(20241001);
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = Math.floor(rnd() * 8);
      for (let i = 0; i < len; i++) s += chars[Math.floor(rnd() * chars.length)];
      expect(cleanedText(s), JSON.stringify(s)).toBe(slowClean(s));
      expect(cleanText(s)).toEqual({ text: slowClean(s), changed: slowClean(s) !== s });
    }
  });
  it('returns a clean string itself', () => {
    const s = '重庆某某 有限公司';
    expect(cleanedText(s)).toBe(s);
  });
});

describe('plainNumberText on integers', () => {
  it('prints integers below 1e15 as they are, and rounds larger ones to 15 digits', () => {
    for (const n of [1, 7, -7, 44469, 20210930, 100000, 999999999999999, -999999999999999]) expect(plainNumberText(n)).toBe(String(n));
    expect(plainNumberText(1e15)).toBe('1000000000000000');
    expect(plainNumberText(1234567890123456)).toBe('1234567890123460');
  });
});

/** A well-formed code (18 characters of the alphabet), its check character right or not. */
function randomCode(rnd: () => number, rightCheck: boolean): string {
  let s = '';
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET[Math.floor(rnd() * USCC_ALPHABET.length)];
  const check = usccCheckChar(s);
  if (rightCheck) return s + check;
  const other = USCC_ALPHABET[(USCC_ALPHABET.indexOf(check) + 1) % USCC_ALPHABET.length];
  return s + other;
}

describe('well-formed codes take the short way to the same result', () => {
  // surrounding spaces are dropped silently, so ' code ' is checked by the general path
  it('checkUscc', () => {
    const rnd = mulberry32(7);
    const allow = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      const code = randomCode(rnd, n % 3 !== 0);
      if (n % 7 === 0) allow.add(code);
      expect(isWellFormedUscc(code)).toBe(true);
      expect(checkUscc(code, allow)).toEqual(checkUscc(` ${code} `, allow));
    }
  });
  it('checkPermit, with and without the row code', () => {
    const rnd = mulberry32(11);
    for (let n = 0; n < 3000; n++) {
      const code = randomCode(rnd, true);
      const other = randomCode(rnd, true);
      const permit = `${n % 5 === 0 ? other : code}${String(n % 1000).padStart(3, '0')}${'PWXQ'[n % 4]}`;
      expect(checkPermit(permit, code)).toEqual(checkPermit(` ${permit} `, ` ${code} `));
      expect(checkPermit(permit)).toEqual(checkPermit(` ${permit} `));
    }
  });
  it('tells malformed codes from well-formed ones', () => {
    expect(isWellFormedUscc('91500000MA5U00000O')).toBe(false); // O is not in the alphabet
    expect(isWellFormedUscc('91500000ma5u000000')).toBe(false);
    expect(isWellFormedUscc('91500000MA5U00000')).toBe(false);
    expect(isWellFormedUscc('91500000MA5U0000000')).toBe(false);
  });
});

describe('ISO date checks by character codes', () => {
  it.each([
    ['2024-02-29', true, true],
    ['2023-02-29', false, false],
    ['2000-02-29', true, true],
    ['1900-02-29', false, false],
    ['2024-12-31', true, true],
    ['2024-13-01', false, false],
    ['2024-00-10', false, false],
    ['2024-04-31', false, false],
    ['0000-01-01', true, false], // the roster takes any year; calendar arithmetic needs 0001 on
    ['2024-1-01', false, false],
    ['2024-01-1', false, false],
    ['2024/01/01', false, false],
    ['２０２４-01-01', false, false],
    ['2024-01-01 ', false, false],
    ['+024-01-01', false, false],
    ['', false, false],
  ])('%s', (s, roster, calendar) => {
    expect(isIsoDate(s)).toBe(roster);
    expect(isValidIso(s)).toBe(calendar);
  });
});

// ---------------------------------------------------------------------------------------
// the Annex 2 reader

const HEADERS = ['序号', '企业名称', '所在地', '统一社会信用代码', '所属行业', '排污许可证编号'];

/** A sheet from rows of cell values (column 1 first); strings are text cells, numbers numbers. */
function sheetOf(rows: [number, (string | number | GridCell | undefined)[]][], firstCol = 1): GridSheet {
  const map = new Map<number, Map<number, GridCell>>();
  for (const [r, values] of rows) {
    const cells = new Map<number, GridCell>();
    values.forEach((v, i) => {
      if (v === undefined) return;
      cells.set(firstCol + i, typeof v === 'object' ? v : typeof v === 'number' ? { t: 'n', v } : { t: 's', v });
    });
    map.set(r, cells);
  }
  return { name: '附表2', state: 'visible', rows: map, merges: [], hiddenRows: new Set([4]) };
}

const CODE = '91500107MA5U7XYZ0Q';

describe('readAnnex2', () => {
  it('serves each row field with its text, cell, reference and header, from the column store', () => {
    const sheet = sheetOf([
      [1, HEADERS],
      [2, [1, ' 重庆甲公司 ', '九龙坡区', CODE, 'C13 农副食品加工业', `${CODE}001P`]],
      [3, [2, '重庆乙公司', undefined, CODE, '', '']],
    ]);
    const doc = readAnnex2(sheet, findAnnex2Header(sheet)!);
    expect(doc.rows.map((r) => r.row)).toEqual([2, 3]);
    const f = doc.rows[0]!.fields;
    expect(f.name).toMatchObject({ text: '重庆甲公司', cell: { t: 's', v: ' 重庆甲公司 ' }, ref: 'B2', row: 2, col: 2, header: '企业名称' });
    expect(f.seq).toMatchObject({ text: '1', cell: { t: 'n', v: 1 }, ref: 'A2' });
    expect(doc.rows[1]!.fields.location).toMatchObject({ text: '', cell: undefined, ref: 'C3', header: '所在地' });
    expect(f.includedOn).toBeUndefined(); // the table has no such column
  });

  it('ends the table at a note, also one written left of the table in a column of its own', () => {
    const sheet = sheetOf([
      [1, [undefined, ...HEADERS]],
      [2, [undefined, 1, '重庆甲公司', '九龙坡区', CODE, 'C13', `${CODE}001P`]],
      [3, ['说明：本表由区县填报', 2, '重庆乙公司', '九龙坡区', CODE, 'C13', `${CODE}001P`]],
      [4, [undefined, 3, '重庆丙公司', '九龙坡区', CODE, 'C13', `${CODE}001P`]],
    ]);
    const doc = readAnnex2(sheet, findAnnex2Header(sheet)!);
    expect(doc.rows.map((r) => r.row)).toEqual([2]);
  });

  it('reads past a note right of the table, and skips pre-numbered empty rows but not unsaved formulas', () => {
    const sheet = sheetOf([
      [1, HEADERS],
      [2, [1, '重庆甲公司', '九龙坡区', CODE, 'C13', `${CODE}001P`, '说明：右侧批注']],
      [3, [2]],
      [4, [3, { t: 'z', v: null, formula: 'A1&B1' }]],
      [5, [4, '重庆丁公司']],
    ]);
    const doc = readAnnex2(sheet, findAnnex2Header(sheet)!);
    expect(doc.rows.map((r) => [r.row, r.hidden])).toEqual([
      [2, false],
      [4, true],
      [5, false],
    ]);
  });

  it('takes rows in ascending order whatever order the grid holds them in', () => {
    const sheet = sheetOf([
      [1, HEADERS],
      [5, [3, '重庆丙公司']],
      [2, [1, '重庆甲公司']],
      [3, [2, '重庆乙公司']],
    ]);
    const doc = readAnnex2(sheet, findAnnex2Header(sheet)!);
    expect(doc.rows.map((r) => [r.row, r.fields.name!.text])).toEqual([
      [2, '重庆甲公司'],
      [3, '重庆乙公司'],
      [5, '重庆丙公司'],
    ]);
  });
});

describe('parseEntries', () => {
  it('shares one frozen date parse among the rows of one date cell', () => {
    const date: GridCell = { t: 'n', v: 45189, numFmt: 'yyyy-mm-dd' };
    const sheet = sheetOf([
      [1, [...HEADERS, '纳入日期']],
      [2, [1, '重庆甲公司', '九龙坡区', CODE, 'C13', `${CODE}001P`, date]],
      [3, [2, '重庆乙公司', '九龙坡区', CODE, 'C13', `${CODE}001P`, date]],
    ]);
    const [a, b] = parseEntries(readAnnex2(sheet, findAnnex2Header(sheet)!));
    expect(a!.includedOn).toEqual({ ok: true, date: '2023-09-20' });
    expect(b!.includedOn).toBe(a!.includedOn);
    expect(Object.isFrozen(a!.includedOn)).toBe(true);
  });
});

describe('duplicate rule', () => {
  it('reports repeats code by code in order of first appearance, naming all rows', () => {
    const code = (n: number) => ({ normalised: `9150010700000000${n}X`, valid: true, allowListed: false, issues: [] });
    const field = (row: number) => ({ ref: `D${row}`, row, col: 4, header: '统一社会信用代码', cell: undefined, text: '' });
    const entry = (row: number, n: number) => ({ row, uscc: code(n), fields: { uscc: field(row) } }) as unknown as Annex2Entry;
    const got: unknown[] = [];
    const ctx = { report: (c: string, loc: unknown, params: unknown, extra: unknown) => got.push([c, loc, params, extra]) } as unknown as RuleContext;
    duplicateRule.check(null as never, [entry(1, 1), entry(2, 2), entry(3, 2), entry(4, 1), entry(5, 3), entry(6, 1)], ctx);
    expect(got).toEqual([
      ['uscc-duplicate', { cell: 'D4', row: 4, column: '统一社会信用代码' }, { rows: [1, 4, 6] }, { value: '91500107000000001X' }],
      ['uscc-duplicate', { cell: 'D6', row: 6, column: '统一社会信用代码' }, { rows: [1, 4, 6] }, { value: '91500107000000001X' }],
      ['uscc-duplicate', { cell: 'D3', row: 3, column: '统一社会信用代码' }, { rows: [2, 3] }, { value: '91500107000000002X' }],
    ]);
  });
});
