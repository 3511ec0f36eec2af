import { describe, it, expect } from 'vitest';
import { validateFile } from '../../src/core/validate/validate.js';
import { aggregate } from '../../src/core/aggregate/aggregate.js';
import { addAnnex1Sheet } from '../../src/writers/annex1-template.js';
import { addAnnex2Sheet } from '../../src/writers/annex2-template.js';
import { newWorkbook, workbookBytes } from '../../src/writers/xlsx-common.js';
import { usccCheckChar } from '../../src/core/ids/uscc.js';
import { FIGURE_KEYS, type Figures } from '../../src/core/layout/annex1.js';

function code(seq: number): string {
  const first = `915001115${String(seq).padStart(8, '0')}`;
  return first + usccCheckChar(first);
}

/** One workbook with both annexes, the list sheet first (a district that sent a single file). */
async function combined(listed: number, rows: number): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  addAnnex2Sheet(
    wb,
    {
      unit: '大足区',
      date: '2024-09-28',
      rows: Array.from({ length: rows }, (_, i) => ({
        name: `重庆大足测试${i + 1}有限公司`,
        location: '重庆市大足区龙岗街道',
        uscc: code(i + 1),
        industry: 'C33 金属制品业',
        permit: `${code(i + 1)}001P`,
      })),
    },
    taken,
  );
  const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;
  values.listed = listed;
  addAnnex1Sheet(wb, { unit: '大足区', date: '2024-09-28', rows: [{ unit: '大足区', values }] }, taken);
  return workbookBytes(wb);
}

const opts = { asOf: '2024-10-01', expiringDays: 90, allowList: new Set<string>() };

describe('a workbook holding both annexes', () => {
  it('counts its Annex 1 figures even when the list sheet comes first', async () => {
    const bytes = await combined(3, 3);
    const r = await validateFile({ file: '大足区3季度.xlsx', name: '大足区3季度.xlsx', bytes }, opts);
    expect(r.annex1).toBeDefined();
    expect(r.annex2?.entries).toHaveLength(3);
    const agg = aggregate([r], { period: { year: 2024, quarter: 3 } });
    const unit = agg.units.find((u) => u.unit.name === '大足区')!;
    expect(unit.status).toBe('ok');
    expect(unit.values?.listed).toBe(3);
    expect(agg.missing).not.toContain('大足区');
    expect(agg.findings.filter((f) => f.code === 'listed-mismatch')).toEqual([]);
  });

  it('compares its own list with its listed figure', async () => {
    const bytes = await combined(99, 1);
    const r = await validateFile({ file: '大足区3季度.xlsx', name: '大足区3季度.xlsx', bytes }, opts);
    const agg = aggregate([r], { period: { year: 2024, quarter: 3 } });
    const f = agg.findings.find((x) => x.code === 'listed-mismatch');
    expect(f).toBeDefined();
    expect(f!.value).toBe('99');
    expect(f!.expected).toBe('1');
  });
});
