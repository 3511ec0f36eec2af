import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/findings/catalogue/index.js';
import { titleOf } from '../../src/core/findings/make.js';
import type { RenderedFinding } from '../../src/core/findings/types.js';
import { buildFindingsReport, type FindingsReportOptions } from '../../src/writers/findings-report.js';
import { hygieneProblems, load, parts } from './inspect.js';

const CODE = Object.keys(catalogue).sort()[0]!;

const FINDINGS: RenderedFinding[] = [
  {
    code: CODE,
    severity: 'error',
    file: 'inbox/渝北区附表2.xlsx',
    sheet: 'Sheet1',
    cell: 'D7',
    row: 7,
    column: '统一社会信用代码',
    value: '=91500112MA5U7XYZ0Q',
    expected: '+R',
    message: '统一社会信用代码校验位错误：第18位应为 R，请核对营业执照后更正。'.repeat(3),
  },
  { code: 'some-warning', severity: 'warning', file: 'inbox/渝北区附表2.xlsx', row: 9, message: '-警告说明', value: '@x' },
  { code: 'some-info', severity: 'info', message: '提示' },
  { code: CODE, severity: 'error', file: 'b.xlsx', message: '第二条' },
];

const OPTS: FindingsReportOptions = {
  lang: 'zh',
  asOf: '2024-10-01',
  files: [
    { file: 'inbox/渝北区附表2.xlsx', kind: 'annex2', district: '渝北区', rows: 57, errors: 1, warnings: 1 },
    { file: 'b.xlsx', kind: null, district: null, rows: 0, errors: 1, warnings: 0 },
  ],
  findings: FINDINGS,
};

describe('findings report', () => {
  it('has a summary per file, one row per finding, and counts per code (Chinese)', async () => {
    const bytes = await buildFindingsReport(OPTS);
    expect(hygieneProblems(bytes)).toEqual([]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题', '问题分类']);

    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell('A1').value).toBe('正面清单附表校验问题清单');
    expect(String(sum.getCell('A2').value)).toContain('2024-10-01');
    expect([1, 2, 3, 4, 5, 6].map((c) => sum.getCell(3, c).value)).toEqual(['文件', '类型', '单位', '行数', '错误', '警告']);
    expect([1, 2, 3, 4, 5, 6].map((c) => sum.getCell(4, c).value)).toEqual(['inbox/渝北区附表2.xlsx', '附表2', '渝北区', 57, 1, 1]);
    expect([1, 2, 3, 4].map((c) => sum.getCell(5, c).value)).toEqual(['b.xlsx', '未识别', null, 0]);
    expect([1, 4, 5, 6].map((c) => sum.getCell(6, c).value)).toEqual(['合计', 57, 2, 1]);
    expect(sum.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sum.autoFilter).toBeTruthy();

    const fs = wb.getWorksheet('问题')!;
    expect(Array.from({ length: 10 }, (_, i) => fs.getCell(1, i + 1).value)).toEqual(['文件', '工作表', '单元格', '行', '列', '严重程度', '代码', '问题说明', '值', '应为']);
    expect(Array.from({ length: 10 }, (_, i) => fs.getCell(2, i + 1).value)).toEqual([
      'inbox/渝北区附表2.xlsx',
      'Sheet1',
      'D7',
      7,
      '统一社会信用代码',
      '错误',
      CODE,
      FINDINGS[0]!.message,
      '=91500112MA5U7XYZ0Q',
      '+R',
    ]);
    expect(fs.getCell('F3').value).toBe('警告');
    expect(fs.getCell('F4').value).toBe('提示');
    expect(fs.getCell('H3').value).toBe('-警告说明');
    expect(fs.getCell('I3').value).toBe('@x');
    expect(fs.getCell('A4').value).toBeNull();
    // severity colours
    const argb = (ref: string) => (fs.getCell(ref).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect(argb('F2')).toBe('FFFFC7CE');
    expect(argb('F3')).toBe('FFFFEB9C');
    expect(argb('F4')).toBe('FFDDEBF7');
    expect(fs.getCell('H2').alignment?.wrapText).toBe(true);
    expect(fs.getRow(2).height).toBeGreaterThan(15); // the long message wraps
    expect(fs.getColumn(8).width).toBeGreaterThanOrEqual(40);
    expect(fs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(fs.autoFilter).toBe('A1:J5');
    // user text never became a formula
    for (const name of ['汇总', '问题', '问题分类']) expect(parts(bytes).sheetXml.get(name)!).not.toMatch(/<f[\s>]/);

    const bc = wb.getWorksheet('问题分类')!;
    expect([1, 2, 3, 4].map((c) => bc.getCell(1, c).value)).toEqual(['代码', '问题类型', '严重程度', '条数']);
    expect([1, 2, 3, 4].map((c) => bc.getCell(2, c).value)).toEqual([CODE, titleOf(CODE, 'zh'), '错误', 2]);
    expect(bc.getCell('A3').value).toBe('some-warning');
    expect(bc.getCell('A4').value).toBe('some-info');
  });

  it('follows lang en', async () => {
    const bytes = await buildFindingsReport({ ...OPTS, lang: 'en', title: 'My report' });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Findings', 'By code']);
    const sum = wb.getWorksheet('Summary')!;
    expect(sum.getCell('A1').value).toBe('My report');
    expect(sum.getCell('B4').value).toBe('Annex 2');
    expect(sum.getCell('B5').value).toBe('not recognised');
    const fs = wb.getWorksheet('Findings')!;
    expect(fs.getCell('H1').value).toBe('Message');
    expect(fs.getCell('F2').value).toBe('error');
    expect(wb.getWorksheet('By code')!.getCell('B2').value).toBe(titleOf(CODE, 'en'));
  });

  it('writes a clean workbook with no files and no findings', async () => {
    const bytes = await buildFindingsReport({ lang: 'zh', files: [], findings: [] });
    expect(hygieneProblems(bytes)).toEqual([]);
    const wb = await load(bytes);
    expect(wb.getWorksheet('汇总')!.getCell('A4').value).toBe('合计');
    expect(wb.getWorksheet('问题')!.getCell('A2').value).toBe('未发现问题。');
  });

  it('handles thousands of findings', async () => {
    const many: RenderedFinding[] = Array.from({ length: 5000 }, (_, i) => ({
      code: CODE,
      severity: i % 3 ? 'warning' : 'error',
      file: `f${i % 7}.xlsx`,
      row: i + 5,
      cell: `D${i + 5}`,
      message: `第${i}条`,
    }));
    const bytes = await buildFindingsReport({ lang: 'zh', files: [], findings: many });
    expect(hygieneProblems(bytes)).toEqual([]);
    const fs = (await load(bytes)).getWorksheet('问题')!;
    expect(fs.getCell('H5001').value).toBe('第4999条');
  });
});
