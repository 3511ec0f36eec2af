/**
 * Differential test of the fast reader (src/core/workbook/fast/) against the exceljs adapter:
 * the same GridWorkbook for every workbook built here and every .xlsx under fixtures/, and the
 * same validate findings with either reader. Where exceljs is provably wrong the fast reader is
 * right, and each such case is a named test in "where exceljs is wrong" below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOW_LIST } from '../../src/core/ids/allow-list.js';
import { validateFile } from '../../src/core/validate/validate.js';
import { loadWithExceljs } from '../../src/core/workbook/exceljs-adapter.js';
import { loadFast } from '../../src/core/workbook/fast/index.js';
import { getCell, type GridCell, type GridWorkbook } from '../../src/core/workbook/grid.js';
import { openWorkbook, type OpenResult } from '../../src/core/workbook/open.js';
import { partText, prefixPart, reasonOf, rewriteZip, xlsx } from './helpers.js';

// ---------------------------------------------------------------------------------------
// helpers

/** Everything the grid says, in iteration order (rows and cells must come out ascending). */
function canon(wb: GridWorkbook) {
  return {
    date1904: wb.date1904,
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      state: s.state,
      rows: [...s.rows].map(([r, cells]) => [r, [...cells]] as const),
      merges: [...s.merges].sort(),
      hiddenRows: [...s.hiddenRows],
    })),
  };
}

async function both(bytes: Uint8Array): Promise<{ ex: OpenResult; fast: OpenResult }> {
  return { ex: await openWorkbook(bytes, { reader: 'exceljs' }), fast: await openWorkbook(bytes, { reader: 'fast' }) };
}

/** Both readers read the bytes, to the same grid; returns it. */
async function expectSame(bytes: Uint8Array): Promise<GridWorkbook> {
  const { ex, fast } = await both(bytes);
  if (!ex.ok) throw new Error(`exceljs failed: ${JSON.stringify(ex.findings)}`);
  if (!fast.ok) throw new Error(`fast reader failed: ${JSON.stringify(fast.findings)}`);
  expect(canon(fast.workbook)).toStrictEqual(canon(ex.workbook));
  // and directly, without openWorkbook
  expect(canon(await loadFast(bytes))).toStrictEqual(canon(fast.workbook));
  return fast.workbook;
}

function cellOf(wb: GridWorkbook, ref: string, sheet = 0): GridCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return getCell(wb.sheets[sheet]!, Number(m[2]), c);
}

const SHEET1 = 'xl/worksheets/sheet1.xml';

