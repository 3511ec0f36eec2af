/**
 * A data export with the same column twice under two of its accepted headers: the first is read,
 * and a warning names the other (data-column-duplicate), in the file's sheet and header cell.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readDataFile } from '../../src/core/data/read.js';
import { messageOf } from '../../src/core/findings/make.js';
import { A, B } from './helpers.js';

describe('a data file with a repeated column', () => {
  it('reads the first of 检查日期 and 检查时间 and warns at the second header (data-column-duplicate)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2024年检查');
    ws.addRow(['2024年现场检查记录']);
    // an export that kept both the date and the date-time of the visit
    ws.addRow(['统一社会信用代码', '企业名称', '检查日期', '检查方式', '违法情况', '检查时间']);
    ws.addRow([A, '重庆甲化工有限公司', '2024-03-05', '现场检查', '无', '2024-03-06 09:30']);
    ws.addRow([B, '重庆乙材料有限公司', '2024-05-06', '现场检查', '无', '2024-05-07 14:00']);
    const r = await readDataFile(new Uint8Array(await wb.xlsx.writeBuffer()), { kind: 'inspections', file: 'data/检查记录.xlsx' });
    if (!r.ok) throw new Error(r.reason.zh);
    // the first column is the one used
    expect(r.records.map((x) => x.date)).toEqual(['2024-03-05', '2024-05-06']);
    const dup = r.findings.filter((f) => f.code === 'data-column-duplicate');
    expect(dup).toHaveLength(1);
    const f = dup[0]!;
    expect(f).toMatchObject({
      severity: 'warning',
      file: 'data/检查记录.xlsx',
      sheet: '2024年检查',
      cell: 'F2',
      column: '检查时间',
      params: { kind: 'inspections', column: '检查时间', used: '检查日期', field: 'date' },
    });
    expect(messageOf(f, 'zh')).toBe('检查记录的表头“检查时间”与前面的“检查日期”是同一列（检查日期），只使用了前一列。如应使用这一列，请用 --map 指定。');
    expect(messageOf(f, 'en')).toBe(
      'Header "检查时间" of the inspection records means the same column (inspection date) as "检查日期" before it; only that one is used. Use --map to choose this one instead.',
    );
  });

  it('the same export with one date column gives no such warning', async () => {
    const csv = `统一社会信用代码,企业名称,检查日期,检查方式,违法情况\n${A},重庆甲化工有限公司,2024-03-05,现场检查,无\n`;
    const r = await readDataFile(new TextEncoder().encode(csv), { kind: 'inspections', file: 'data/检查记录.csv' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.findings.filter((f) => f.code === 'data-column-duplicate')).toEqual([]);
  });
});
