/**
 * Findings that correct or nearly correct workbooks rarely give, each produced here on the input a
 * district would send: a second annex sheet, a USCC of an unusual authority, a pilot USCC on the
 * allow-list, an old-style permit number, a city table without its 合计 row, an Annex 1 without
 * a data row.
 */
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/core/validate/validate.js';
import { addAnnex2Sheet, buildAnnex2Workbook, type Annex2RowInput } from '../../src/writers/annex2-template.js';
import { buildAnnex1Workbook } from '../../src/writers/annex1-template.js';
import { newWorkbook, workbookBytes } from '../../src/writers/xlsx-common.js';
import { FIGURE_KEYS, type FigureKey } from '../../src/core/layout/annex1.js';
import { orgCodeCheckChar, usccCheckChar } from '../../src/core/ids/uscc.js';
import { messageOf } from '../../src/core/findings/make.js';
import type { Finding } from '../../src/core/findings/types.js';

const opts = { asOf: '2024-10-01', expiringDays: 90, allowList: new Set<string>() };

/** A valid USCC: authority and type, division, organisation code with its check character, check character. */
function uscc(prefix2: string, division: string, org8: string): string {
  const first17 = prefix2 + division + org8 + orgCodeCheckChar(org8);
  return first17 + usccCheckChar(first17);
}

function row(name: string, code: string, permit = `${code}001P`): Annex2RowInput {
  return { name, location: '重庆市大足区龙岗街道', uscc: code, industry: 'C33 金属制品业', permit, includedOn: '2024-03-31', criterion: '五（环保诚信）' };
}

function figures(seed: number): Record<FigureKey, number> {
  return Object.fromEntries(FIGURE_KEYS.map((k, i) => [k, ((seed * 7 + i * 13) % 50) + (k === 'listed' ? 10 : 0)])) as Record<FigureKey, number>;
}

/** The one finding of a code (failing when there is none or more than one). */
function only(fs: readonly Finding[], code: string): Finding {
  const got = fs.filter((f) => f.code === code);
  expect(got, fs.map((f) => `${f.cell ?? '-'} ${f.code}`).join('\n')).toHaveLength(1);
  return got[0]!;
}

describe('a workbook with a second annex sheet', () => {
  it('reads the first and warns naming the other (sheet-extra-annex)', async () => {
    const wb = newWorkbook();
    const taken = new Set<string>();
    addAnnex2Sheet(wb, { unit: '大足区', date: '2024-09-28', rows: [row('重庆大足五金有限公司', uscc('91', '500111', 'MA5U7XY2'))], sheetName: '附表2' }, taken);
    // last quarter's list kept as a visible copy
    addAnnex2Sheet(
      wb,
      {
        unit: '大足区',
        date: '2024-06-28',
        rows: [row('重庆大足旧表有限公司', uscc('91', '500111', 'MA60K3PQ')), row('重庆大足另一有限公司', uscc('91', '500111', 'MA61B2C4'))],
        sheetName: '附表2 (2)',
      },
      taken,
    );
    const r = await validateFile({ file: 'in/大足区附表2.xlsx', name: '大足区附表2.xlsx', bytes: await workbookBytes(wb) }, opts);
    expect(r.kind).toBe('annex2');
    expect(r.rows).toBe(1);
    expect(r.annex2!.doc.sheet).toBe('附表2');
    const f = only(r.findings, 'sheet-extra-annex');
    expect(f).toMatchObject({ severity: 'warning', file: 'in/大足区附表2.xlsx', sheet: '附表2 (2)' });
    expect(f.cell).toBeUndefined();
    expect(messageOf(f, 'zh')).toBe('工作表“附表2 (2)”也是一份附表2，本工具只读取了工作表“附表2”。每个文件请只保留一份附表（多余的工作表请删除或另存为单独文件）。');
    expect(messageOf(f, 'en')).toBe(
      'Sheet "附表2 (2)" is another annex; only sheet "附表2" was read. Keep one annex per file (delete the extra sheet or save it as its own file).',
    );
  });
});

