/**
 * Line breaking of the text reports: Chinese rules (no closing mark starts a line, no opening
 * mark ends one, —— and …… are never split), English words kept whole, every line within the
 * width but for one hanging closing mark.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth, wrap } from '../../src/reporters/width.js';

const STARTS = /^[。，、；：！？）」』”’》〉】.,;:!?)]/u;
const ENDS = /[（「『“‘《〈【(]$/u;

function holds(text: string, width: number): string[] {
  const lines = wrap(text, width);
  for (const l of lines) {
    expect(l, JSON.stringify(lines)).not.toMatch(STARTS);
    expect(l, JSON.stringify(lines)).not.toMatch(ENDS);
    expect(displayWidth(l)).toBeLessThanOrEqual(width + 2);
  }
  // nothing lost but the spaces at the breaks
  expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  return lines;
}

describe('wrap', () => {
  it('two closing marks in a row at the margin do not leave a full stop alone on the next line', () => {
    const text = '情形五（环保诚信，所报情形）——2023年度信用评价为环保诚信企业（信用评价.xlsx 第1269行）。';
    for (let width = 20; width <= 64; width++) holds(text, width);
    const lines = holds('列入期间符合纳入条件（信用评价.xlsx 第1269行）。', 40);
    expect(lines.at(-1)).not.toBe('。');
  });

  it('never splits a —— dash or an …… ellipsis', () => {
    const text = '虽符合情形五（环保诚信，所报情形）——2023年度信用评价为“绿牌”……但列入期间出现应移出情形';
    for (let width = 10; width <= 50; width++) {
      const lines = holds(text, width);
      for (const l of lines) {
        expect(l).not.toMatch(/^—(?!—)|(?<!—)—$/);
        expect(l).not.toMatch(/^…(?!…)|(?<!…)…$/);
      }
    }
  });

  it('English: words whole, a closing quote or bracket never starts a line', () => {
    const text = 'the stated validity (to 2026-05-31) runs past 3 years from inclusion (2024-05-31): validity is 3 years in principle (三(四)); the record says "严重".';
    for (let width = 16; width <= 70; width++) {
      const lines = holds(text, width);
      for (const l of lines) expect(l).not.toMatch(/^"[.)]?$/);
      // every ASCII word is on one line
      for (const word of text.split(/\s+/).filter((x) => /^[a-z]+$/.test(x))) expect(lines.some((l) => l.includes(word))).toBe(true);
    }
  });

  it('an opening straight quote moves down with the word it opens', () => {
    const text = '"统一社会信用代码" is required but empty in this row. Fill it in for "重庆缙云电器有限公司".';
    for (let width = 20; width <= 80; width++) for (const l of holds(text, width)) expect(l).not.toMatch(/[ a-z]"$/);
  });

  it('a token longer than the line is hard-broken, and short text stays one line', () => {
    const path = '/very/long/path/to/an/inbox/folder/that/does/not/fit/on/one/line.xlsx';
    const lines = wrap(path, 20);
    expect(lines.join('')).toBe(path);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(wrap('共 1 个文件：0 个错误，1 个警告。', 78)).toEqual(['共 1 个文件：0 个错误，1 个警告。']);
  });
});
