/**
 * The 2025 merger (江北区, 渝北区 → 两江新区) everywhere a person meets it: `zmqd template` refuses (or,
 * in the days when the merged unit still reports the quarter before the cut-over, warns) instead of writing
 * a template whose own dropdown lacks the unit, and the merger message reads as one clean sentence.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zmqd } from '../helpers/cli.js';
import { buildAnnex1Workbook } from '../../src/writers/annex1-template.js';
import { FIGURE_KEYS } from '../../src/core/layout/annex1.js';

const dir = mkdtempSync(join(tmpdir(), 'zmqd-merger-'));
const CLEAN = '“渝北区”已在 2025 年行政区划调整中撤销、并入两江新区，自 2025-10-01 起不再单独报送。请由两江新区填报，填报单位写“两江新区”。';

async function dropdown(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const names: string[] = [];
  wb.getWorksheet('单位名单')!.eachRow((row, r) => r > 1 && names.push(String(row.getCell(1).value)));
  return names;
}

describe('zmqd template --district for a merged-away unit', () => {
  it('after the cut-over: refused with the merger message (exit 2), nothing written', () => {
    const out = join(dir, '渝北区-2026.xlsx');
    const r = zmqd(['template', 'annex1', '--district', '渝北区', '--as-of', '2026-01-15', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(CLEAN);
    expect(r.stderr).toContain('--as-of 2025-09-30');
    expect(r.stderr).toContain('"渝北区" was abolished in the 2025 re-division and merged into 两江新区');
    expect(existsSync(out)).toBe(false);
    // the annex 2 list too, and with a later cut-over the same date is still before it
    expect(zmqd(['template', 'annex2', '--district', '江北区', '--as-of', '2026-01-15', '--out', join(dir, 'x.xlsx')]).status).toBe(2);
    expect(zmqd(['template', 'annex1', '--district', '渝北区', '--as-of', '2026-01-15', '--cutover', '2026-04-01', '--out', join(dir, 'y.xlsx'), '--quiet']).status).toBe(0);
  });

  it('just after the cut-over (the 2025 Q3 report is still due): written with the old roster, and a warning', async () => {
    const out = join(dir, '渝北区-2025Q3.xlsx');
    const r = zmqd(['template', 'annex1', '--district', '渝北区', '--as-of', '2025-10-05', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(CLEAN);
    expect(r.stderr).toContain('本模板仅可用于2025年第三季度及以前的报送');
    const names = await dropdown(out);
    expect(names).toHaveLength(41);
    expect(names).toContain('渝北区');
  });

  it('before the cut-over: the 41-unit roster, with the unit in its own dropdown; after it the 39 units', async () => {
    const before = join(dir, '渝北区-2025Q2.xlsx');
    const r = zmqd(['template', 'annex1', '--district', '渝北区', '--as-of', '2025-06-30', '--out', before]);
    expect([r.status, r.stderr]).toEqual([0, expect.not.stringContaining('撤销')]);
    expect(await dropdown(before)).toContain('渝北区');
    const after = join(dir, '两江新区-2026.xlsx');
    expect(zmqd(['template', 'annex1', '--district', '两江新区', '--as-of', '2026-01-15', '--out', after, '--quiet']).status).toBe(0);
    const names = await dropdown(after);
    expect(names).toHaveLength(39);
    expect(names).toContain('两江新区');
    expect(names).not.toContain('渝北区');
  });
});

describe('the merger message in validate', () => {
  it('reads as one clean sentence, in Chinese and English', async () => {
    const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 1]));
    const file = join(dir, '渝北区2026年1季度汇总表.xlsx');
    writeFileSync(file, await buildAnnex1Workbook({ unit: '渝北区生态环境局', date: '2026年4月9日', rows: [{ unit: '渝北区', values }] }));
    const zh = JSON.parse(zmqd(['validate', file, '--as-of', '2026-04-10', '--format', 'json']).stdout);
    const msgs = zh.files[0].findings.filter((f: any) => f.code === 'district-unknown').map((f: any) => f.message);
    expect(msgs).toEqual([CLEAN]);
    const en = JSON.parse(zmqd(['validate', file, '--as-of', '2026-04-10', '--format', 'json', '--lang', 'en']).stdout);
    expect(en.files[0].findings.find((f: any) => f.code === 'district-unknown').message).toBe(
      '"渝北区" was abolished in the 2025 re-division and merged into 两江新区; from 2025-10-01 it no longer reports on its own. 两江新区 reports instead: write "两江新区" as the reporting unit.',
    );
  });
});