/** Replace sheet1's <sheetData> content (keeping exceljs' styles, sst and the rest). */
function withSheetData(base: Uint8Array, rowsXml: string): Uint8Array {
  return rewriteZip(base, (name, text) => (name === SHEET1 ? text.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rowsXml}</sheetData>`) : undefined));
}

/** A one-sheet workbook with a style for dates (s="1": yyyy-mm-dd) to graft XML onto. */
async function base(): Promise<Uint8Array> {
  return xlsx((wb) => {
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'x';
    ws.getCell('B1').value = 1;
    ws.getCell('B1').numFmt = 'yyyy-mm-dd';
  });
}

/** A relationships part with its elements prefixed (`<p:Relationship>`), as OpenXML SDK can write it. */
function prefixRels(xml: string): string {
  const ns = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return xml.replace(`xmlns="${ns}"`, `xmlns:p="${ns}"`).replace(/<(\/?)(Relationships?)(?=[\s>/])/g, '<$1p:$2');
}

/** Zip the parts in the given order (names listed first come first). */
function reorderZip(bytes: Uint8Array, first: string[]): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const n of first) if (files[n]) out[n] = files[n]!;
  for (const [n, d] of Object.entries(files)) if (!n.endsWith('/') && !(n in out)) out[n] = d;
  return zipSync(out);
}

// ---------------------------------------------------------------------------------------

describe('fast reader = exceljs adapter: value shapes', () => {
  it('strings, numbers, booleans, rich text, hyperlinks, errors, empty text', async () => {
    const wb = await expectSame(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('数据');
        ws.getCell('A1').value = '  企业名称 ';
        ws.getCell('B1').value = 3.5;
        ws.getCell('C1').value = true;
        ws.getCell('C2').value = false;
        ws.getCell('D1').value = { richText: [{ text: '重庆' }, { text: '某公司', font: { bold: true } }] };
        ws.getCell('E1').value = { text: 'a@b.cn', hyperlink: 'mailto:a@b.cn' };
        ws.getCell('F1').value = { text: { richText: [{ text: '富' }, { text: '文本' }] }, hyperlink: 'http://x' } as never;
        ws.getCell('G1').value = { error: '#N/A' } as never;
        ws.getCell('H1').value = { error: '#REF!' } as never;
        ws.getCell('H2').value = { error: '#DIV/0!' } as never;
        ws.getCell('I1').value = '';
        ws.getCell('J1').value = 0;
        ws.getCell('K1').value = 1234567890123456;
        ws.getCell('K2').value = -0.1 + 0.3;
        ws.getCell('L1').value = '91500000MA5U000000';
        ws.getCell('L1').numFmt = '@';
        ws.getCell('M1').value = '=1+1 (text, not a formula)';
      }),
    );
    expect(cellOf(wb, 'D1')).toEqual({ t: 's', v: '重庆某公司' });
    expect(cellOf(wb, 'H1')).toEqual({ t: 'e', v: '#REF!' });
  });

  it('formulas: cached results of every type, none, shared, array, leading =', async () => {
    const wb = await expectSame(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('f');
        ws.getCell('B2').value = 1;
        ws.getCell('B3').value = 2;
        ws.getCell('A1').value = { formula: 'SUM(B2:B3)' } as never;
        ws.getCell('A2').value = { formula: 'B2+B3', result: 3 };
        ws.getCell('A3').value = { formula: 'B2-B2', result: 0 };
        ws.getCell('A4').value = { formula: 'B2>5', result: false };
        ws.getCell('A5').value = { formula: '"x"&B2', result: 'x1' };
        ws.getCell('A6').value = { formula: 'B2/0', result: { error: '#DIV/0!' } } as never;
        ws.getCell('A7').value = { formula: 'DATE(2024,3,1)', result: new Date(Date.UTC(2024, 2, 1)) };
        ws.getCell('A7').numFmt = 'yyyy-mm-dd';
        ws.getCell('A8').value = { formula: '""', result: '' };
        ws.getCell('C1').value = { formula: 'B2*2', result: 2, shareType: 'shared', ref: 'C1:C3' } as never;
        ws.getCell('C2').value = { sharedFormula: 'C1', result: 4 } as never;
        ws.getCell('C3').value = { sharedFormula: 'C1', result: 0 } as never;
        ws.getCell('D1').value = { formula: '=B2', result: 1 };
        ws.getCell('E1').value = { formula: 'ROW()', result: 1, shareType: 'array', ref: 'E1:E1' } as never;
      }),
    );
    expect(cellOf(wb, 'C3')).toEqual({ t: 'n', v: 0, formula: 'B4*2' });
    expect(cellOf(wb, 'A1')).toEqual({ t: 'z', v: null, formula: 'SUM(B2:B3)' });
  });

  it('shared formulas as Excel writes them, with absolute references, ranges and sheet names', async () => {
    const b = await base();
    const rows = [
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B4" si="0">A1*2+$A$1+SUM(A$1:A1)+\'其他表\'!A1+Sheet2!$A1</f><v>5</v></c></row>',
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>8</v></c></row>',
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>0</v></c></row>',
      '<row r="4"><c r="A4"><v>4</v></c><c r="B4"><f t="shared" si="0"/></c><c r="C4"><f t="shared" si="7"/><v>1</v></c></row>',
    ].join('');
    const wb = await expectSame(withSheetData(b, rows));
    expect(cellOf(wb, 'B3')).toEqual({ t: 'n', v: 0, formula: "A3*2+$A$1+SUM(A$1:A3)+'其他表'!A3+Sheet2!$A3" });
    expect(cellOf(wb, 'B4')).toEqual({ t: 'z', v: null, formula: "A4*2+$A$1+SUM(A$1:A4)+'其他表'!A4+Sheet2!$A4" });
    expect(cellOf(wb, 'C4')).toEqual({ t: 'n', v: 1 }); // a dependent whose master never came: no text
  });

  it('numbers as producers write them; cell types by the t attribute', async () => {
    const b = await base();
    const rows =
      '<row r="1">' +
      ['1E3', ' 12 ', '-0', '1.5e-7', '00012', ''].map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join('') +
      '</row><row r="2"><c r="A2" t="b"><v>0</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>true</v></c>' +
      '<c r="D2" t="e"><v>#NAME?</v></c><c r="E2" t="str"><v>text 文本</v></c><c r="F2" t="inlineStr"><is><t xml:space="preserve"> 行内 </t></is></c>' +
      '<c r="G2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c><c r="H2" t="n"><v>7</v></c>' +
      '<c r="K2" t="inlineStr"><is><r><t>c_x000D_d</t></r></is></c><c r="L2" t="inlineStr"><is><t></t></is></c>' +
      '<c r="M2" s="1"/><c r="N2"/></row>';
    const wb = await expectSame(withSheetData(b, rows));
    expect(cellOf(wb, 'B1')).toEqual({ t: 'n', v: 12 });
    expect(cellOf(wb, 'C2')).toEqual({ t: 'b', v: true });
    expect(cellOf(wb, 'K2')).toEqual({ t: 's', v: 'c\rd' }); // rich runs go through exceljs' TextXform, which decodes
  });

  it('shared strings: rich runs, phonetic runs, _x escapes, empty items, 32,767 characters, control characters', async () => {
    const long = '长'.repeat(32_767);
    const base0 = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ['漢字', 'plain', 'rich', 'esc', 'empty', 'runs', long, 'ctl', 'lower'].forEach((v, i) => (ws.getCell(1, i + 1).value = v));
    });
    const bytes = rewriteZip(base0, (name, text) => {
      if (name !== 'xl/sharedStrings.xml') return undefined;
      return text
        .replace('<t>漢字</t>', '<t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1" type="noConversion"/>')
        .replace('<t>rich</t>', '<r><t>重</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">庆 </t></r><rPh sb="0" eb="1"><t>チョン</t></rPh>')
        .replace('<t>esc</t>', '<t>a_x000D__x000A_b_x005F_x0041_c_x0009_</t>')
        .replace('<t>empty</t>', '')
        .replace('<t>runs</t>', '<r><rPr><b/></rPr></r><r><t/></r>')
        .replace('<t>ctl</t>', '<t>x_x0001_y_x001F_z&#9;</t>')
        .replace('<t>lower</t>', '<t>_x000D_ &amp; &lt;&gt; &#x4E2D;</t>');
    });
    const wb = await expectSame(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 's', v: '漢字' });
    expect(cellOf(wb, 'B1')).toEqual({ t: 's', v: 'plain' });
    expect(cellOf(wb, 'C1')).toEqual({ t: 's', v: '重庆 ' });
    expect(cellOf(wb, 'D1')).toEqual({ t: 's', v: 'a\r\nb_x0041_c\t' }); // _x005F_ escapes the underscore: decoded once
    expect(cellOf(wb, 'E1')).toBeUndefined(); // <si></si>
    expect(cellOf(wb, 'F1')).toEqual({ t: 's', v: '' });
    expect(cellOf(wb, 'G1')).toEqual({ t: 's', v: long });
    expect(cellOf(wb, 'H1')).toEqual({ t: 's', v: 'x\u0001y\u001Fz\t' });
    expect(cellOf(wb, 'I1')).toEqual({ t: 's', v: '\r & <> 中' });
  });
});

describe('fast reader = exceljs adapter: number formats and dates', () => {
  it('custom formats (escapes included), built-in ids, East Asian ids, General', async () => {
    const base0 = await xlsx((wb) => {
      const ws = wb.addWorksheet('d');
      const fmts = ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'yyyy年m月d日', '0.00', '0.00_ ', '[$-F800]dddd, mmmm dd, yyyy', 'YYYY"年"', '0.0 b', '@', 'hh:mm:ss', '[h]:mm', 'General'];
      fmts.forEach((f, i) => {
        const c = ws.getCell(1, i + 1);
        c.value = 45352.75;
        c.numFmt = f;
      });
      ['0%', '0.00%', '#,##0', '0.00E+00'].forEach((f, i) => {
        const c = ws.getCell(2, i + 1);
        c.value = 45352;
        c.numFmt = f;
      });
    });
    // built-in ids without <numFmt>: 9→14, 10→31, 3→57, 11→22; and escapes in a custom code
    const bytes = rewriteZip(base0, (name, text) =>
      name === 'xl/styles.xml'
        ? text
            .replace(/numFmtId="9"/g, 'numFmtId="14"')
            .replace(/numFmtId="10"/g, 'numFmtId="31"')
            .replace(/numFmtId="3"/g, 'numFmtId="57"')
            .replace(/numFmtId="11"/g, 'numFmtId="22"')
            .replace('formatCode="yyyy-mm-dd"', 'formatCode="yyyy\\-mm\\-dd"')
        : undefined,
    );
    expect(partText(bytes, 'xl/styles.xml')).toContain('yyyy\\-mm\\-dd');
    const wb = await expectSame(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 'n', v: 45352.75, numFmt: 'yyyy-mm-dd' });
    expect(cellOf(wb, 'A2')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy/m/d' });
    expect(cellOf(wb, 'B2')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy"年"m"月"d"日"' });
  });

  it('an empty custom code, unknown ids and style indexes past the end', async () => {
    const b = await base();
    const bytes = rewriteZip(
      withSheetData(
        b,
        '<row r="1"><c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>45352</v></c><c r="C1" s="3"><v>45352</v></c><c r="D1" s="99"><v>45352</v></c><c r="E1" s="x"><v>1</v></c></row>',
      ),
      (name, text) => {
        if (name !== 'xl/styles.xml') return undefined;
        return text
          .replace(/<numFmts count="\d+">/, '<numFmts count="2"><numFmt numFmtId="14" formatCode=""/>')
          .replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, xfs: string) => {
            const first = /<xf [^>]*\/>|<xf [\s\S]*?<\/xf>/.exec(xfs)![0];
            return `<cellXfs count="4">${first}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="200" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="abc" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`;
          });
      },
    );
    const wb = await expectSame(bytes);
    expect(cellOf(wb, 'A1')).toEqual({ t: 'n', v: 45352, numFmt: 'mm-dd-yy' }); // exceljs' own table behind an empty code
    expect(cellOf(wb, 'B1')).toEqual({ t: 'n', v: 45352 });
    expect(cellOf(wb, 'D1')).toEqual({ t: 'n', v: 45352 });
  });

  it('dates: times, milliseconds, the 1900 leap day, huge and negative serials', async () => {
    const b = await base();
    const vals = ['45352.123456789', '60', '61', '1', '0.5', '-1', '1e20', '2958465.9999999', '45352.999999999'];
    const wb = await expectSame(withSheetData(b, '<row r="1">' + vals.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${v}</v></c>`).join('') + '</row>'));
    expect(cellOf(wb, 'G1')).toEqual({ t: 'e', v: '#NUM!', numFmt: 'yyyy-mm-dd' });
  });

  it('1904 workbooks: only date-formatted numbers move', async () => {
    const base0 = await xlsx((wb) => {
      const ws = wb.addWorksheet('d');
      const cells: [string, number | object, string | undefined][] = [
        ['A1', 43890, 'yyyy-mm-dd'],
        ['A2', 43890, 'YYYY"年"'],
        ['A3', 43890, undefined],
        ['A4', { formula: 'A1', result: 43890 }, 'yyyy-mm-dd'],
        ['A5', 43890, '0.0 b'],
        ['A6', 43890.5, 'yyyy"年"m"月"d"日" h:mm'],
        ['A7', { formula: 'A3', result: 43890 }, undefined],
      ];
      for (const [ref, v, f] of cells) {
        ws.getCell(ref).value = v as never;
        if (f) ws.getCell(ref).numFmt = f;
      }
    });
    const bytes = rewriteZip(base0, (name, text) => (name === 'xl/workbook.xml' ? text.replace('<workbookPr', '<workbookPr date1904="1"') : undefined));
    const wb = await expectSame(bytes);
    expect(wb.date1904).toBe(true);
    expect(cellOf(wb, 'A2')).toEqual({ t: 'n', v: 45352, numFmt: 'YYYY"年"' });
    expect(cellOf(wb, 'A5')).toEqual({ t: 'n', v: 43890, numFmt: '0.0 b' });
  });
});

