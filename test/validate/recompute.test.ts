/**
 * Annex 1 filled by a script (issue 11, item 6): openpyxl stores no result for the 合计 formulas,
 * XlsxWriter stores 0, both mark the workbook fullCalcOnLoad. The figures those formulas stand for
 * are computed from the sheet (a plain sum), only a true mismatch is reported, an info finding says
 * the totals were recomputed, and aggregation uses the computed figures. A formula with a cached
 * result in a file not flagged stale is judged as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SumEvaluator } from '../../src/core/annex1/recompute.js';
import type { GridCell, GridSheet } from '../../src/core/workbook/grid.js';
import { validateFile } from '../../src/core/validate/validate.js';
import { messageOf } from '../../src/core/findings/make.js';
import { loadFast } from '../../src/core/workbook/fast/index.js';
import { loadWithExceljs } from '../../src/core/workbook/exceljs-adapter.js';
import { root, zmqd } from '../helpers/cli.js';
import { describeWithTools, tool } from '../helpers/tools.js';
import { specOf, type BookSpec } from '../producers/spec.js';
import { handBuild } from '../producers/hand.js';

const AS_OF = '2024-10-01';
const ANNEX1 = path.join(root, 'fixtures', 'annex', 'clean', '渝北区2024年三季度落实监督执法正面清单工作情况汇总表.xlsx');
const TABLE = { header: [4, 5], first: 6, last: 7 };
const NAME = '渝北区2024年三季度落实监督执法正面清单工作情况汇总表.xlsx';

function sheetOf(cells: Record<string, GridCell>): GridSheet {
  const rows = new Map<number, Map<number, GridCell>>();
  for (const [ref, cell] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const c = m[1]!.charCodeAt(0) - 64;
    const r = Number(m[2]);
    if (!rows.has(r)) rows.set(r, new Map());
    rows.get(r)!.set(c, cell);
  }
  return { name: 'S', state: 'visible', rows, merges: [], hiddenRows: new Set() };
}

describe('SumEvaluator: the plain sums of a 合计 row', () => {
  const n = (v: number): GridCell => ({ t: 'n', v });
  const sheet = sheetOf({
    B6: n(3),
    B7: n(4),
    B8: { t: 's', v: '5' },
    B9: { t: 'z', v: null, formula: 'SUM(B6:B8)' },
    C6: n(10),
    C7: { t: 'n', v: 0, formula: 'C6*2' },
    D6: { t: 'z', v: null, formula: 'D7' },
    D7: { t: 'z', v: null, formula: 'D6' },
    E6: { t: 'n', v: 0, formula: 'B6+B7-1' },
    F6: { t: 'e', v: '#REF!' },
  });

  it('sums ranges (skipping text, as Excel does), references, numbers, + and -', () => {
    const ev = new SumEvaluator(sheet, true);
    expect(ev.evaluate('SUM(B6:B7)')).toBe(7);
    expect(ev.evaluate('SUM(B6:B8)')).toBe(7);
    expect(ev.evaluate('=B6+B7+2')).toBe(9);
    expect(ev.evaluate('SUM($B$6,B7,(1+1))-B6')).toBe(6);
    expect(ev.evaluate('SUM(B6:C6)')).toBe(13);
    expect(ev.evaluate('SUM(B6:B1048576)')).toBe(14); // B9 is itself a stale SUM(B6:B8) = 7
  });
  it('computes a referenced stale formula instead of its cached result', () => {
    expect(new SumEvaluator(sheet, true).evaluate('E6+1')).toBe(7);
    // not stale: the cached result stands
    expect(new SumEvaluator(sheet, false).evaluate('E6+1')).toBe(1);
  });
  it('leaves anything else alone: other operators, text operands, errors, circles', () => {
    const ev = new SumEvaluator(sheet, true);
    expect(ev.evaluate('C6*2')).toBeUndefined();
    expect(ev.evaluate('SUM(C6:C7)')).toBeUndefined(); // C7 = C6*2 cannot be computed
    expect(ev.evaluate('B8+1')).toBeUndefined();
    expect(ev.evaluate('F6+1')).toBeUndefined();
    expect(ev.evaluate('D6')).toBeUndefined();
    expect(ev.evaluate('Sheet2!B6')).toBeUndefined();
    expect(ev.evaluate('AVERAGE(B6:B7)')).toBeUndefined();
    expect(ev.evaluate('B6:B7')).toBeUndefined();
  });
});

type Codes = string[];
async function findings(bytes: Uint8Array, reader: 'auto' | 'fast' | 'exceljs'): Promise<{ codes: Codes; result: Awaited<ReturnType<typeof validateFile>> }> {
  const result = await validateFile({ file: NAME, name: NAME, bytes }, { asOf: AS_OF, expiringDays: 90, allowList: new Set(), fileName: NAME, reader });
  return { codes: result.findings.map((f) => `${f.code}@${f.cell ?? ''}`).sort(), result };
}

describe('a hand-built Annex 1 with cached results and no stale flag is judged on its cached values', () => {
  let spec: BookSpec;
  beforeAll(async () => {
    spec = await specOf(ANNEX1, TABLE);
  });
  it('correct cached totals: no finding, nothing recomputed', async () => {
    const bytes = handBuild(spec, 'plain');
    expect((await loadFast(bytes)).staleResults).toBeUndefined();
    expect((await findings(bytes, 'auto')).codes).toEqual([]);
  });
  it('a wrong cached total is a total-mismatch, as before', async () => {
    const s = structuredClone(spec);
    s.sheets[0]!.cells.find((c) => c.r === 7 && c.c === 4)!.cached = 1;
    const { codes, result } = await findings(handBuild(s, 'plain'), 'auto');
    expect(codes).toEqual(['total-mismatch@D7']);
    expect(messageOf(result.findings[0]!, 'zh')).toContain('为 1，但各行之和为 69');
  });
});

describeWithTools(['openpyxl', 'xlsxwriter'], 'Annex 1 written by openpyxl and XlsxWriter: totals recomputed', () => {
  let dir = '';
  const files = new Map<string, Uint8Array>();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zmqd-recompute-'));
    const spec = await specOf(ANNEX1, TABLE);
    const cells = spec.sheets[0]!.cells;
    // the same sheet with one true mistake: 合计 of column D sums the wrong column (C6 = 4, D6 = 69)
    const wrong = structuredClone(spec);
    wrong.sheets[0]!.cells.find((c) => c.r === 7 && c.c === 4)!.v = 'SUM(C6:C6)';
    // a unit-row figure written as a formula: 其他方式 (H6 = 5) as 2+3, and its total a sum of cells
    const formulaFigure = structuredClone(spec);
    formulaFigure.sheets[0]!.cells.find((c) => c.r === 6 && c.c === 8)!.v = '2+3';
    Object.assign(
      formulaFigure.sheets[0]!.cells.find((c) => c.r === 6 && c.c === 8)!,
      { t: 'f' },
    );
    expect(cells.find((c) => c.r === 6 && c.c === 8)!.v).toBe(5);
    const jobs: [string, string, string][] = [];
    for (const [name, s] of [
      ['good', spec],
      ['wrong', wrong],
      ['figure', formulaFigure],
    ] as const) {
      const json = path.join(dir, `${name}.json`);
      writeFileSync(json, JSON.stringify(s));
      for (const producer of ['openpyxl', 'xlsxwriter']) jobs.push([producer, json, path.join(dir, `${name}-${producer}`, NAME)]);
    }
    for (const [, , out] of jobs) mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(path.join(dir, 'jobs.json'), JSON.stringify(jobs));
    const r = spawnSync(tool('openpyxl').command, [path.join(root, 'test', 'producers', 'write_xlsx.py'), '--jobs', path.join(dir, 'jobs.json')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    for (const [, , out] of jobs) files.set(path.basename(path.dirname(out)), new Uint8Array(readFileSync(out)));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the files are what the producers write: stale flag, no cached result (openpyxl), cached 0 (XlsxWriter)', async () => {
    for (const p of ['openpyxl', 'xlsxwriter']) {
      const bytes = files.get(`good-${p}`)!;
      const ex = await loadWithExceljs(bytes);
      expect(ex.staleResults, p).toBe(true);
      const d7 = ex.sheets[0]!.rows.get(7)!.get(4)!;
      expect(d7.formula).toBe('SUM(D6:D6)');
      if (p === 'openpyxl') expect(d7.t).toBe('z');
      else expect([d7.t, d7.v]).toEqual(['n', 0]);
    }
    // the fast reader reads the flag too (openpyxl's files need the reader fix of item 1 to be read at all)
    expect((await loadFast(files.get('good-xlsxwriter')!)).staleResults).toBe(true);
  });

  // each producer's file through the default reader and through the exceljs fallback
  for (const [p, reader] of [
    ['openpyxl', 'auto'],
    ['openpyxl', 'exceljs'],
    ['xlsxwriter', 'auto'],
    ['xlsxwriter', 'exceljs'],
  ] as const) {
    it(`${p} (${reader} reader): a correct sheet gives only the info that the totals were recomputed`, async () => {
      const { codes, result } = await findings(files.get(`good-${p}`)!, reader);
      expect(codes).toEqual(['totals-recomputed@B7']);
      expect(result.findings[0]!.severity).toBe('info');
      expect(messageOf(result.findings[0]!, 'zh')).toMatch(/重新计算 14 个单元格（B7、C7、D7…O7）/);
      expect(messageOf(result.findings[0]!, 'en')).toMatch(/14 cell\(s\) \(B7, C7, D7…O7\) were computed/);
    });
    it(`${p} (${reader} reader): a true mismatch is still reported, with the computed total`, async () => {
      const { codes, result } = await findings(files.get(`wrong-${p}`)!, reader);
      expect(codes).toEqual(['total-mismatch@D7', 'totals-recomputed@B7']);
      const f = result.findings.find((x) => x.code === 'total-mismatch')!;
      expect(messageOf(f, 'zh')).toContain('为 4（公式 =SUM(C6:C6) 的结果），但各行之和为 69');
      expect(messageOf(f, 'en')).toContain('is 4 (the result of =SUM(C6:C6)) but the rows add up to 69');
    });
    it(`${p} (${reader} reader): a figure written as a formula is computed, and that is what aggregation sums`, async () => {
      const { codes, result } = await findings(files.get(`figure-${p}`)!, reader);
      expect(codes).toEqual(['totals-recomputed@H6']);
      expect(result.annex1!.parsed.rows[0]!.values!.offsite_other).toBe(5);
    });
  }

  it('zmqd aggregate sums the recomputed figures (XlsxWriter file, cached 0 everywhere)', () => {
    const r = zmqd(['aggregate', path.join(dir, 'figure-xlsxwriter'), '--period', '2024Q3', '--as-of', AS_OF, '--format', 'json', '--quiet']);
    const j = JSON.parse(r.stdout) as { total: Record<string, number> };
    expect(j.total.offsite_other).toBe(5);
    expect(j.total.onsite_inspections).toBe(69);
  });
});
