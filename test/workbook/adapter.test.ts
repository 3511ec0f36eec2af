import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWithExceljs, stripPhoneticRuns, stripSpreadsheetPrefixes, usesSpreadsheetPrefix } from '../../src/core/workbook/exceljs-adapter.js';
import { getCell, type GridWorkbook } from '../../src/core/workbook/grid.js';
import { openWorkbook } from '../../src/core/workbook/open.js';
import { partText, prefixPart, rewriteZip, xlsx } from './helpers.js';

async function open(bytes: Uint8Array): Promise<GridWorkbook> {
  const r = await openWorkbook(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.workbook;
}

function cellOf(wb: GridWorkbook, ref: string, sheet = 0) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return getCell(wb.sheets[sheet]!, Number(m[2]), c);
}

describe('exceljs adapter: value shapes', () => {
  it('reads every value shape', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('数据');
      ws.getCell('A1').value = '  企业名称 '; // not trimmed here
      ws.getCell('B1').value = 3.5;
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = { richText: [{ text: '重庆' }, { text: '某公司', font: { bold: true } }] };
      ws.getCell('E1').value = { text: 'a@b.cn', hyperlink: 'mailto:a@b.cn' };
      ws.getCell('F1').value = { text: { richText: [{ text: '富' }, { text: '文本' }] }, hyperlink: 'http://x' } as never;
      ws.getCell('G1').value = { error: '#N/A' } as never;
      ws.getCell('H1').value = { error: '#SPILL!' } as never;
      ws.getCell('I1').value = '';
      ws.getCell('J1').value = 0;
      ws.getCell('K1').value = 1234567890123456;
      ws.getCell('L1').value = '91500000MA5U000000';
      ws.getCell('L1').numFmt = '@';
    });
    const wb = await open(bytes);
    expect(wb.sheets[0]!.name).toBe('数据');
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: '  企业名称 ' });
    expect(cellOf(wb, 'B1')).toEqual({ t: 'n', v: 3.5 });
    expect(cellOf(wb, 'C1')).toEqual({ t: 'b', v: true });
    expect(cellOf(wb, 'D1')).toEqual({ t: 's', v: '重庆某公司' });
    expect(cellOf(wb, 'E1')).toEqual({ t: 's', v: 'a@b.cn' });
    expect(cellOf(wb, 'F1')).toEqual({ t: 's', v: '富文本' });
    expect(cellOf(wb, 'G1')).toEqual({ t: 'e', v: '#N/A' });
    expect(cellOf(wb, 'H1')).toEqual({ t: 'e', v: '#SPILL!' });
    expect(cellOf(wb, 'I1')).toEqual({ t: 's', v: '' });
    expect(cellOf(wb, 'J1')).toEqual({ t: 'n', v: 0 });
    expect(cellOf(wb, 'K1')).toEqual({ t: 'n', v: 1234567890123456 });
    expect(cellOf(wb, 'L1')).toEqual({ t: 's', v: '91500000MA5U000000', numFmt: '@' });
  });

  it('reads hyperlink objects too when exceljs is asked directly', async () => {
    // loadWithExceljs ignores <hyperlinks>; the text must survive either way
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('s').getCell('A1').value = { text: '官网', hyperlink: 'http://example.cn' };
    });
    const wb = await loadWithExceljs(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: '官网' });
  });

  it('reads formulas with and without cached results', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('f');
      ws.getCell('B2').value = 1;
      ws.getCell('B3').value = 2;
      ws.getCell('A1').value = { formula: 'SUM(B2:B3)' } as never; // no cached result
      ws.getCell('A2').value = { formula: 'B2+B3', result: 3 };
      ws.getCell('A3').value = { formula: 'B2-B2', result: 0 }; // exceljs' cell.value drops a 0 result
      ws.getCell('A4').value = { formula: 'B2>5', result: false };
      ws.getCell('A5').value = { formula: '"x"&B2', result: 'x1' };
      ws.getCell('A6').value = { formula: 'B2/0', result: { error: '#DIV/0!' } } as never;
      ws.getCell('A7').value = { formula: 'DATE(2024,3,1)', result: new Date(Date.UTC(2024, 2, 1)) };
      ws.getCell('A7').numFmt = 'yyyy-mm-dd';
      ws.getCell('C1').value = { formula: 'B2*2', result: 2, shareType: 'shared', ref: 'C1:C3' } as never;
      ws.getCell('C2').value = { sharedFormula: 'C1', result: 4 } as never;
      ws.getCell('C3').value = { sharedFormula: 'C1', result: 0 } as never;
      ws.getCell('D1').value = { formula: '=B2', result: 1 };
    });
    const wb = await open(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 'z', v: null, formula: 'SUM(B2:B3)' });
    expect(cellOf(wb, 'A2')).toEqual({ t: 'n', v: 3, formula: 'B2+B3' });
    expect(cellOf(wb, 'A3')).toEqual({ t: 'n', v: 0, formula: 'B2-B2' });
    expect(cellOf(wb, 'A4')).toEqual({ t: 'b', v: false, formula: 'B2>5' });
    expect(cellOf(wb, 'A5')).toEqual({ t: 's', v: 'x1', formula: '"x"&B2' });
    expect(cellOf(wb, 'A6')).toEqual({ t: 'e', v: '#DIV/0!', formula: 'B2/0' });
    expect(cellOf(wb, 'A7')).toEqual({ t: 'n', v: 45352, formula: 'DATE(2024,3,1)', numFmt: 'yyyy-mm-dd' });
    expect(cellOf(wb, 'C1')).toEqual({ t: 'n', v: 2, formula: 'B2*2' });
    expect(cellOf(wb, 'C2')).toMatchObject({ t: 'n', v: 4, formula: 'B3*2' });
    expect(cellOf(wb, 'C3')).toMatchObject({ t: 'n', v: 0, formula: 'B4*2' });
    expect(cellOf(wb, 'D1')).toEqual({ t: 'n', v: 1, formula: 'B2' });
  });

  it('reads a formula whose <v> is missing from a hand-edited sheet as t:z', async () => {
    const base = await xlsx((wb) => {
      wb.addWorksheet('s').getCell('A1').value = { formula: 'B1*2', result: 8 };
    });
    const bytes = rewriteZip(base, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.replace(/<v>8<\/v>/, '') : undefined));
    expect(partText(bytes, 'xl/worksheets/sheet1.xml')).not.toContain('<v>');
    const wb = await open(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 'z', v: null, formula: 'B1*2' });
  });
});

