import { describe, expect, it } from 'vitest';
import {
  addListSheet,
  displayWidth,
  fitColumnWidth,
  inlineListFormula,
  isoToExcelDate,
  listValidation,
  newWorkbook,
  safeSheetName,
  setFormula,
  setText,
  setValue,
  sheetRef,
  workbookBytes,
  wrappedLines,
} from '../../src/writers/xlsx-common.js';
import { hygieneProblems, load, parts } from './inspect.js';
import { displayWidth as terminalWidth } from '../../src/reporters/width.js';

describe('safeSheetName', () => {
  it('replaces forbidden characters and cuts to 31 characters', () => {
    expect(safeSheetName('a:b\\c/d?e*f[g]h')).toBe('a_b_c_d_e_f_g_h');
    const long = '重庆市'.repeat(20);
    expect(safeSheetName(long)).toHaveLength(31);
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName('   ')).toBe('Sheet');
    expect(safeSheetName('History')).toBe('History_');
  });
  it('never splits a surrogate pair', () => {
    const name = 'a'.repeat(30) + '𠀀'; // U+20000 is two UTF-16 units
    const s = safeSheetName(name);
    expect(s).toBe('a'.repeat(30));
  });
  it('makes names unique case-insensitively, staying within 31 characters', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Summary', taken)).toBe('Summary');
    expect(safeSheetName('SUMMARY', taken)).toBe('SUMMARY (2)');
    expect(safeSheetName('summary', taken)).toBe('summary (3)');
    const long = 'x'.repeat(40);
    expect(safeSheetName(long, taken)).toBe('x'.repeat(31));
    const second = safeSheetName(long, taken);
    expect(second).toBe('x'.repeat(27) + ' (2)');
    expect(second.length).toBeLessThanOrEqual(31);
  });
});

describe('widths', () => {
  it('counts CJK and full-width characters double', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('地市')).toBe(4);
    expect(displayWidth('（个）')).toBe(6);
    expect(displayWidth('Ａ1')).toBe(3);
  });
  it('measures as the terminal does, where two tables once disagreed', () => {
    // the workbooks' own table counted every code point from U+2E80 to U+A4CF double and nothing as zero:
    // the Yijing hexagrams (U+4DC0–4DFF, East Asian Width "N"), a combining accent and a control character
    // made a column wider than the terminal's table (East Asian Wide/Fullwidth = 2) says
    for (const [text, width] of [
      ['䷀䷿', 2],
      ['e\u0301', 1],
      ['a\u0007b', 2],
      ['〿', 1],
      ['〾', 2],
      ['ぁ', 2],
      ['㐀', 2],
    ] as const) {
      expect([text, displayWidth(text)]).toEqual([text, width]);
      expect([text, terminalWidth(text)]).toEqual([text, width]);
    }
  });
  it('fits a column to the widest line within limits', () => {
    expect(fitColumnWidth(['统一社会信用代码', 'x'])).toBe(18);
    expect(fitColumnWidth(['a'], 6, 60)).toBe(6);
    expect(fitColumnWidth(['很'.repeat(100)], 6, 60)).toBe(60);
    expect(fitColumnWidth(['短\n很长的一行文字'])).toBe(16);
  });
  it('counts wrapped lines', () => {
    expect(wrappedLines('地市', 14)).toBe(1);
    expect(wrappedLines('对清单内企业开展现场监管执法次数（次）', 12)).toBe(4);
    expect(wrappedLines('a\nb', 20)).toBe(2);
  });
});

describe('inline list formulas', () => {
  it('quotes a short list and refuses long or unsafe ones', () => {
    expect(inlineListFormula(['一', '二'])).toBe('"一,二"');
    expect(inlineListFormula(['a,b'])).toBeNull();
    expect(inlineListFormula(['say "x"'])).toBeNull();
    const many = Array.from({ length: 60 }, (_, i) => `单位${i}`);
    expect(inlineListFormula(many)).toBeNull();
  });
  it('refuses to build a validation with a formula over 255 characters', () => {
    expect(() => listValidation('"' + 'x'.repeat(300) + '"')).toThrow(/255/);
  });
  it('quotes sheet names in references', () => {
    expect(sheetRef('单位名单', '$A$2:$A$9')).toBe("'单位名单'!$A$2:$A$9");
    expect(sheetRef("it's", 'A1')).toBe("'it''s'!A1");
  });
});

