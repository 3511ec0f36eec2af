import { describe, expect, it } from 'vitest';
import { ANNEX1_FIGURES, ANNEX1_GROUP_UNITS, ANNEX1_NOTES, ANNEX1_TITLE, FIGURE_KEYS } from '../../src/core/layout/annex1.js';
import { buildAnnex1Workbook } from '../../src/writers/annex1-template.js';
import { loadWithExceljs } from '../../src/core/workbook/exceljs-adapter.js';
import { recognise } from '../../src/core/reader/detect.js';
import type { Annex1Doc } from '../../src/core/reader/types.js';
import { formulaOf, hygieneProblems, load, mergesOf, parts, validationAt } from './inspect.js';

const UNITS = Array.from({ length: 41 }, (_, i) => `重庆市测试单位第${i + 1}号区县`);

describe('Annex 1 blank template', () => {
  it('has the seed layout: label, title, form line, two-level merged header, placeholder row, 合计, 说明', async () => {
    const bytes = await buildAnnex1Workbook();
    expect(hygieneProblems(bytes)).toEqual([]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附表1']);
    const ws = wb.getWorksheet('附表1')!;
    expect(ws.getCell('A1').value).toBe('附表1');
    expect(ws.getCell('A2').value).toBe(ANNEX1_TITLE);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.size).toBeGreaterThan(ws.getCell('A4').font?.size ?? 11);
    // form line, one label each
    const meta = [1, 6, 10, 13].map((c) => ws.getCell(3, c).value);
    expect(meta).toEqual(['填报单位：', '填报时间：', '联系人：', '电话：']);

    // header built from the layout
    expect(ws.getCell('A4').value).toBe('地市');
    expect(ws.getCell('B4').value).toBe('纳入清单企业数量（个）');
    expect(ws.getCell('C4').value).toBe('配套、细化措施（发文）数量（件）');
    expect(ws.getCell('D4').value).toBe('对清单内企业开展现场监管执法次数（次）');
    expect(ws.getCell('E4').value).toBe('清单内企业非现场检查次数（家次）');
    expect(ws.getCell('E5').value).toBe('在线监控、视频监控');
    expect(ws.getCell('H5').value).toBe('其他方式');
    expect(ws.getCell('I4').value).toBe('通过非现场方式发现问题数量（个）');
    expect(ws.getCell('J4').value).toBe('清单内企业环境违法立案处罚数量（件）');
    expect(ws.getCell('K4').value).toBe('减免处罚次数（次）');
    expect(ws.getCell('L5').value).toBe('非清单内企业');
    expect(ws.getCell('M4').value).toBe('执法部门服务企业次数（家次）');
    expect(ws.getCell('O5').value).toBe('其他方式');
    for (const [g, u] of Object.entries(ANNEX1_GROUP_UNITS)) {
      const found = [5, 11, 13].some((c) => ws.getCell(4, c).value === `${g}（${u}）`);
      expect(found, g).toBe(true);
    }
    const merges = mergesOf(ws);
    for (const m of ['A2:O2', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:H4', 'I4:I5', 'J4:J5', 'K4:L4', 'M4:O4']) expect(merges, m).toContain(m);
    // form line value cells are merged (B3:E3 for 填报单位)
    expect(merges).toContain('B3:E3');
    expect(ws.getCell('A4').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('E5').border?.bottom?.style).toBe('thin');
    expect(ws.getColumn(1).width).toBe(14);

    // placeholder row and 合计 with cached results
    expect(ws.getCell('A6').value).toBe('重庆市**区');
    expect(ws.getCell('A7').value).toBe('合计');
    expect(formulaOf(ws.getCell('B7'))).toEqual({ formula: 'SUM(B6:B6)', result: 0 });
    expect(formulaOf(ws.getCell('O7'))).toEqual({ formula: 'SUM(O6:O6)', result: 0 });
    // 说明 after an empty row, merged across all 15 columns
    expect(ws.getCell('A9').value).toBe(ANNEX1_NOTES[0]);
    expect(ws.getCell('A11').value).toBe(ANNEX1_NOTES[2]);
    expect(merges).toContain('A11:O11');
    expect(ws.getCell('A11').alignment?.wrapText).toBe(true);
    expect(ws.getRow(11).height).toBeGreaterThan(20); // the long note wraps

    // figure cells: whole numbers ≥ 0
    expect(ws.getCell('B6').numFmt).toBe('0');
    const dv = validationAt(ws, 'O6')!;
    expect(dv).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true });
    expect(dv.error).toMatch(/整数/);
    expect(validationAt(ws, 'A6')).toBeUndefined();
    expect(validationAt(ws, 'B7')).toBeUndefined();

    // frozen below the header, print set up
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 1 });
    // one row fits one page at full size: one page tall as well as wide
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printTitlesRow: '4:5' });
    expect(parts(bytes).workbookXml).toMatch(/_xlnm\.Print_Titles[^>]*>&apos;附表1&apos;!\$4:\$5</);
  });

  it('is read back by the project reader as Annex 1 with every figure column', async () => {
    const doc = recognise(await loadWithExceljs(await buildAnnex1Workbook({ unit: '渝北区生态环境局', date: '2024年9月30日', contact: '张三', phone: '023-67800000' })))
      .docs[0] as Annex1Doc;
    expect(doc.kind).toBe('annex1');
    expect(doc.missing).toEqual([]);
    expect(doc.headerRows).toEqual([4, 5]);
    expect(doc.rows.map((r) => r.district.text)).toEqual(['重庆市**区']);
    expect(doc.total?.row).toBe(7);
    expect(doc.meta.unit?.text).toBe('渝北区生态环境局');
    expect(doc.meta.date?.text).toBe('2024年9月30日');
    expect(doc.meta.contact?.text).toBe('张三');
    expect(doc.meta.phone?.text).toBe('023-67800000');
  });
});

