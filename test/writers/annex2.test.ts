import { describe, expect, it } from 'vitest';
import { ANNEX2_COLUMNS, ANNEX2_TITLE, CRITERIA } from '../../src/core/layout/annex2.js';
import { annex2Notes, buildAnnex2Workbook, columnWidth } from '../../src/writers/annex2-template.js';
import { loadWithExceljs } from '../../src/core/workbook/exceljs-adapter.js';
import { recognise } from '../../src/core/reader/detect.js';
import type { Annex2Doc } from '../../src/core/reader/types.js';
import { hygieneProblems, load, mergesOf, parts, validationAt } from './inspect.js';

const ROWS = [
  {
    name: '重庆某某化工有限公司',
    location: '渝北区龙兴镇',
    uscc: '91500112MA5U7XYZ0Q',
    industry: 'C26 化学原料和化学制品制造业',
    permit: '91500112MA5U7XYZ0Q001P',
    includedOn: '2021-09-30',
    validUntil: '2024-09-29',
    criterion: CRITERIA[1]!.label,
  },
  // deliberately wrong values stay exactly as given
  {
    seq: '二',
    name: '=HYPERLINK("http://x")',
    location: '+86',
    uscc: '916201055811843000',
    industry: '化工',
    permit: '-1',
    includedOn: '2021.9.30',
    validUntil: '2021.09.30-2024.09.29',
    criterion: '5',
  },
  { seq: '', name: '@某公司', uscc: '123', includedOn: '2023-02-29' },
];

