import { describe, expect, it } from 'vitest';
import { cleanText, headerKey, removeInvisible, stripExcelEscapes, toHalfWidth } from '../../src/core/values/text.js';

describe('toHalfWidth', () => {
  it('maps FF01–FF5E to ASCII and U+3000 to a space', () => {
    expect(toHalfWidth('１２３ＡＢＣａｂｃ')).toBe('123ABCabc');
    expect(toHalfWidth('！～')).toBe('!~');
    expect(toHalfWidth('a\u3000b')).toBe('a b');
    expect(toHalfWidth('（有限公司）：，')).toBe('(有限公司):,');
  });
  it('keeps CJK text and CJK punctuation outside the block', () => {
    expect(toHalfWidth('重庆、渝北。「」《》')).toBe('重庆、渝北。「」《》');
    expect(toHalfWidth('￥')).toBe('￥');
  });
});

describe('cleanText', () => {
  it('trims ASCII, ideographic, no-break and zero-width space', () => {
    expect(cleanText('\u3000\u00a0 重庆某某有限公司\u200b\ufeff ')).toEqual({ text: '重庆某某有限公司', changed: true });
  });
  it('collapses internal whitespace and line breaks to one space', () => {
    expect(cleanText('重庆\r\n某某\t\t公司').text).toBe('重庆 某某 公司');
    expect(cleanText('A\u3000\u3000B').text).toBe('A B');
  });
  it('removes invisible and control characters inside the text', () => {
    expect(cleanText('重庆\u200b某某\u0007公司\u00ad').text).toBe('重庆某某公司');
    expect(cleanText('a\u202eb\u0000c').text).toBe('abc');
  });
  it('keeps full-width parentheses and CJK intact', () => {
    expect(cleanText('重庆某某（集团）有限公司')).toEqual({ text: '重庆某某（集团）有限公司', changed: false });
    expect(cleanText('ＡＢＣ').text).toBe('ＡＢＣ');
  });
  it('reports no change for clean text and handles empty', () => {
    expect(cleanText('abc')).toEqual({ text: 'abc', changed: false });
    expect(cleanText('')).toEqual({ text: '', changed: false });
    expect(cleanText(' \u3000 ')).toEqual({ text: '', changed: true });
  });
  it('removeInvisible does not touch whitespace', () => {
    expect(removeInvisible(' a\u200bb ')).toBe(' ab ');
  });
});

describe('headerKey', () => {
  it('matches wrapped and full-width header spellings', () => {
    expect(headerKey('排污许可证编号\n（排污登记编号）')).toBe(headerKey('排污许可证编号(排污登记编号)'));
    expect(headerKey('排污许可证编号\n（排污登记编号）')).toBe('排污许可证编号(排污登记编号)');
    expect(headerKey('【纳入日期】')).toBe('(纳入日期)');
    expect(headerKey('[纳入日期]')).toBe('(纳入日期)');
    expect(headerKey('〔纳入日期〕')).toBe('(纳入日期)');
  });
  it('drops required markers and trailing colons', () => {
    expect(headerKey('*企业名称')).toBe('企业名称');
    expect(headerKey('企业名称＊：')).toBe('企业名称');
    expect(headerKey('填报单位:')).toBe('填报单位');
    expect(headerKey('填报单位：：')).toBe('填报单位');
  });
  it('unifies list separators and removes all whitespace', () => {
    expect(headerKey('配套、细化措施（发文）数量')).toBe(headerKey('配套, 细化措施 (发文) 数量'));
    expect(headerKey('配套，细化措施')).toBe('配套、细化措施');
    expect(headerKey(' 统一社会\u3000信用代码 ')).toBe('统一社会信用代码');
  });
  it('lower-cases ASCII and unifies dashes', () => {
    expect(headerKey('USCC')).toBe('uscc');
    expect(headerKey('用电—用能')).toBe(headerKey('用电-用能'));
  });
});

describe('stripExcelEscapes', () => {
  it('decodes _xHHHH_ escapes', () => {
    expect(stripExcelEscapes('a_x000D_\nb')).toBe('a\r\nb');
    expect(stripExcelEscapes('_x0041__x0042_')).toBe('AB');
    expect(stripExcelEscapes('_x4e2d_')).toBe('中');
  });
  it('decodes an escaped underscore once, leaving a literal _xHHHH_', () => {
    expect(stripExcelEscapes('_x005F_x0041_')).toBe('_x0041_');
  });
  it('leaves malformed forms alone', () => {
    expect(stripExcelEscapes('_x00D_')).toBe('_x00D_');
    expect(stripExcelEscapes('_x000G_')).toBe('_x000G_');
    expect(stripExcelEscapes('_X000D_')).toBe('_X000D_');
    expect(stripExcelEscapes('x000D')).toBe('x000D');
    expect(stripExcelEscapes('plain')).toBe('plain');
  });
  it('rebuilds surrogate pairs from two escapes', () => {
    expect(stripExcelEscapes('_xD83D__xDE00_')).toBe('😀');
  });
});