describe('exceljs adapter: dates', () => {
  it('turns Dates into 1900 serials and keeps numFmt', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('d');
      ws.getCell('A1').value = new Date(Date.UTC(2024, 2, 1));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      ws.getCell('A2').value = new Date(Date.UTC(2024, 2, 1, 18, 0, 0));
      ws.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
      ws.getCell('A3').value = 45352;
      ws.getCell('A3').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('A4').value = 45352;
      ws.getCell('A4').numFmt = 'yyyy年m月d日';
      ws.getCell('A5').value = 45352;
      ws.getCell('A5').numFmt = '0.00';
    });
    const wb = await open(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy-mm-dd' });
    expect(cellOf(wb, 'A2')).toEqual({ t: 'n', v: 45352.75, numFmt: 'yyyy-mm-dd hh:mm' });
    expect(cellOf(wb, 'A3')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy"年"m"月"d"日"' });
    expect(cellOf(wb, 'A4')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy年m月d日' });
    expect(cellOf(wb, 'A5')).toEqual({ t: 'n', v: 45352, numFmt: '0.00' });
    expect(wb.date1904).toBe(false);
  });

  it('gives built-in Chinese date ids (no <numFmt> element) their format', async () => {
    const base = await xlsx((wb) => {
      const ws = wb.addWorksheet('d');
      ws.getCell('A1').value = 45352;
      ws.getCell('A1').numFmt = '0.00'; // built-in id 2: rewritten to id 31 below
      ws.getCell('A2').value = 45352;
      ws.getCell('A2').numFmt = '0%'; // id 9 → 14
    });
    const bytes = rewriteZip(base, (name, text) =>
      name === 'xl/styles.xml' ? text.replace(/numFmtId="2"/g, 'numFmtId="31"').replace(/numFmtId="9"/g, 'numFmtId="14"') : undefined,
    );
    expect(partText(bytes, 'xl/styles.xml')).not.toContain('<numFmt ');
    const wb = await open(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy"年"m"月"d"日"' });
    expect(cellOf(wb, 'A2')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy/m/d' });
  });

  it('converts 1904-system serials to the 1900 system', async () => {
    const base = await xlsx((wb) => {
      const ws = wb.addWorksheet('d');
      // stored serial 43890 in a 1904 workbook is 2024-03-01 (= 45352 in 1900)
      ws.getCell('A1').value = 43890;
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      ws.getCell('A2').value = 43890;
      ws.getCell('A2').numFmt = 'YYYY"年"'; // a date only by our rules (exceljs: no)
      ws.getCell('A3').value = 43890; // a plain number stays as it is
      ws.getCell('A4').value = { formula: 'A1', result: 43890 };
      ws.getCell('A4').numFmt = 'yyyy-mm-dd';
      ws.getCell('A5').value = 43890;
      ws.getCell('A5').numFmt = '0.0 b'; // a date only for exceljs (the 'b' token): stays as stored
    });
    const bytes = rewriteZip(base, (name, text) => (name === 'xl/workbook.xml' ? text.replace('<workbookPr', '<workbookPr date1904="1"') : undefined));
    const wb = await open(bytes);
    expect(wb.date1904).toBe(true);
    expect(cellOf(wb, 'A1')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy-mm-dd' });
    expect(cellOf(wb, 'A2')).toEqual({ t: 'n', v: 45352, numFmt: 'YYYY"年"' });
    expect(cellOf(wb, 'A3')).toEqual({ t: 'n', v: 43890 });
    expect(cellOf(wb, 'A4')).toEqual({ t: 'n', v: 45352, formula: 'A1', numFmt: 'yyyy-mm-dd' });
    expect(cellOf(wb, 'A5')).toEqual({ t: 'n', v: 43890, numFmt: '0.0 b' });
  });
});

describe('exceljs adapter: structure', () => {
  it('keeps merged values only in the master and records the ranges', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('m');
      ws.getCell('A1').value = '基本信息';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = '序号';
      ws.getCell('D1').value = '备注';
      ws.mergeCells('D1:D2');
    });
    const wb = await open(bytes);
    const s = wb.sheets[0]!;
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: '基本信息' });
    expect(cellOf(wb, 'B1')).toBeUndefined();
    expect(cellOf(wb, 'C1')).toBeUndefined();
    expect(cellOf(wb, 'D2')).toBeUndefined();
    expect([...s.merges].sort()).toEqual(['A1:C1', 'D1:D2']);
  });

  it('reports sheet state and hidden rows', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('可见').getCell('A1').value = 1;
      const h = wb.addWorksheet('隐藏', { state: 'hidden' });
      h.getCell('A1').value = 2;
      const vh = wb.addWorksheet('深度隐藏', { state: 'veryHidden' });
      vh.getCell('A1').value = 3;
      const ws = wb.getWorksheet('可见')!;
      ws.getCell('A3').value = 'x';
      ws.getRow(3).hidden = true;
    });
    const wb = await open(bytes);
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
      ['可见', 'visible'],
      ['隐藏', 'hidden'],
      ['深度隐藏', 'veryHidden'],
    ]);
    expect([...wb.sheets[0]!.hiddenRows]).toEqual([3]);
    expect(wb.sheets[1]!.hiddenRows.size).toBe(0);
    expect(cellOf(wb, 'A1', 1)).toEqual({ t: 'n', v: 2 });
  });

  it('reads sheets carrying images, tables, validations, comments and protection', async () => {
    // 1×1 transparent PNG
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('全部');
      ws.getCell('A1').value = '企业名称';
      ws.getCell('B1').value = '类别';
      ws.getCell('A2').value = { text: '某公司', hyperlink: 'http://example.cn' };
      ws.getCell('B2').value = '重点';
      ws.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"重点,一般"'] };
      ws.getCell('A2').note = '批注';
      ws.addConditionalFormatting({
        ref: 'B2:B10',
        rules: [{ type: 'expression', priority: 1, formulae: ['B2="重点"'], style: { font: { bold: true } } }],
      });
      ws.autoFilter = 'A1:B1';
      const img = wb.addImage({ buffer: png as never, extension: 'png' });
      ws.addImage(img, 'D2:E4');
      const t = wb.addWorksheet('表格');
      t.addTable({
        name: 'T1',
        ref: 'A1',
        columns: [{ name: '序号' }, { name: '名称' }],
        rows: [
          [1, '甲'],
          [2, '乙'],
        ],
      });
      void t.protect('pw', {});
    });
    const wb = await open(bytes);
    expect(cellOf(wb, 'A2')).toEqual({ t: 's', v: '某公司' });
    expect(cellOf(wb, 'B2')).toEqual({ t: 's', v: '重点' });
    expect(cellOf(wb, 'B3', 1)).toEqual({ t: 's', v: '乙' });
    expect(cellOf(wb, 'A1', 1)).toEqual({ t: 's', v: '序号' });
  });

  it('survives dangling sheet relationships (hyperlinks, drawings) that crash exceljs', async () => {
    const base = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = { text: '链接', hyperlink: 'http://example.cn' };
      ws.getCell('B1').value = 5;
    });
    const bytes = rewriteZip(base, (name) => (name === 'xl/worksheets/_rels/sheet1.xml.rels' ? null : undefined));
    const plain = new ExcelJS.Workbook();
    await expect(plain.xlsx.load(bytes as never)).rejects.toThrow(/Target/);
    const wb = await open(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: '链接' });
    expect(cellOf(wb, 'B1')).toEqual({ t: 'n', v: 5 });
  });

  it('has no entries for empty cells or empty rows', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('e');
      ws.getCell('A1').value = 1;
      ws.getCell('C5').value = 'x';
      ws.getCell('B3').style = { font: { bold: true } }; // styled but empty
    });
    const wb = await open(bytes);
    const s = wb.sheets[0]!;
    expect([...s.rows.keys()]).toEqual([1, 5]);
    expect([...s.rows.get(5)!.keys()]).toEqual([3]);
  });
});