describe('Annex 2 blank template', () => {
  it('has the label, title, form line, nine headers (optional ones marked) and 20 pre-numbered rows', async () => {
    const bytes = await buildAnnex2Workbook();
    expect(hygieneProblems(bytes)).toEqual([]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附表2']);
    const ws = wb.getWorksheet('附表2')!;
    expect(ws.getCell('A1').value).toBe('附表2');
    expect(ws.getCell('A2').value).toBe(ANNEX2_TITLE);
    expect(mergesOf(ws)).toContain('A2:I2');
    expect(ws.getCell('A3').value).toBe('填报单位：');
    expect(ws.getCell('E3').value).toBe('填表时间：');
    ANNEX2_COLUMNS.forEach((d, i) => {
      const cell = ws.getCell(4, i + 1);
      expect(cell.value).toBe(d.header);
      const fill = (cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb;
      if (d.optional) {
        expect(fill, d.key).toBe('FFF2F2F2');
        expect(String(cell.note), d.key).toMatch(/^选填/);
      } else {
        expect(fill, d.key).toBe('FFD9D9D9');
        expect(cell.note).toBeUndefined();
      }
      expect(ws.getColumn(i + 1).width).toBe(columnWidth(d.key));
      expect(columnWidth(d.key)).toBeGreaterThanOrEqual(d.width);
    });
    for (let i = 1; i <= 20; i++) expect(ws.getCell(4 + i, 1).value).toBe(i);
    expect(ws.getCell(25, 1).value).toBeNull();
    // formats on every data row
    for (const r of [5, 24]) {
      expect(ws.getCell(r, 4).numFmt).toBe('@');
      expect(ws.getCell(r, 6).numFmt).toBe('@');
      expect(ws.getCell(r, 7).numFmt).toBe('yyyy-mm-dd');
      expect(ws.getCell(r, 8).numFmt).toBe('yyyy-mm-dd');
      expect(validationAt(ws, `D${r}`)).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [18], errorStyle: 'warning' });
      const crit = validationAt(ws, `I${r}`)!;
      expect(crit.type).toBe('list');
      expect(crit.formulae).toEqual([`"${CRITERIA.map((c) => c.label).join(',')}"`]);
    }
    expect(validationAt(ws, 'D4')).toBeUndefined();
    expect(validationAt(ws, 'D25')).toBeUndefined();
    // 说明 after one empty row
    const notes = annex2Notes();
    expect(ws.getCell('A26').value).toBe(notes[0]);
    expect(ws.getCell(26 + notes.length - 1, 1).value).toBe(notes[notes.length - 1]);
    expect(notes.join('')).toMatch(/纳入日期.*有效期至.*纳入情形/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
  });

  it('is recognised by the project reader as Annex 2 with all nine columns and no rows', async () => {
    const doc = recognise(await loadWithExceljs(await buildAnnex2Workbook({ unit: '渝北区生态环境局', date: '2024-09-30' }))).docs[0] as Annex2Doc;
    expect(doc.kind).toBe('annex2');
    expect(doc.headerRow).toBe(4);
    expect(doc.missing).toEqual([]);
    expect(Object.keys(doc.columns).sort()).toEqual(ANNEX2_COLUMNS.map((d) => d.key).sort());
    expect(doc.rows).toEqual([]); // pre-numbered empty rows are not entries
    expect(doc.meta.unit?.text).toBe('渝北区生态环境局');
    expect(doc.meta.date?.text).toBe('2024-09-30');
  });

  it('offers a 填报单位 dropdown from a reference sheet', async () => {
    const units = Array.from({ length: 41 }, (_, i) => `重庆市测试单位第${i + 1}号区县生态环境局`);
    const bytes = await buildAnnex2Workbook({ units, blankRows: 3 });
    expect(hygieneProblems(bytes)).toEqual([]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附表2', '单位名单']);
    const ws = wb.getWorksheet('附表2')!;
    expect(validationAt(ws, 'C3')).toMatchObject({ type: 'list', formulae: ["'单位名单'!$A$2:$A$42"] });
    expect(ws.getCell('A7').value).toBe(3);
    expect(ws.getCell('A8').value).toBeNull();
  });
});

describe('Annex 2 filled', () => {
  it('writes rows as given: codes as text, ISO dates as date cells, everything else untouched', async () => {
    const bytes = await buildAnnex2Workbook({ unit: '渝北区', date: '2024年9月', rows: ROWS });
    expect(hygieneProblems(bytes)).toEqual([]);
    const ws = (await load(bytes)).getWorksheet('附表2')!;
    expect(ws.getCell('C3').value).toBe('渝北区');
    expect(ws.getCell('F3').value).toBe('2024年9月');
    // row 1
    expect(ws.getCell('A5').value).toBe(1);
    expect(ws.getCell('D5').value).toBe('91500112MA5U7XYZ0Q');
    expect(ws.getCell('F5').value).toBe('91500112MA5U7XYZ0Q001P');
    expect((ws.getCell('G5').value as Date).toISOString()).toBe('2021-09-30T00:00:00.000Z');
    expect((ws.getCell('H5').value as Date).toISOString()).toBe('2024-09-29T00:00:00.000Z');
    expect(ws.getCell('I5').value).toBe('二（民生保障）');
    // row 2: strings stay strings
    expect(ws.getCell('A6').value).toBe('二');
    expect(ws.getCell('B6').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('B6').type).toBe(3);
    expect(ws.getCell('C6').value).toBe('+86');
    expect(ws.getCell('D6').value).toBe('916201055811843000');
    expect(ws.getCell('F6').value).toBe('-1');
    expect(ws.getCell('G6').value).toBe('2021.9.30');
    expect(ws.getCell('H6').value).toBe('2021.09.30-2024.09.29');
    expect(ws.getCell('I6').value).toBe('5');
    // row 3: '' seq is an empty cell; an impossible ISO date stays text
    expect(ws.getCell('A7').value).toBeNull();
    expect(ws.getCell('B7').value).toBe('@某公司');
    expect(ws.getCell('G7').value).toBe('2023-02-29');
    expect(ws.getCell('A8').value).toBeNull(); // no blank rows by default when rows are given
    // no formula anywhere on the sheet
    expect(parts(bytes).sheetXml.get('附表2')!).not.toMatch(/<f[\s>]/);
    // validations cover the given rows
    expect(validationAt(ws, 'D7')?.type).toBe('textLength');
  });

  it('appends numbered blank rows after the given rows when asked', async () => {
    const ws = (await load(await buildAnnex2Workbook({ rows: ROWS.slice(0, 1), blankRows: 2 }))).getWorksheet('附表2')!;
    expect(ws.getCell('A6').value).toBe(2);
    expect(ws.getCell('A7').value).toBe(3);
    expect(ws.getCell('D7').numFmt).toBe('@');
    expect(ws.getCell('A8').value).toBeNull();
  });

  it('is read back by the project reader with the text and date cells intact', async () => {
    const doc = recognise(await loadWithExceljs(await buildAnnex2Workbook({ unit: '渝北区生态环境局', rows: ROWS.slice(0, 2) }))).docs[0] as Annex2Doc;
    expect(doc.rows).toHaveLength(2);
    const [a, b] = doc.rows;
    expect(a!.fields.uscc?.text).toBe('91500112MA5U7XYZ0Q');
    expect(a!.fields.uscc?.cell?.t).toBe('s');
    expect(a!.fields.includedOn?.cell).toMatchObject({ t: 'n', numFmt: 'yyyy-mm-dd' });
    expect(a!.fields.includedOn?.cell?.v).toBe(44469); // 2021-09-30
    expect(a!.fields.criterion?.text).toBe('二（民生保障）');
    expect(b!.fields.uscc?.cell).toMatchObject({ t: 's', v: '916201055811843000' });
    expect(b!.fields.name?.cell?.formula).toBeUndefined();
  });

  it('is deterministic', async () => {
    const a = await buildAnnex2Workbook({ rows: ROWS });
    const b = await buildAnnex2Workbook({ rows: ROWS });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