describe('Annex 1 filled', () => {
  const rows = [
    { unit: '渝北区', values: { listed: 57, measures: 2, onsite_inspections: 10, offsite_online_video: 5, service_other: 1 } },
    { unit: '江北区', values: { listed: 3, measures: '两件', relief_listed: null, offsite_online_video: 7 } },
    { unit: '=HYPERLINK("x")', values: { listed: 1.5 } },
  ];

  it('writes values as given and 合计 SUM formulas with the sums Excel would cache (text ignored)', async () => {
    const bytes = await buildAnnex1Workbook({ unit: '重庆市', rows });
    expect(hygieneProblems(bytes)).toEqual([]);
    const ws = (await load(bytes)).getWorksheet('附表1')!;
    expect(ws.getCell('A6').value).toBe('渝北区');
    expect(ws.getCell('B6').value).toBe(57);
    expect(ws.getCell('C7').value).toBe('两件');
    expect(ws.getCell('A8').value).toBe('=HYPERLINK("x")');
    expect(ws.getCell('A8').type).toBe(3); // string, not formula
    expect(ws.getCell('K7').value).toBeNull();
    expect(ws.getCell('A9').value).toBe('合计');
    expect(formulaOf(ws.getCell('B9'))).toEqual({ formula: 'SUM(B6:B8)', result: 61.5 });
    expect(formulaOf(ws.getCell('C9'))).toEqual({ formula: 'SUM(C6:C8)', result: 2 });
    expect(formulaOf(ws.getCell('E9'))).toEqual({ formula: 'SUM(E6:E8)', result: 12 });
    expect(formulaOf(ws.getCell('O9'))).toEqual({ formula: 'SUM(O6:O8)', result: 1 });
    // every formula in the file references its own column only
    for (let c = 2; c <= 15; c++) {
      const v = formulaOf(ws.getCell(9, c)) as { formula: string; result: number };
      const col = String.fromCharCode(64 + c);
      expect(v.formula).toBe(`SUM(${col}6:${col}8)`);
      expect(Number.isFinite(v.result)).toBe(true);
    }
    expect(validationAt(ws, 'N8')?.type).toBe('whole');
  });

  it("writes plain totals with total: 'value', and none with 'none'", async () => {
    const ws = (await load(await buildAnnex1Workbook({ rows, total: 'value' }))).getWorksheet('附表1')!;
    expect(ws.getCell('A9').value).toBe('合计');
    expect(ws.getCell('B9').value).toBe(61.5);
    expect(ws.getCell('E9').value).toBe(12);
    const none = (await load(await buildAnnex1Workbook({ rows, total: 'none' }))).getWorksheet('附表1')!;
    expect(none.getCell('A9').value).toBeNull();
    expect(none.getCell('A10').value).toBe(ANNEX1_NOTES[0]);
  });

  it('puts a long unit list on a reference sheet and references it by range', async () => {
    const bytes = await buildAnnex1Workbook({ units: UNITS, rows: UNITS.map((unit) => ({ unit })) });
    expect(UNITS.join(',').length).toBeGreaterThan(255);
    expect(hygieneProblems(bytes)).toEqual([]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附表1', '单位名单']);
    const list = wb.getWorksheet('单位名单')!;
    expect(list.getCell('A1').value).toMatch(/单位名单/);
    expect(list.getCell('A2').value).toBe(UNITS[0]);
    expect(list.getCell('A42').value).toBe(UNITS[40]);
    const ws = wb.getWorksheet('附表1')!;
    for (const ref of ['A6', 'A46']) {
      const dv = validationAt(ws, ref)!;
      expect(dv.type).toBe('list');
      expect(dv.formulae).toEqual(["'单位名单'!$A$2:$A$42"]);
    }
    expect(validationAt(ws, 'A47')).toBeUndefined(); // the 合计 row
    expect(ws.getCell('A47').value).toBe('合计');
    expect(formulaOf(ws.getCell('B47'))).toEqual({ formula: 'SUM(B6:B46)', result: 0 });
  });

  it('takes the title, sheet name and an empty row list', async () => {
    const bytes = await buildAnnex1Workbook({ title: '2024年第三季度落实监督执法正面清单工作情况汇总表', sheetName: '汇总:Q3/2024', rows: [] });
    expect(hygieneProblems(bytes)).toEqual([]);
    const ws = (await load(bytes)).worksheets[0]!;
    expect(ws.name).toBe('汇总_Q3_2024');
    expect(ws.getCell('A2').value).toBe('2024年第三季度落实监督执法正面清单工作情况汇总表');
    expect(ws.getCell('A6').value).toBe('合计');
    expect(ws.getCell('B6').value).toBe(0);
  });

  it('is read back by the project reader with the values and the total', async () => {
    const bytes = await buildAnnex1Workbook({ rows: rows.slice(0, 2) });
    const doc = recognise(await loadWithExceljs(bytes)).docs[0] as Annex1Doc;
    expect(doc.kind).toBe('annex1');
    expect(doc.rows.map((r) => r.district.text)).toEqual(['渝北区', '江北区']);
    expect(doc.rows[0]!.figures.listed?.cell?.v).toBe(57);
    expect(doc.total?.figures.listed?.cell).toMatchObject({ v: 60, formula: 'SUM(B6:B7)' });
    expect(Object.keys(doc.columns).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(ANNEX1_FIGURES.map((d) => doc.columns[d.key]!.col)).toEqual(ANNEX1_FIGURES.map((_, i) => i + 2));
  });

  it('is deterministic', async () => {
    const a = await buildAnnex1Workbook({ units: UNITS });
    const b = await buildAnnex1Workbook({ units: UNITS });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