describe('phonetic runs', () => {
  it('drops <rPh> text from shared strings', async () => {
    const base = await xlsx((wb) => {
      wb.addWorksheet('p').getCell('A1').value = '漢字';
    });
    const bytes = rewriteZip(base, (name, text) =>
      name === 'xl/sharedStrings.xml' ? text.replace('<t>漢字</t>', '<t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1" type="noConversion"/>') : undefined,
    );
    expect(partText(bytes, 'xl/sharedStrings.xml')).toContain('カンジ');
    const wb = await open(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: '漢字' });
  });

  it('stripPhoneticRuns removes runs and keeps the rest', () => {
    expect(stripPhoneticRuns('<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>')).toBe('<si><t>漢字</t><phoneticPr fontId="1"/></si>');
    expect(stripPhoneticRuns('<is><r><t>a</t></r><rPh sb="0" eb="1"/></is>')).toBe('<is><r><t>a</t></r></is>');
    expect(stripPhoneticRuns('<t>no runs</t>')).toBe('<t>no runs</t>');
  });
});

describe('namespace-prefixed SpreadsheetML (WPS / OpenXML SDK)', () => {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

  it('strips the prefix from elements and declarations only', () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" a="1>2"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>x:y &lt;x:z</x:t></x:is></x:c></x:row></x:sheetData><x:hyperlinks><x:hyperlink ref="A1" r:id="rId1"/></x:hyperlinks></x:worksheet>`;
    expect(usesSpreadsheetPrefix(xml)).toBe(true);
    expect(stripSpreadsheetPrefixes(xml)).toBe(
      `<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" a="1>2"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x:y &lt;x:z</t></is></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>`,
    );
    // a default namespace already present: the prefixed declaration is dropped
    const both = `<x:sst xmlns="${MAIN}" xmlns:x="${MAIN}"><x:si><x:t>a</x:t></x:si></x:sst>`;
    expect(stripSpreadsheetPrefixes(both)).toBe(`<sst xmlns="${MAIN}"><si><t>a</t></si></sst>`);
    // other namespaces' prefixes are left alone
    const other = `<worksheet xmlns="${MAIN}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:foo/></worksheet>`;
    expect(usesSpreadsheetPrefix(other)).toBe(false);
    expect(stripSpreadsheetPrefixes(other)).toBe(other);
  });

  it('reads a workbook whose parts all use an x: prefix', async () => {
    const base = await xlsx((wb) => {
      const ws = wb.addWorksheet('附表2');
      ws.getCell('A1').value = '序号';
      ws.getCell('B1').value = '企业名称';
      ws.getCell('A2').value = 1;
      ws.getCell('B2').value = '重庆某某有限公司';
      ws.getCell('C2').value = new Date(Date.UTC(2024, 2, 1));
      ws.getCell('C2').numFmt = 'yyyy-mm-dd';
      ws.getCell('D2').value = { formula: 'A2*2', result: 2 };
      ws.mergeCells('E1:F1');
      ws.getCell('E1').value = '合并';
    });
    const parts = ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
    const bytes = rewriteZip(base, (name, text) => (parts.includes(name) ? prefixPart(text) : undefined));
    expect(partText(bytes, 'xl/workbook.xml')).toMatch(/<x:workbook xmlns:x=/);
    expect(partText(bytes, 'xl/worksheets/sheet1.xml')).toContain('<x:c r="B2"');

    // exceljs alone cannot read it
    await expect(loadWithExceljs(bytes)).rejects.toThrow(/Cannot (read|set) properties of undefined/);

    const wb = await open(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['附表2']);
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: '序号' });
    expect(cellOf(wb, 'B2')).toEqual({ t: 's', v: '重庆某某有限公司' });
    expect(cellOf(wb, 'A2')).toEqual({ t: 'n', v: 1 });
    expect(cellOf(wb, 'C2')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy-mm-dd' });
    expect(cellOf(wb, 'D2')).toEqual({ t: 'n', v: 2, formula: 'A2*2' });
    expect(wb.sheets[0]!.merges).toEqual(['E1:F1']);
    expect(cellOf(wb, 'F1')).toBeUndefined();
  });

  it('reads a workbook where only the sheets are prefixed', async () => {
    const base = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = 'a';
      ws.getCell('B1').value = 7;
    });
    const bytes = rewriteZip(base, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? prefixPart(text, 'ns0') : undefined));
    const wb = await open(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: 'a' });
    expect(cellOf(wb, 'B1')).toEqual({ t: 'n', v: 7 });
  });

  it('reads inline strings with phonetic runs once the parts are rewritten', async () => {
    const base = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = 'x';
    });
    const bytes = rewriteZip(base, (name, text) => {
      if (name !== 'xl/worksheets/sheet1.xml') return undefined;
      const withInline = text.replace(
        '</row></sheetData>',
        '</row><row r="2"><c r="A2" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c><c r="B2"><v>5</v></c></row></sheetData>',
      );
      return prefixPart(withInline);
    });
    const wb = await open(bytes);
    expect(cellOf(wb, 'A2')).toEqual({ t: 's', v: '漢字' });
    expect(cellOf(wb, 'B2')).toEqual({ t: 'n', v: 5 });
  });
});
