import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/core/validate/validate.js';
import { runCheckCore } from '../../src/core/check/check.js';
import { readDataFile, type DataFile } from '../../src/core/data/read.js';
import { buildAnnex2Workbook, type Annex2RowInput } from '../../src/writers/annex2-template.js';
import { buildAnnex1Workbook } from '../../src/writers/annex1-template.js';
import { DEFAULT_ALLOW_LIST } from '../../src/core/ids/allow-list.js';
import { A, B } from './helpers.js';

const opts = { asOf: '2024-10-01', expiringDays: 90, allowList: new Set(DEFAULT_ALLOW_LIST) };
const enc = (s: string) => new TextEncoder().encode(s);

async function data<K extends 'inspections' | 'credit'>(kind: K, csv: string): Promise<DataFile<K>> {
  const r = await readDataFile(enc(csv), { kind, file: `${kind}.csv`, allowList: opts.allowList });
  if (!r.ok) throw new Error(r.reason.zh);
  return r;
}

async function list(file: string, unit: string, rows: Annex2RowInput[]) {
  const bytes = await buildAnnex2Workbook({ unit, date: '2024年9月30日', rows });
  return validateFile({ file, name: file, bytes }, { ...opts, fileName: file });
}

const row = (name: string, uscc: string, extra: Record<string, string> = {}) => ({
  name,
  location: '重庆市渝北区',
  uscc,
  industry: 'C26 化学原料和化学制品制造业',
  permit: `${uscc}001P`,
  includedOn: '2023-06-01',
  criterion: '五（环保诚信）',
  ...extra,
});

describe('runCheckCore', () => {
  it('joins lists and data: entry findings at their rows, file findings at the top, Annex 1 skipped', async () => {
    const yubei = await list('渝北区-附表2.xlsx', '渝北区生态环境局', [row('甲', A), row('乙', '91110000600037341N')]);
    const jiangbei = await list('江北区-附表2.xlsx', '江北区生态环境局', [row('甲', A, { location: '重庆市江北区' })]);
    const a1 = await validateFile({ file: 'a1.xlsx', name: 'a1.xlsx', bytes: await buildAnnex1Workbook({ unit: '渝北区生态环境局' }) }, opts);
    const r = runCheckCore({
      lists: [yubei, jiangbei, a1],
      data: {
        inspections: await data('inspections', `统一社会信用代码,检查日期,检查方式,违法情况\n${A},2024-01-01,体检式帮扶,无\n${B},2024-02-30,现场检查,无\n`),
        credit: await data('credit', `统一社会信用代码,评价结果,评价年度\n${A},诚信,2022\n`),
      },
      asOf: opts.asOf,
      expiringDays: opts.expiringDays,
    });
    expect(r.entries.map((e) => [e.district, e.row, e.uscc, e.eligible])).toEqual([
      ['渝北区', 5, A, true],
      ['渝北区', 6, '91110000600037341N', null],
      ['江北区', 5, A, true],
    ]);
    const dup = r.entries.filter((e) => e.findings.some((f) => f.code === 'uscc-duplicate-across-districts'));
    expect(dup.map((e) => e.district)).toEqual(['渝北区', '江北区']);
    expect(dup[0]!.findings.find((f) => f.code === 'uscc-duplicate-across-districts')!.params.others).toEqual(['江北区']);
    // the wrong USCC: validation's own error is the entry's, and no matching is attempted
    const bad = r.entries[1]!;
    expect(bad.findings.map((f) => f.code)).toContain('uscc-checksum');
    expect(bad.findings.map((f) => f.code)).not.toContain('not-in-data');
    expect(bad.action).toBe('verify');
    expect(r.findings.map((f) => f.code)).toContain('check-file-skipped');
    // a data row for an enterprise on no list is only a warning
    expect(r.findings.find((f) => f.code === 'data-row-invalid')!.severity).toBe('warning');
    expect(r.summary).toMatchObject({ entries: 3, eligible: 2, unverifiable: 1 });
    expect(r.data.map((d) => [d.kind, d.rows, d.invalid])).toEqual([
      ['inspections', 1, 1],
      ['credit', 1, 0],
    ]);
  });

  it('an unusable data row of a listed enterprise is an error and is named in its reasons', async () => {
    const yubei = await list('渝北区-附表2.xlsx', '渝北区生态环境局', [row('甲', A)]);
    const r = runCheckCore({
      lists: [yubei],
      data: {
        inspections: await data('inspections', `统一社会信用代码,检查日期,检查方式,违法情况\n${A},2024-02-30,现场检查,严重\n${A},2024-01-01,体检式帮扶,无\n`),
        credit: await data('credit', `统一社会信用代码,评价结果,评价年度\n${A},诚信,2022\n`),
      },
      asOf: opts.asOf,
      expiringDays: 90,
    });
    const f = r.findings.find((x) => x.code === 'data-row-invalid')!;
    expect(f.severity).toBe('error');
    expect(f.params.listed).toBe(1);
    expect(r.entries[0]!.reasons.map((x) => x.zh).join('\n')).toContain('执法数据中有该企业的 1 行无法使用（inspections.csv 第2行）');
  });
});
