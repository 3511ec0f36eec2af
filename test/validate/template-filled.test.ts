/**
 * The official templates (src/writers), filled in with correct data, must validate clean: the tool may
 * not complain about its own workbooks.
 */
import { describe, it, expect } from 'vitest';
import { buildAnnex1Workbook } from '../../src/writers/annex1-template.js';
import { buildAnnex2Workbook, type Annex2RowInput } from '../../src/writers/annex2-template.js';
import { validateFile } from '../../src/core/validate/validate.js';
import { FIGURE_KEYS, type FigureKey } from '../../src/core/layout/annex1.js';
import { usccCheckChar, orgCodeCheckChar } from '../../src/core/ids/uscc.js';
import { rosterFor } from '../../src/core/roster/units.js';
import { messageOf } from '../../src/core/findings/make.js';

const opts = { asOf: '2024-10-01', expiringDays: 90, allowList: new Set<string>() };

function code(prefix2: string, division: string, org8: string): string {
  const first17 = prefix2 + division + org8 + orgCodeCheckChar(org8);
  return first17 + usccCheckChar(first17);
}

const ROWS: Annex2RowInput[] = [
  {
    name: '重庆渝丰化工有限公司',
    location: '重庆市渝北区双凤桥街道空港大道88号',
    uscc: code('91', '500112', 'MA5U7XY2'),
    industry: 'C26 化学原料和化学制品制造业',
    includedOn: '2022-03-31',
    validUntil: '2025-03-30',
    criterion: '四（在线监控）',
  },
  {
    name: '重庆市渝北区人民医院',
    location: '渝北区两路街道双龙大道199号',
    uscc: code('12', '500112', '45038271'),
    industry: 'Q84 卫生',
    includedOn: '2023-06-30',
    validUntil: '2023.06.30-2026.06.29',
    criterion: '二（民生保障）',
  },
  {
    name: '重庆空港汽车零部件有限公司',
    location: '渝北区龙兴镇',
    uscc: code('91', '500000', '20281593'),
    industry: '汽车制造业',
    includedOn: '2024年1月15日',
    criterion: '五（环保诚信）',
  },
  {
    name: '重庆博宇电子科技有限公司',
    location: '重庆市渝北区回兴街道宝环路12号',
    uscc: code('91', '500112', 'MA60K3PQ'),
    industry: 'C39',
    includedOn: '2022/12/1',
    validUntil: '2025年11月30日',
    criterion: '三（重大工程/重点领域）',
  },
  {
    name: '重庆山城物流有限公司',
    location: '渝北区木耳镇工业园路6号',
    uscc: code('91', '500112', 'MA61B2C4'),
    industry: '装卸搬运和仓储业',
    includedOn: '2024.5.20',
    criterion: '五（环保诚信）',
  },
];

/** The template adds the 22-character permit number from the code. */
const rows = (): Annex2RowInput[] => ROWS.map((r, i) => ({ ...r, permit: `${r.uscc}00${(i % 2) + 1}${i === 4 ? 'W' : 'P'}` }));

function summary(r: Awaited<ReturnType<typeof validateFile>>) {
  return r.findings.map((f) => `${f.cell ?? '-'} ${f.code}: ${messageOf(f, 'zh')}`);
}

describe('the Annex 2 template, filled in', () => {
  it('validates clean', async () => {
    const bytes = await buildAnnex2Workbook({ unit: '重庆市渝北区生态环境局', date: '2024年9月30日', rows: rows() });
    const r = await validateFile({ file: 'x.xlsx', name: '渝北区附表2.xlsx', bytes }, opts);
    expect(summary(r)).toEqual([]);
    expect(r).toMatchObject({ kind: 'annex2', district: '渝北区', rows: ROWS.length });
    // the date cells the template writes read back as the same days
    expect(r.annex2!.entries.map((e) => (e.includedOn?.ok ? e.includedOn.date : null))).toEqual(['2022-03-31', '2023-06-30', '2024-01-15', '2022-12-01', '2024-05-20']);
  });

  it('ignores the pre-numbered empty rows below the data, and the 单位名单 dropdown sheet', async () => {
    const names = rosterFor('2024-09-30').map((u) => u.name);
    const bytes = await buildAnnex2Workbook({ unit: '渝北区', date: '2024-09-30', rows: rows(), blankRows: 30, units: names });
    const r = await validateFile({ file: 'x.xlsx', name: '附表2.xlsx', bytes }, opts);
    expect(summary(r)).toEqual([]);
    expect(r.rows).toBe(ROWS.length);
  });

  it('the blank template is recognised and only told it is empty', async () => {
    const bytes = await buildAnnex2Workbook({});
    const r = await validateFile({ file: 'x.xlsx', name: '附表2-监督执法正面清单企业列表.xlsx', bytes }, opts);
    expect(r.kind).toBe('annex2');
    expect(r.findings.map((f) => f.code)).toEqual(['annex2-no-data']);
    expect(r.findings[0]!.severity).toBe('warning');
  });
});

function figures(seed: number): Record<FigureKey, number> {
  return Object.fromEntries(FIGURE_KEYS.map((k, i) => [k, ((seed * 7 + i * 13) % 50) + (k === 'listed' ? 10 : 0)])) as Record<FigureKey, number>;
}

describe('the Annex 1 template, filled in', () => {
  for (const total of ['formula', 'value', 'none'] as const) {
    it(`one district, 合计 ${total}`, async () => {
      const bytes = await buildAnnex1Workbook({
        unit: '渝北区生态环境局',
        date: '2024年9月30日',
        contact: '刘洋',
        phone: '023-67821234',
        rows: [{ unit: '渝北区', values: figures(1) }],
        total,
      });
      const r = await validateFile({ file: 'x.xlsx', name: '渝北区三季度落实监督执法正面清单工作情况汇总表.xlsx', bytes }, opts);
      expect(summary(r)).toEqual([]);
      expect(r).toMatchObject({ kind: 'annex1', district: '渝北区', rows: 1, reportDate: '2024-09-30' });
      expect(r.annex1!.parsed.rows[0]!.values).toEqual(figures(1));
    });
  }

  it('the city-wide table of all 41 units with its 合计, as the city fills it', async () => {
    const units = rosterFor('2024-09-30').map((u) => u.name);
    expect(units).toHaveLength(41);
    const bytes = await buildAnnex1Workbook({
      unit: '重庆市生态环境局',
      date: '2024年10月10日',
      rows: units.map((u, i) => ({ unit: u, values: figures(i) })),
      units,
      total: 'formula',
    });
    const r = await validateFile({ file: 'x.xlsx', name: '重庆市2024年三季度落实监督执法正面清单工作情况汇总表.xlsx', bytes }, opts);
    expect(summary(r)).toEqual([]);
    expect(r).toMatchObject({ kind: 'annex1', district: null, rows: 41 });
  });

  it('a zone after the 2025 re-division: 两江新区 as a district for 2026 Q1', async () => {
    const bytes = await buildAnnex1Workbook({ unit: '两江新区生态环境局', date: '2026年3月31日', rows: [{ unit: '两江新区', values: figures(3) }] });
    const r = await validateFile({ file: 'x.xlsx', name: '两江新区2026年一季度落实监督执法正面清单工作情况汇总表.xlsx', bytes }, opts);
    expect(summary(r)).toEqual([]);
    expect(r.district).toBe('两江新区');
  });
});