describe('isoToExcelDate', () => {
  it('accepts real calendar dates only, at UTC midnight', () => {
    expect(isoToExcelDate('2021-09-30')?.toISOString()).toBe('2021-09-30T00:00:00.000Z');
    expect(isoToExcelDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(isoToExcelDate('2023-02-29')).toBeNull();
    expect(isoToExcelDate('2021.09.30')).toBeNull();
    expect(isoToExcelDate('2021-9-30')).toBeNull();
  });
});

describe('cell writers', () => {
  it('keep text beginning with = + - @ as text, escape _xHHHH_, cap the length, and write finite formulas', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('t');
    const texts = ['=SUM(A1:A2)', '+8613800000000', '-1', '@user', '=1+1', '_x0041_', 'a'.repeat(40000)];
    texts.forEach((t, i) => setText(ws.getCell(i + 1, 1), t));
    setValue(ws.getCell(1, 2), Number.NaN);
    setValue(ws.getCell(2, 2), 12);
    setValue(ws.getCell(3, 2), '');
    setValue(ws.getCell(4, 2), null);
    setFormula(ws.getCell(5, 2), '=SUM(B2:B2)', 12);
    expect(() => setFormula(ws.getCell(6, 2), 'SUM(B1:B1)', Number.NaN)).toThrow(/finite/);
    ws.getCell(6, 2).value = null;
    const bytes = await workbookBytes(wb);
    expect(hygieneProblems(bytes)).toEqual([]);
    const xml = parts(bytes).sheetXml.get('t')!;
    // exactly one formula element: the one written with setFormula
    expect(xml.match(/<f>/g)).toHaveLength(1);
    const back = (await load(bytes)).getWorksheet('t')!;
    for (let i = 0; i < 5; i++) {
      expect(back.getCell(i + 1, 1).type).toBe(3); // ValueType.String
      expect(back.getCell(i + 1, 1).value).toBe(texts[i]);
    }
    expect(back.getCell(6, 1).value).toBe('_x0041_');
    expect(String(back.getCell(7, 1).value)).toHaveLength(32767);
    expect(back.getCell(1, 2).value).toBe('NaN');
    expect(back.getCell(2, 2).value).toBe(12);
    expect(back.getCell(3, 2).value).toBeNull();
    expect(back.getCell(5, 2).value).toEqual({ formula: 'SUM(B2:B2)', result: 12 });
  });
});

describe('workbookBytes', () => {
  it('gives byte-identical files for the same content (no timestamps)', async () => {
    const make = async () => {
      const wb = newWorkbook();
      setText(wb.addWorksheet('a').getCell('A1'), '同样的内容');
      return workbookBytes(wb);
    };
    const a = await make();
    await new Promise((r) => setTimeout(r, 2100)); // zip times have 2-second resolution
    const b = await make();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(a[0]).toBe(0x50);
    expect(a[1]).toBe(0x4b);
  });
  it('adds a hidden reference sheet for a long dropdown list (printing the workbook prints the form alone)', async () => {
    const wb = newWorkbook();
    const taken = new Set<string>();
    wb.addWorksheet(safeSheetName('main', taken));
    const items = Array.from({ length: 50 }, (_, i) => `重庆市第${i + 1}个单位名称`);
    const { sheet, formula } = addListSheet(wb, '单位名单', '单位名单（供下拉选择）', items, taken);
    expect(sheet.name).toBe('单位名单');
    expect(formula).toBe("'单位名单'!$A$2:$A$51");
    const back = (await load(await workbookBytes(wb))).getWorksheet('单位名单')!;
    expect(back.state).toBe('hidden');
    expect(back.getCell('A2').value).toBe(items[0]);
    expect(back.getCell('A51').value).toBe(items[49]);
  });
});