describe('identifiers that are accepted with a note', () => {
  // 95: 工商 (9) with entity type 5, not one of the published 1-3; the check characters are right
  const unusual = uscc('95', '500111', 'MA5U7XY2');
  // a 2015 pilot code whose check character fails, on the allow-list
  const good = uscc('91', '500111', 'MA60K3PQ');
  const pilot = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  const legacyPermit = '渝(足)环排证〔2016〕35号';
  const rows = [
    row('重庆大足特殊登记有限公司', unusual),
    row('重庆大足试点有限公司', pilot),
    { ...row('重庆大足老厂有限公司', uscc('91', '500111', 'MA61B2C4')), permit: legacyPermit },
  ];

  async function validate(allowList: ReadonlySet<string>) {
    const bytes = await buildAnnex2Workbook({ unit: '大足区', date: '2024-09-28', rows });
    return validateFile({ file: 'in/大足区附表2.xlsx', name: '大足区附表2.xlsx', bytes }, { ...opts, allowList });
  }

  it('a USCC of an unusual authority/entity type is a warning at its cell (uscc-authority-unusual)', async () => {
    const r = await validate(new Set([pilot]));
    const f = only(r.findings, 'uscc-authority-unusual');
    expect(f).toMatchObject({
      severity: 'warning',
      file: 'in/大足区附表2.xlsx',
      sheet: r.annex2!.doc.sheet,
      cell: r.annex2!.entries[0]!.fields.uscc!.ref,
      value: unusual,
      params: { prefix: '95' },
    });
    expect(messageOf(f, 'zh')).toBe(`统一社会信用代码“${unusual}”的第 1–2 位“95”不是常见的登记管理部门与机构类别组合。代码校验位正确，请核实一次。`);
    expect(messageOf(f, 'en')).toBe(`USCC "${unusual}" starts with "95", an unusual authority/entity-type combination. Its check character is right; please verify it once.`);
    // only a warning: the enterprise is valid
    expect(r.annex2!.entries[0]!.uscc!.valid).toBe(true);
  });

  it('a USCC failing its check character but on the allow-list is an info, not an error (uscc-allowed)', async () => {
    const r = await validate(new Set([pilot]));
    const f = only(r.findings, 'uscc-allowed');
    expect(f).toMatchObject({ severity: 'info', file: 'in/大足区附表2.xlsx', sheet: r.annex2!.doc.sheet, cell: r.annex2!.entries[1]!.fields.uscc!.ref, value: pilot });
    expect(messageOf(f, 'zh')).toBe(`统一社会信用代码“${pilot}”未通过校验位检查，但在允许名单中（2015 年试点代码等），已按有效处理。`);
    expect(messageOf(f, 'en')).toBe(`USCC "${pilot}" fails the check-character test but is on the allow-list (e.g. 2015 pilot codes), so it was accepted.`);
    expect(r.findings.filter((x) => x.code === 'uscc-checksum')).toEqual([]);
    // without the allow-list the same code is a checksum error
    const strict = await validate(new Set());
    expect(strict.findings.filter((x) => x.code === 'uscc-allowed')).toEqual([]);
    expect(only(strict.findings, 'uscc-checksum').cell).toBe(f.cell);
  });

  it('an old-style local permit number is a warning at its cell (permit-legacy)', async () => {
    const r = await validate(new Set([pilot]));
    const f = only(r.findings, 'permit-legacy');
    expect(f).toMatchObject({ severity: 'warning', file: 'in/大足区附表2.xlsx', sheet: r.annex2!.doc.sheet, cell: r.annex2!.entries[2]!.fields.permit!.ref, value: legacyPermit });
    expect(messageOf(f, 'zh')).toBe(`排污许可证编号“${legacyPermit}”为旧式编号，无法与统一社会信用代码核对。如企业已取得新版排污许可证或登记编号，请更新。`);
    expect(messageOf(f, 'en')).toBe(
      `Permit number "${legacyPermit}" is an older form that cannot be matched to the USCC. Update it if the enterprise has a current permit or registration number.`,
    );
    expect(r.findings.filter((x) => x.code === 'permit-format' || x.code === 'permit-uscc-mismatch')).toEqual([]);
  });
});

describe('Annex 1 tables without a 合计 row or without data', () => {
  it('a table of several units without its 合计 row is told the totals were not cross-checked (total-missing)', async () => {
    const bytes = await buildAnnex1Workbook({
      unit: '重庆市生态环境局',
      date: '2024年10月10日',
      rows: [
        { unit: '万州区', values: figures(1) },
        { unit: '大足区', values: figures(2) },
      ],
      total: 'none',
    });
    const r = await validateFile({ file: 'in/汇总表.xlsx', name: '重庆市2024年三季度落实监督执法正面清单工作情况汇总表.xlsx', bytes }, opts);
    expect(r).toMatchObject({ kind: 'annex1', rows: 2 });
    const f = only(r.findings, 'total-missing');
    expect(f).toMatchObject({ severity: 'info', file: 'in/汇总表.xlsx', sheet: r.annex1!.doc.sheet });
    expect(f.cell).toBeUndefined();
    expect(messageOf(f, 'zh')).toBe('表中没有“合计”行，无法与各行之和核对。官方模板在数据行下方有合计行，建议保留。');
    expect(messageOf(f, 'en')).toBe('The table has no 合计 row, so the totals could not be cross-checked. The official template has one below the data rows.');
    // one district's own file may leave it out
    const one = await buildAnnex1Workbook({ unit: '万州区', date: '2024年9月30日', rows: [{ unit: '万州区', values: figures(1) }], total: 'none' });
    const r1 = await validateFile({ file: 'in/万州区.xlsx', name: '万州区三季度落实监督执法正面清单工作情况汇总表.xlsx', bytes: one }, opts);
    expect(r1.findings.filter((x) => x.code === 'total-missing')).toEqual([]);
  });

  it('a table whose 地市 column is empty has no data row, an error (annex1-no-data)', async () => {
    const bytes = await buildAnnex1Workbook({ unit: '万州区生态环境局', date: '2024年9月30日', rows: [{ unit: '' }] });
    const r = await validateFile({ file: 'in/万州区汇总表.xlsx', name: '万州区三季度落实监督执法正面清单工作情况汇总表.xlsx', bytes }, opts);
    expect(r).toMatchObject({ kind: 'annex1', rows: 0 });
    const f = only(r.findings, 'annex1-no-data');
    expect(f).toMatchObject({ severity: 'error', file: 'in/万州区汇总表.xlsx', sheet: r.annex1!.doc.sheet });
    expect(f.cell).toBeUndefined();
    expect(messageOf(f, 'zh')).toBe('附表1中没有填写任何区县的数据行（地市一列为空）。请在“地市”列填写本单位名称，并填写各项数字。');
    expect(messageOf(f, 'en')).toBe('Annex 1 has no data row (the 地市 column is empty). Enter your unit in 地市 and fill in the figures.');
  });
});
