/**
 * Every finding code renders in both languages from the parameters it declares: the example each
 * catalogue entry carries (typed by tsc against the code's parameter type) fills both templates,
 * and neither shows a hole ("undefined", "[object Object]", "NaN", an empty quote) nor, in English,
 * Chinese that is not the file's own data (a value, a name, a header the clerk has to find).
 */
import { describe, expect, it } from 'vitest';
import { catalogue, type FindingCode } from '../../src/core/findings/catalogue/index.js';
import { messageOf, titleOf } from '../../src/core/findings/make.js';
import type { Finding, Params } from '../../src/core/findings/types.js';
import { ANNEX1_DISTRICT_COLUMN, ANNEX1_FIGURES } from '../../src/core/layout/annex1.js';
import { ANNEX2_COLUMNS } from '../../src/core/layout/annex2.js';
import { DATA_FIELDS } from '../../src/core/data/aliases.js';
import { rostersFor } from '../../src/core/roster/units.js';

const codes = Object.keys(catalogue) as FindingCode[];

/** Every string inside an example (nested objects and lists too): the data a message may quote. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

/**
 * Chinese an English message may keep: the workbooks' own words, quoted so that the clerk finds
 * them in the Chinese workbook or data export (headers, the 填报单位/填报时间 lines, the 合计 row,
 * the 违法情况 values, the criteria numerals), the units' names, and the notice's clauses (三(四)).
 */
const rosters = rostersFor();
const WORKBOOK_WORDS = [
  ANNEX1_DISTRICT_COLUMN.header,
  ...ANNEX1_FIGURES.flatMap((c) => [c.header, c.group ?? '']),
  ...ANNEX2_COLUMNS.map((c) => c.header),
  ...Object.values(DATA_FIELDS).flatMap((fs) => fs.map((f) => f.header)),
  ...[...rosters.before, ...rosters.after].map((u) => u.name),
  '填报单位',
  '填报时间',
  '合计',
  '严重',
  '一般',
  '附表1',
  '附表2',
  '季度',
]
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);
const KEPT = [/[一二三四五六七八九十]+\([一二三四五六七八九十]+\)/gu, /[一二三四五]\.\.[一二三四五]/gu, /\d+年\d+月\d+日/gu];

/** English text with the Chinese it may keep taken out. */
function withoutKept(text: string): string {
  let t = text;
  for (const w of WORKBOOK_WORDS) t = t.split(w).join('');
  for (const re of KEPT) t = t.replace(re, '');
  return t;
}

function rendered(code: FindingCode, lang: 'zh' | 'en'): string {
  const d = catalogue[code];
  // the location fills row, value and expected where a code takes them from there
  const f: Finding = { code, severity: d.severity, file: '万州区附表2.xlsx', sheet: 'Sheet1', cell: 'D7', row: 7, value: 'X1', expected: 'X2', params: d.example as Params };
  return messageOf(f, lang);
}

describe('the finding catalogue', () => {
  it.each(codes)('%s renders in Chinese and in English from its declared parameters', (code) => {
    for (const lang of ['zh', 'en'] as const) {
      const m = rendered(code, lang);
      expect(m.length, `${code} ${lang}`).toBeGreaterThan(10);
      expect(m, `${code} ${lang}`).not.toMatch(/undefined|\[object|NaN|“”|""|\{\w+\}/);
      expect(titleOf(code, lang).length).toBeGreaterThan(1);
    }
    let en = rendered(code, 'en');
    for (const s of strings(catalogue[code].example).sort((a, b) => b.length - a.length)) if (s) en = en.split(s).join('');
    expect(withoutKept(en), `${code}: Chinese in the English message`).not.toMatch(/\p{Script=Han}/u);
    expect(withoutKept(titleOf(code, 'en')), `${code}: Chinese in the English title`).not.toMatch(/\p{Script=Han}/u);
  });

  it('the English message is not the Chinese one (a missing translation cannot fall back to Chinese)', () => {
    for (const code of codes) expect(rendered(code, 'en'), code).not.toBe(rendered(code, 'zh'));
  });
});