describe('fast reader = exceljs adapter: structure', () => {
  it('merges (over data too), hidden rows, sheet states, several sheets', async () => {
    const wb = await expectSame(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('可见');
        ws.getCell('A1').value = '基本信息';
        ws.getCell('B1').value = '被合并的数据';
        ws.mergeCells('A1:C1');
        ws.getCell('D1').value = '备注';
        ws.mergeCells('D1:D3');
        ws.getCell('A3').value = 'x';
        ws.getRow(3).hidden = true; // hidden, with a value
        ws.getRow(2).hidden = true; // hidden, only a merge slave (D2)
        ws.getRow(5).hidden = true; // hidden, styled but empty
        ws.getCell('A5').style = { font: { bold: true } };
        ws.getRow(6).hidden = true; // hidden and empty
        ws.getCell('F6').value = null;
        ws.getCell('A8').value = 'y';
        ws.mergeCells('A8:B9');
        ws.getRow(9).hidden = true;
        wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 2;
        wb.addWorksheet('深度隐藏', { state: 'veryHidden' }).getCell('A1').value = 3;
        wb.addWorksheet('空表');
      }),
    );
    expect([...wb.sheets[0]!.hiddenRows]).toEqual([2, 3, 9]);
    expect(cellOf(wb, 'B1')).toBeUndefined();
    expect(wb.sheets.map((s) => s.state)).toEqual(['visible', 'hidden', 'veryHidden', 'visible']);
  });

  it('merges written in any order and form; a hidden empty row under a merge', async () => {
    const b = await base();
    const bytes = rewriteZip(
      withSheetData(
        b,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>m</t></is></c><c r="B1"><v>5</v></c></row><row r="2" hidden="1"/><row r="4" hidden="true"><c r="A4"><v>1</v></c></row><row r="5" hidden="0"><c r="A5"><v>1</v></c></row>',
      ),
      (name, text) =>
        name === SHEET1
          ? text.replace('</sheetData>', '</sheetData><mergeCells count="3"><mergeCell ref="B2:A1"/><mergeCell ref="$C$1:$C$1"/><mergeCell ref="D7"/></mergeCells>')
          : undefined,
    );
    const wb = await expectSame(bytes);
    expect(wb.sheets[0]!.merges).toEqual(['A1:B2', 'C1:C1', 'D7:D7']);
    expect([...wb.sheets[0]!.hiddenRows]).toEqual([2, 4]);
  });

  it('duplicate and out-of-order rows and cells', async () => {
    const b = await base();
    const rows =
      '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c></row>' +
      '<row r="2" hidden="1"><c r="A2"><v>1</v></c></row><row r="2"><c r="B2"><v>9</v></c></row>' +
      '<row r="4"><c r="A4"><v>1</v></c><c r="A4"><v>2</v></c><c r="B4"><v>1</v></c><c r="B4" s="1"/><c r="C4"><v>1</v></c><c r="C4"/></row>';
    const wb = await expectSame(withSheetData(b, rows));
    expect([...wb.sheets[0]!.rows.keys()]).toEqual([1, 2, 3, 4]);
    expect([...wb.sheets[0]!.rows.get(1)!.keys()]).toEqual([1, 2]);
    expect(cellOf(wb, 'A2')).toBeUndefined();
    expect(cellOf(wb, 'A4')).toEqual({ t: 'n', v: 2 });
    expect(cellOf(wb, 'B4')).toBeUndefined();
    expect(cellOf(wb, 'C4')).toEqual({ t: 'n', v: 1 });
  });

  it('a lying or missing <dimension>, a million empty trailing rows', async () => {
    const b = await base();
    const lying = rewriteZip(b, (name, text) => (name === SHEET1 ? text.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:B2"/>') : undefined));
    await expectSame(lying);
    const none = rewriteZip(b, (name, text) => (name === SHEET1 ? text.replace(/<dimension ref="[^"]*"\/>/, '') : undefined));
    await expectSame(none);
    let empty = '';
    for (let r = 3; r < 200_000; r++) empty += `<row r="${r}"/>`;
    const trailing = rewriteZip(b, (name, text) => (name === SHEET1 ? text.replace('</sheetData>', `${empty}</sheetData>`) : undefined));
    const wb = await expectSame(trailing);
    expect([...wb.sheets[0]!.rows.keys()]).toEqual([1]);
  });

  it('namespace-prefixed SpreadsheetML (WPS / OpenXML SDK), with inline phonetic runs', async () => {
    const base0 = await xlsx((wb) => {
      const ws = wb.addWorksheet('附表2');
      ws.getCell('A1').value = '序号';
      ws.getCell('B2').value = '重庆某某有限公司';
      ws.getCell('C2').value = new Date(Date.UTC(2024, 2, 1));
      ws.getCell('C2').numFmt = 'yyyy-mm-dd';
      ws.getCell('D2').value = { formula: 'A2*2', result: 2 };
      ws.getCell('E1').value = '合并';
      ws.mergeCells('E1:F1');
      ws.getRow(2).hidden = true;
      wb.addWorksheet('第二', { state: 'hidden' }).getCell('A1').value = 1;
    });
    const parts = ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels'];
    const bytes = rewriteZip(base0, (name, text) => {
      if (!parts.includes(name)) return undefined;
      let t = text;
      if (name === SHEET1) t = t.replace('</sheetData>', '<row r="3"><c r="A3" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c></row></sheetData>');
      return name.endsWith('.rels') ? prefixRels(t) : prefixPart(t);
    });
    expect(partText(bytes, SHEET1)).toContain('<x:c r="B2"');
    await expect(loadWithExceljs(bytes)).rejects.toThrow();
    const wb = await expectSame(bytes);
    expect(cellOf(wb, 'A3')).toEqual({ t: 's', v: '漢字' });
    expect(cellOf(wb, 'C2')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy-mm-dd' });
    expect(wb.sheets[1]!.state).toBe('hidden');
  });

  it('shared strings after the sheets in the zip, or before', async () => {
    const b = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      for (let r = 1; r <= 50; r++) ws.getRow(r).values = [r, `企业${r}`, `地址${r}`];
    });
    expect(Object.keys(unzipSync(b)).indexOf('xl/sharedStrings.xml')).toBeGreaterThan(Object.keys(unzipSync(b)).indexOf(SHEET1));
    await expectSame(b);
    await expectSame(reorderZip(b, ['xl/sharedStrings.xml', 'xl/styles.xml']));
  });

  it('CJK text across decoder chunk boundaries, in shared strings and inline strings', async () => {
    const names: string[] = [];
    for (let i = 0; i < 30_000; i++) names.push(`重庆市九龙坡区鑫源化工有限公司第${i}分厂（二期）`);
    const b = await xlsx((wb) => {
      const ws = wb.addWorksheet('长表');
      names.forEach((n, i) => (ws.getCell(i + 1, 1).value = n));
    });
    // and the same text as inline strings in the sheet itself
    let inline = '';
    names
      .slice(0, 20_000)
      .forEach(
        (n, i) =>
          (inline += `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${n}</t></is></c><c r="B${i + 1}" t="inlineStr"><is><r><t>${n.slice(0, 7)}</t></r><r><t>${n.slice(7)}</t></r></is></c></row>`),
      );
    const wbShared = await expectSame(b);
    const wbInline = await expectSame(withSheetData(b, inline));
    for (const wb of [wbShared, wbInline]) {
      for (const row of wb.sheets[0]!.rows.values()) for (const c of row.values()) expect(String(c.v)).not.toContain('\uFFFD');
    }
    expect(cellOf(wbInline, 'B19999')).toEqual({ t: 's', v: names[19_998] });
  }, 120_000);

  it('a workbook stored without compression, and one with a part name in other case', async () => {
    const b = await base();
    const stored = zipSync(Object.fromEntries(Object.entries(unzipSync(b)).filter(([n]) => !n.endsWith('/'))), { level: 0 });
    await expectSame(stored);
  });

  it('both refuse the same broken XML', async () => {
    const b = await base();
    const breakings: [string, (t: string) => string][] = [
      [SHEET1, (t) => t.replace('</sheetData>', '')],
      [SHEET1, (t) => t.replace('<v>1</v>', '<v>1</x>')],
      [SHEET1, (t) => t.replace('<v>1</v>', '<v>&nbsp;1</v>')],
      [SHEET1, (t) => t.replace('<v>1</v>', '<v>1\u0001</v>')],
      [SHEET1, (t) => t.replace('<c r="B1"', '<c r="B1" r="B1"')],
      ['xl/sharedStrings.xml', (t) => t.replace('<t>x</t>', '<t>x</t><t a=1>')],
      ['xl/workbook.xml', (t) => t.replace('<sheets>', '<sheets><<')],
    ];
    for (const [part, edit] of breakings) {
      const bad = rewriteZip(b, (name, text) => (name === part ? edit(text) : undefined));
      const { ex, fast } = await both(bad);
      expect(ex.ok).toBe(false);
      expect(fast.ok).toBe(false);
      // the default reader falls back to exceljs, which fails too: the finding names the sheet where the
      // fast reader met the damage, else it is exceljs' one
      const auto = await openWorkbook(bad);
      if (part === SHEET1) expect(!auto.ok && reasonOf(auto.findings[0]!, 'en')).toMatch(/^sheet "s" cannot be read \(its XML is damaged: /);
      else expect(auto).toEqual(ex);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Where exceljs is provably wrong, the fast reader is right. Each case names the difference.

describe('where exceljs is wrong (the fast reader is right)', () => {
  it('_xHHHH_ in lower case, and in plain inline strings: exceljs leaves them undecoded (Excel decodes both, once)', async () => {
    const b = await base();
    const bytes = rewriteZip(withSheetData(b, '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a_x000D_b_x005f_x0041_</t></is></c></row>'), (name, text) =>
      name === 'xl/sharedStrings.xml' ? text.replace('<t>x</t>', '<t>_x000d_ SH_x005f_x000D_Z</t>') : undefined,
    );
    const { ex, fast } = await both(bytes);
    expect(ex.ok && cellOf(ex.workbook, 'A1')).toEqual({ t: 's', v: '_x000d_ SH_x005f\rZ' });
    expect(ex.ok && cellOf(ex.workbook, 'B1')).toEqual({ t: 's', v: 'a_x000D_b_x005f_x0041_' });
    expect(fast.ok && cellOf(fast.workbook, 'A1')).toEqual({ t: 's', v: '\r SH_x000D_Z' });
    expect(fast.ok && cellOf(fast.workbook, 'B1')).toEqual({ t: 's', v: 'a\rb_x0041_' });
  });

  it('a number that is no number, an unknown cell type: exceljs guesses (#NUM!, a number), the fast reader refuses', async () => {
    const b = await base();
    // (null: exceljs reads NaN, which it would show as #NUM!; the adapter refuses the file rather than guess)
    for (const [cell, guess] of [
      ['<c r="A1"><v>abc</v></c>', null],
      ['<c r="A1"><v>1,5</v></c>', { t: 'n', v: 1 }],
      ['<c r="A1"><v>0x10</v></c>', { t: 'n', v: 0 }],
      ['<c r="A1"><v>Infinity</v></c>', null],
      ['<c r="A1" t="x"><v>8</v></c>', { t: 'n', v: 8 }],
      ['<c r="A1" t="b"><v>yes</v></c>', { t: 'b', v: true }],
    ] as const) {
      const { ex, fast } = await both(withSheetData(b, `<row r="1">${cell}</row>`));
      if (guess === null) expect(!ex.ok && reasonOf(ex.findings[0]!, 'en'), cell).toMatch(/neither a number nor an error/);
      else expect(ex.ok && cellOf(ex.workbook, 'A1'), cell).toEqual(guess);
      expect(fast.ok, cell).toBe(false);
      expect(!fast.ok && reasonOf(fast.findings[0]!, 'en'), cell).toMatch(/cell A1/);
    }
  });

  it('an inline string with a <v> beside its <is>: the text is the <is>', async () => {
    const b = await base();
    const bytes = withSheetData(b, '<row r="1"><c r="A1" t="inlineStr"><v>15</v><is><t>258822991196</t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is><v>16</v></c></row>');
    const { fast } = await both(bytes);
    expect(fast.ok && canon(fast.workbook).sheets[0]!.rows).toEqual([
      [
        1,
        [
          [1, { t: 's', v: '258822991196' }],
          [2, { t: 's', v: 'x' }],
        ],
      ],
    ]);
  });

  it('inline-string phonetic runs: exceljs loses the cell (its </rPh> ends the cell early)', async () => {
    const b = await base();
    const bytes = withSheetData(b, '<row r="1"><c r="A1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c><c r="B1"><v>5</v></c></row>');
    const { ex, fast } = await both(bytes);
    expect(ex.ok && cellOf(ex.workbook, 'A1')).toBeUndefined();
    expect(fast.ok && canon(fast.workbook).sheets[0]!.rows).toEqual([
      [
        1,
        [
          [1, { t: 's', v: '漢字' }],
          [2, { t: 'n', v: 5 }],
        ],
      ],
    ]);
  });

  it('t="d" ISO dates: exceljs parseFloat()s "2024-03-01" to 2024', async () => {
    const b = await base();
    const bytes = withSheetData(
      b,
      '<row r="1"><c r="A1" t="d" s="1"><v>2024-03-01</v></c><c r="B1" t="d"><v>2024-03-01T18:00:00</v></c><c r="C1" t="d" s="1"><v>1900-02-28T00:00:00.000Z</v></c></row>',
    );
    const { ex, fast } = await both(bytes);
    expect(ex.ok && cellOf(ex.workbook, 'A1')).toEqual({ t: 'n', v: 2024, numFmt: 'yyyy-mm-dd' });
    expect(fast.ok && canon(fast.workbook).sheets[0]!.rows).toEqual([
      [
        1,
        [
          [1, { t: 'n', v: 45352, numFmt: 'yyyy-mm-dd' }],
          [2, { t: 'n', v: 45352.75 }],
          [3, { t: 'n', v: 59, numFmt: 'yyyy-mm-dd' }],
        ],
      ],
    ]);
  });

  it('cells and rows without r attributes: exceljs throws, the fast reader places them by position', async () => {
    const b = await base();
    const bytes = withSheetData(
      b,
      '<row><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c><c/><c><v>4</v></c></row><row r="5"><c r="C5"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>',
    );
    const { ex, fast } = await both(bytes);
    expect(ex.ok).toBe(false);
    expect(fast.ok && canon(fast.workbook).sheets[0]!.rows).toEqual([
      [
        1,
        [
          [1, { t: 'n', v: 1 }],
          [2, { t: 's', v: 'b' }],
          [4, { t: 'n', v: 4 }],
        ],
      ],
      [
        5,
        [
          [3, { t: 'n', v: 5 }],
          [4, { t: 'n', v: 6 }],
        ],
      ],
      [6, [[1, { t: 'n', v: 7 }]]],
    ]);
  });

  it('parts found through the relationships: exceljs skips a sheet not named xl/worksheets/sheetN.xml', async () => {
    const b = await base();
    const files = unzipSync(b);
    const out: Zippable = {};
    for (const [n, d] of Object.entries(files)) {
      if (n.endsWith('/')) continue;
      if (n === SHEET1) out['xl/worksheets/数据表.xml'] = d;
      else if (n === 'xl/_rels/workbook.xml.rels') out[n] = strToU8(strFromU8(d).replace('worksheets/sheet1.xml', '/xl/worksheets/%E6%95%B0%E6%8D%AE%E8%A1%A8.xml'));
      else if (n === '[Content_Types].xml') out[n] = strToU8(strFromU8(d).replace('/xl/worksheets/sheet1.xml', '/xl/worksheets/数据表.xml'));
      else out[n] = d;
    }
    const bytes = zipSync(out);
    const { ex, fast } = await both(bytes);
    expect(ex.ok && ex.workbook.sheets).toEqual([]);
    expect(fast.ok && cellOf(fast.workbook, 'A1')).toEqual({ t: 's', v: 'x' });
  });

  it('date1904="true": exceljs only reads "1"', async () => {
    const b = await base();
    const bytes = rewriteZip(b, (name, text) => (name === 'xl/workbook.xml' ? text.replace('<workbookPr', '<workbookPr date1904="true"') : undefined));
    const { ex, fast } = await both(bytes);
    expect(ex.ok && ex.workbook.date1904).toBe(false);
    expect(fast.ok && fast.workbook.date1904).toBe(true);
    expect(fast.ok && cellOf(fast.workbook, 'B1')).toEqual({ t: 'n', v: 1 + 1462, numFmt: 'yyyy-mm-dd' });
  });

  it('CDATA: exceljs drops the text', async () => {
    const b = await base();
    const bytes = withSheetData(b, '<row r="1"><c r="A1"><v><![CDATA[42]]></v></c><c r="B1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>');
    const { ex, fast } = await both(bytes);
    expect(ex.ok && ex.workbook.sheets[0]!.rows.size).toBe(0);
    expect(fast.ok && canon(fast.workbook).sheets[0]!.rows).toEqual([
      [
        1,
        [
          [1, { t: 'n', v: 42 }],
          [2, { t: 's', v: 'a<b' }],
        ],
      ],
    ]);
  });

  it('cells without a style use cellXfs[0]: exceljs gives them no format', async () => {
    const b = await base();
    const bytes = rewriteZip(withSheetData(b, '<row r="1"><c r="A1"><v>45352</v></c><c r="B1" s="0"><v>45352</v></c></row>'), (name, text) =>
      name === 'xl/styles.xml' ? text.replace(/(<cellXfs count="\d+"><xf )numFmtId="0"/, '$1numFmtId="31"') : undefined,
    );
    const { ex, fast } = await both(bytes);
    expect(ex.ok && cellOf(ex.workbook, 'A1')).toEqual({ t: 'n', v: 45352 });
    expect(fast.ok && cellOf(fast.workbook, 'A1')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy"年"m"月"d"日"' });
    expect(fast.ok && cellOf(fast.workbook, 'B1')).toEqual({ t: 'n', v: 45352, numFmt: 'yyyy"年"m"月"d"日"' });
  });

  it('t="str" cached results: exceljs XML-decodes them a second time', async () => {
    const b = await base();
    const bytes = withSheetData(b, '<row r="1"><c r="A1" t="str"><f>"R&amp;amp;D"</f><v>R&amp;amp;D</v></c><c r="B1" t="str"><v>a&amp;lt;b</v></c></row>');
    const { ex, fast } = await both(bytes);
    expect(ex.ok && cellOf(ex.workbook, 'A1')).toEqual({ t: 's', v: 'R&D', formula: '"R&amp;D"' });
    expect(fast.ok && cellOf(fast.workbook, 'A1')).toEqual({ t: 's', v: 'R&amp;D', formula: '"R&amp;D"' });
    expect(fast.ok && cellOf(fast.workbook, 'B1')).toEqual({ t: 's', v: 'a&lt;b' });
  });

  it('sheet names over 31 characters: exceljs refuses the workbook (it truncates, then finds the name taken)', async () => {
    const b = await xlsx((wb) => {
      wb.addWorksheet('一').getCell('A1').value = 1;
    });
    const long = '很长的工作表名称'.repeat(5);
    const bytes = rewriteZip(b, (name, text) => (name === 'xl/workbook.xml' ? text.replace('name="一"', `name="${long}"`) : undefined));
    const { ex, fast } = await both(bytes);
    expect(ex.ok).toBe(false);
    expect(!ex.ok && reasonOf(ex.findings[0]!, 'en')).toMatch(/already exists/);
    expect(fast.ok && fast.workbook.sheets.map((s) => s.name)).toEqual([long]);
  });

  it('two sheets with the same sheetId: exceljs keeps only the last', async () => {
    const b = await xlsx((wb) => {
      wb.addWorksheet('一').getCell('A1').value = 1;
      wb.addWorksheet('二').getCell('A1').value = 2;
    });
    const bytes = rewriteZip(b, (name, text) => (name === 'xl/workbook.xml' ? text.replace('sheetId="2"', 'sheetId="1"') : undefined));
    const { ex, fast } = await both(bytes);
    expect(ex.ok && ex.workbook.sheets.map((s) => s.name)).toEqual(['二']);
    expect(fast.ok && fast.workbook.sheets.map((s) => s.name)).toEqual(['一', '二']);
  });
});

describe('fast reader only', () => {
  it('a million empty trailing rows cost no memory per row', async () => {
    const b = await base();
    const parts: string[] = [];
    for (let r = 2; r <= 1_000_001; r++) parts.push(`<row r="${r}" hidden="1"/>`);
    const bytes = rewriteZip(b, (name, text) => (name === SHEET1 ? text.replace('</sheetData>', `${parts.join('')}</sheetData>`) : undefined));
    const t = Date.now();
    const wb = await loadFast(bytes);
    expect(Date.now() - t).toBeLessThan(20_000);
    expect([...wb.sheets[0]!.rows.keys()]).toEqual([1]);
    expect(wb.sheets[0]!.hiddenRows.size).toBe(0);
  });

  it('refuses a part that inflates beyond its declared size, and a zip it cannot read', async () => {
    await expect(loadFast(new Uint8Array([1, 2, 3]))).rejects.toThrow();
    const b = await base();
    await expect(loadFast(b, { maxInflatedBytes: 100 })).rejects.toThrow(/cap/);
  });
});

// ---------------------------------------------------------------------------------------
// Every fixture, both readers; and validate's findings with both readers

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'fixtures');

function walk(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names.sort()) {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (/\.xlsx$/i.test(n)) out.push(p);
  }
  return out;
}

/**
 * Fixtures the two readers read differently on purpose, by path under fixtures/. In each,
 * exceljs cannot read the file, and the fast reader (so the default reader) reads it;
 * 'never finishes': exceljs does not come back (or runs out of memory), so it is not even tried.
 */
const FIXTURE_EXCEPTIONS: Record<string, { exceljs: 'fails' | 'never finishes'; why: string }> = {
  'bad/annex/忠县3季度汇总表-无行号列号.xlsx': {
    exceljs: 'fails',
    why: 'rows and cells without r= attributes: exceljs throws "Invalid row number in model"; the fast reader places them by position',
  },
  'bad/annex/梁平区3季度汇总表-整列整表合并.xlsx': {
    exceljs: 'never finishes',
    why: 'merges over whole columns and the rest of the sheet: exceljs creates every merged cell (17 billion) and runs out of memory; the fast reader only drops the cells present',
  },
};

const fixtures = walk(FIXTURES);
const RULES = { asOf: '2024-10-01', expiringDays: 90, allowList: new Set(DEFAULT_ALLOW_LIST), cutover: '2025-10-01' };

describe('every fixture: same grid and same validate findings with both readers', () => {
  it('has fixtures to compare', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const file of fixtures) {
    const rel = path.relative(FIXTURES, file);
    it(rel, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const name = path.basename(file);
      const input = { file: rel, name, bytes };
      const exception = FIXTURE_EXCEPTIONS[rel];
      if (exception?.exceljs === 'never finishes') {
        const fast = await openWorkbook(bytes, { reader: 'fast' });
        expect(fast.ok).toBe(true);
        expect(await openWorkbook(bytes)).toEqual(fast);
        const b = await validateFile(input, { ...RULES, fileName: name, reader: 'fast' });
        expect(b.findings.filter((f) => f.code.startsWith('file-'))).toEqual([]);
        return;
      }
      const { ex, fast } = await both(bytes);
      if (exception === undefined) {
        if (ex.ok) {
          expect(fast.ok).toBe(true);
          if (fast.ok) expect(canon(fast.workbook)).toStrictEqual(canon(ex.workbook));
          expect(await openWorkbook(bytes)).toEqual(fast);
        } else {
          // a file exceljs cannot read: the default reader reports exactly what exceljs reports
          expect(fast.ok).toBe(false);
          expect(await openWorkbook(bytes)).toEqual(ex);
        }
      } else {
        expect(ex.ok).toBe(false);
        expect(fast.ok).toBe(true);
        expect(await openWorkbook(bytes)).toEqual(fast);
      }
      const a = await validateFile(input, { ...RULES, fileName: name, reader: 'exceljs' });
      const b = await validateFile(input, { ...RULES, fileName: name, reader: 'fast' });
      const summary = (r: typeof a) => ({ kind: r.kind, district: r.district, rows: r.rows, reportDate: r.reportDate, findings: r.findings });
      if (exception === undefined) expect(summary(b)).toStrictEqual(summary(a));
      else expect(b.findings.filter((f) => f.code.startsWith('file-'))).toEqual([]);
    });
  }
});
