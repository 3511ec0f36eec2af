/**
 * End to end on generated quarters (scripts/fixtures/quarters.ts): every unit of both rosters, totals
 * known by construction (manifest.json, computed by the generator, not by zmqd).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../scripts/fixtures/quarters.js';
import { ruleOptions, validatePaths } from '../../src/cli/inputs.js';
import { runAggregate } from '../../src/cli/commands/aggregate.js';
import { aggregate, AggregateInputError, type AggregateResult } from '../../src/core/aggregate/aggregate.js';
import { aggregateJson } from '../../src/core/report/aggregate-json.js';
import { aggregateText } from '../../src/reporters/aggregate-text.js';
import { messageOf } from '../../src/core/findings/make.js';
import { FIGURE_KEYS, type Figures } from '../../src/core/layout/annex1.js';
import { parsePeriod } from '../../src/core/roster/period.js';
import { rosterFor } from '../../src/core/roster/units.js';
import { displayWidth } from '../../src/reporters/width.js';
import { addAnnex1Sheet } from '../../src/writers/annex1-template.js';
import { newWorkbook, workbookBytes } from '../../src/writers/xlsx-common.js';
import type { FileResult } from '../../src/core/validate/validate.js';

interface SetManifest {
  dir: string;
  period: string;
  roster: number;
  units: Record<string, Figures>;
  total: Figures;
  missing: string[];
  unreadable?: string[];
  duplicate?: string[];
  increment?: Record<string, Figures>;
  totalIncrement?: Figures;
  expect?: { code: string; unit?: string; file?: string; severity?: string }[];
}

let dir: string;
let manifest: Record<string, SetManifest>;
const AS_OF = '2026-06-30';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zmqd-quarters-'));
  await generate(dir);
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cache = new Map<string, FileResult[]>();
async function read(...paths: string[]): Promise<FileResult[]> {
  const key = paths.join('|');
  if (!cache.has(key)) {
    const opts = await ruleOptions({ asOf: AS_OF });
    const { results } = await validatePaths(
      paths.map((p) => join(dir, p)),
      opts,
      true,
    );
    cache.set(key, results);
  }
  return cache.get(key)!;
}

async function agg(set: string | string[], previous?: string | string[], period?: string): Promise<AggregateResult> {
  const cur = await read(...[set].flat());
  const prev = previous ? await read(...[previous].flat()) : undefined;
  return aggregate(cur, { previous: prev, ...(period ? { period: parsePeriod(period)! } : {}) });
}

function valuesByUnit(r: AggregateResult): Record<string, Figures> {
  return Object.fromEntries(r.units.filter((u) => u.values).map((u) => [u.unit.name, u.values!]));
}
function codes(r: AggregateResult): string[] {
  return [...new Set(r.findings.map((f) => f.code))].sort();
}

async function cli(paths: string[], o: Record<string, unknown>): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    const code = await runAggregate(paths, { asOf: AS_OF, quiet: true, ...o });
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

describe('the 41-unit roster', () => {
  it('2021Q2: every unit, exact totals, nothing to report', async () => {
    const m = manifest['2021Q2']!;
    const r = await agg('2021Q2');
    expect(r.units.map((u) => u.unit.name)).toEqual(rosterFor('2021-06-30').map((u) => u.name));
    expect(r.units).toHaveLength(41);
    expect(valuesByUnit(r)).toEqual(m.units);
    expect(r.total).toEqual(m.total);
    expect(r.missing).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.periodSource).toBe('files');
    expect(r.totalIncrement).toBeNull();
    expect(r.units.every((u) => u.increment === null)).toBe(true);
  });

  it('2021Q3: awkward but valid files (text and full-width numbers, formulas, line breaks, WPS) sum exactly, with increments', async () => {
    const m = manifest['2021Q3']!;
    const r = await agg('2021Q3', '2021Q2');
    expect(valuesByUnit(r)).toEqual(m.units);
    expect(r.total).toEqual(m.total);
    expect(r.totalIncrement).toEqual(m.totalIncrement);
    for (const u of r.units) expect([u.unit.name, u.increment]).toEqual([u.unit.name, m.increment![u.unit.name]]);
    expect(r.previousPeriod).toEqual({ year: 2021, quarter: 2 });
    expect(r.restart).toBe(false);
    // only the text numbers are worth a word, as warnings
    expect(codes(r)).toEqual(['number-as-text']);
    expect(r.errors).toBe(0);
    expect(r.warnings).toBeGreaterThan(0);
    // the WPS files were read under their own sheet names
    const sheets = new Set(r.units.map((u) => u.sheet));
    expect(sheets).toContain('Sheet1');
    expect(sheets).toContain('工作表1');
  });

  it("accepts last quarter's city summary (one workbook, 41 rows) as --previous", async () => {
    const m = manifest['2021Q3']!;
    const r = await agg('2021Q3', 'city');
    expect(r.totalIncrement).toEqual(m.totalIncrement);
    expect(r.units.every((u) => u.previousFile?.endsWith('汇总表.xlsx'))).toBe(true);
  });

  it('a city summary as the only input: each row resolved to its unit', async () => {
    const r = await agg('city');
    expect(r.period).toEqual({ year: 2021, quarter: 2 });
    expect(r.total).toEqual(manifest['2021Q2']!.total);
    expect(r.missing).toEqual([]);
  });

  it("a city summary left among the districts' own files is not counted twice", async () => {
    const r = await agg(['2021Q2', 'city']);
    expect(r.total).toEqual(manifest['2021Q2']!.total);
    expect(r.duplicate).toEqual([]);
    expect(codes(r)).toEqual(['summary-superseded']);
    expect(r.errors + r.warnings).toBe(0);
  });

  it("the annual report with --previous Q3 gives the year's Q4 activity", async () => {
    const m = manifest['2021年度']!;
    const r = await agg('2021年度', '2021Q3');
    expect(r.period).toEqual({ year: 2021 });
    expect(r.total).toEqual(m.total);
    expect(r.totalIncrement).toEqual(m.totalIncrement);
    expect(codes(r)).toEqual([]);
  });
});

describe('the 39-unit roster', () => {
  it('2026Q1 and Q2: 39 units in order, 两江新区 a district after 武隆区, exact totals and increments', async () => {
    const r1 = await agg('2026Q1');
    const names = r1.units.map((u) => u.unit.name);
    expect(names).toHaveLength(39);
    expect(names).not.toContain('江北区');
    expect(names).not.toContain('渝北区');
    expect(names.indexOf('两江新区')).toBe(names.indexOf('武隆区') + 1);
    expect(r1.total).toEqual(manifest['2026Q1']!.total);
    const m = manifest['2026Q2']!;
    const r2 = await agg('2026Q2', '2026Q1');
    expect(valuesByUnit(r2)).toEqual(m.units);
    expect(r2.total).toEqual(m.total);
    expect(r2.totalIncrement).toEqual(m.totalIncrement);
    expect(r2.findings).toEqual([]);
  });

  it('against a previous year and the old roster: running counts restart, 江北区 and 渝北区 fold into 两江新区', async () => {
    const r = await agg('2026Q1', '2021年度');
    const cur = manifest['2026Q1']!.units;
    const prev = manifest['2021年度']!.units;
    expect(r.restart).toBe(true);
    expect(codes(r)).toEqual(['previous-not-adjacent', 'previous-other-year', 'roster-changed']);
    expect(r.errors + r.warnings).toBe(0);
    for (const u of r.units) {
      const name = u.unit.name;
      const p = name === '两江新区' ? ['两江新区', '江北区', '渝北区'].reduce((a, n) => a + prev[n]!.listed, 0) : prev[name]!.listed;
      expect([name, u.increment!.listed]).toEqual([name, cur[name]!.listed - p]);
      for (const k of FIGURE_KEYS.filter((k) => k !== 'listed')) expect(u.increment![k]).toBe(cur[name]![k]);
    }
  });
});

describe('problems', () => {
  it('reports everything to chase and still sums the rest exactly', async () => {
    const m = manifest['2021Q3-problems']!;
    const r = await agg('2021Q3-problems', '2021Q2');
    expect(valuesByUnit(r)).toEqual(m.units);
    expect(r.total).toEqual(m.total);
    expect(r.totalIncrement).toEqual(m.totalIncrement);
    expect(r.missing).toEqual(m.missing);
    expect([...r.unreadable].sort()).toEqual([...m.unreadable!].sort());
    expect(r.duplicate).toEqual(m.duplicate);
    for (const e of m.expect!) {
      const hit = r.findings.find(
        (f) => f.code === e.code && (!e.file || f.file?.endsWith(e.file)) && (!e.unit || f.params.unit === e.unit) && (!e.severity || f.severity === e.severity),
      );
      expect([e, hit !== undefined]).toEqual([e, true]);
    }
    // the unreadable units are listed with their files, never as zeros
    for (const name of m.unreadable!) {
      const u = r.units.find((x) => x.unit.name === name)!;
      expect(u).toMatchObject({ status: 'unreadable', values: null, increment: null });
      expect(u.file).toContain(name);
    }
    // the decrease names both values
    const dec = r.findings.find((f) => f.code === 'cumulative-decrease')!;
    expect(dec).toMatchObject({ column: '对清单内企业开展现场监管执法次数', cell: 'D6' });
    expect(Number(dec.value)).toBeLessThan(Number(dec.expected));
    // the duplicate resolved by date counted the corrected file
    expect(r.units.find((u) => u.unit.name === '大足区')!.file).toContain('（更正）');
  });

  it('exits 1 on the problems, 0 on a clean quarter; JSON per contract', async () => {
    const bad = await cli([join(dir, '2021Q3-problems')], { previous: [join(dir, '2021Q2')], format: 'json' });
    expect(bad.code).toBe(1);
    const j = JSON.parse(bad.out);
    expect(Object.keys(j).slice(0, 10)).toEqual(['command', 'period', 'units', 'total', 'totalIncrement', 'missing', 'findings', 'errors', 'warnings', 'periodSource']);
    expect(j).toMatchObject({ command: 'aggregate', period: '2021Q3', missing: ['城口县'], previousPeriod: '2021Q2', roster: 41 });
    expect(Object.keys(j.total)).toEqual([...FIGURE_KEYS]);
    expect(j.units).toHaveLength(41);
    const chengkou = j.units.find((u: { district: string }) => u.district === '城口县');
    expect(chengkou).toMatchObject({ file: null, values: null, increment: null, status: 'missing' });
    const wanzhou = j.units[0];
    expect(Object.keys(wanzhou).slice(0, 4)).toEqual(['district', 'file', 'values', 'increment']);
    expect(wanzhou.values.listed).toBe(manifest['2021Q3-problems']!.units['万州区']!.listed);
    for (const f of j.findings) {
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(typeof f.message).toBe('string');
      expect(Object.keys(f)[0]).toBe('code');
    }
    expect(j.errors).toBe(j.findings.filter((f: { severity: string }) => f.severity === 'error').length);

    const good = await cli([join(dir, '2021Q2')], { format: 'json' });
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ totalIncrement: null, errors: 0, warnings: 0, missing: [] });
    const strict = await cli([join(dir, '2021Q3')], { strict: true, format: 'json' });
    expect(strict.code).toBe(1); // warnings (text numbers) with --strict
  });

  it('text output fits 80 columns and shows the 合计 and what to chase', async () => {
    const r = await agg('2021Q3-problems', '2021Q2');
    for (const lang of ['zh', 'en'] as const) {
      const text = aggregateText(aggregateJson(r, lang), lang, 45).replace(/\x1b\[[0-9;]*m/g, '');
      // every line fits, except a file's path on its own line: it is never broken (it is copied into a shell or a file manager as it is)
      for (const line of text.split('\n')) if (!/^\S+ \S+\.(xlsx|xls|et|csv)$/.test(line)) expect([line, displayWidth(line) <= 80]).toEqual([line, true]);
      expect(text).toContain(lang === 'zh' ? '合计' : 'Total');
      expect(text).toContain('城口县');
      expect(text).toContain(lang === 'zh' ? '未报送（1）：城口县' : 'Not reported (1): 城口县');
    }
    const zh = aggregateText(aggregateJson(r, 'zh'), 'zh', 45).replace(/\x1b\[[0-9;]*m/g, '');
    const totalLine = zh.split('\n').find((l) => l.startsWith('合计'))!;
    expect(totalLine.split(/\s+/).slice(1).map(Number)[0]).toBe(manifest['2021Q3-problems']!.total.listed);
  });

  it('problems in the previous period only weaken the increments: warnings and notes, not errors', async () => {
    const r = await agg('2021年度', '2021Q3-problems');
    expect(r.total).toEqual(manifest['2021年度']!.total);
    const prevDup = r.findings.find((f) => f.code === 'district-duplicate')!;
    expect(prevDup.severity).toBe('warning');
    expect(prevDup.params.previousPeriod).toBe('2021Q3');
    expect(messageOf(prevDup, 'zh')).toContain('在上期（2021Q3）有多份报送');
    expect(r.findings.find((f) => f.code === 'period-mismatch')!.severity).toBe('warning');
    expect([...r.previousMissing].sort()).toEqual(['城口县', '巫溪县', '忠县', '永川区'].sort());
    for (const name of r.previousMissing) expect(r.units.find((u) => u.unit.name === name)!.increment).toBeNull();
    const missing = r.findings.filter((f) => f.code === 'previous-missing');
    expect(missing.map((f) => f.severity)).toEqual(['info', 'info', 'info', 'info']);
    expect(r.errors).toBe(0);
    // the city increment of a running count leaves out the units without previous figures, exactly;
    // the stock (listed) changes by the difference of the two city totals
    const year = manifest['2021年度']!.units;
    const prev = manifest['2021Q3-problems']!.units;
    for (const k of FIGURE_KEYS) {
      const expected =
        k === 'listed' ? manifest['2021年度']!.total.listed - manifest['2021Q3-problems']!.total.listed : Object.keys(prev).reduce((a, n) => a + year[n]![k] - prev[n]![k], 0);
      expect([k, r.totalIncrement![k]]).toEqual([k, expected]);
    }
    expect(r.totalIncrement!.listed).not.toBe(Object.keys(prev).reduce((a, n) => a + year[n]!.listed - prev[n]!.listed, 0));
  });

  it('a file that says nothing of its period is counted for the inferred one, with a warning', async () => {
    const d = join(dir, 'anonymous');
    mkdirSync(d, { recursive: true });
    for (const f of ['万州区2季度落实监督执法正面清单工作情况汇总表.xlsx', '涪陵区二季度落实监督执法正面清单工作情况汇总表.xlsx']) {
      copyFileSync(join(dir, '2021Q2', f), join(d, f));
    }
    const wb = newWorkbook();
    const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 1])) as Figures;
    addAnnex1Sheet(wb, { unit: '渝中区生态环境局', rows: [{ unit: '渝中区', values }] });
    writeFileSync(join(d, '附件.xlsx'), await workbookBytes(wb));
    const r = await agg('anonymous');
    expect(r.period).toEqual({ year: 2021, quarter: 2 });
    expect(r.units.find((u) => u.unit.name === '渝中区')!.values).toEqual(values);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['period-unknown', 'warning']]);
    expect(r.findings[0]!.file).toContain('附件.xlsx');
  });

  it('a 填报时间 alone that points elsewhere is a warning and the file still counts; a file name that does is an error', async () => {
    const d = join(dir, 'late');
    mkdirSync(d, { recursive: true });
    copyFileSync(join(dir, '2021Q2', '万州区2季度落实监督执法正面清单工作情况汇总表.xlsx'), join(d, '万州区2季度落实监督执法正面清单工作情况汇总表.xlsx'));
    const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 2])) as Figures;
    for (const [name, unit] of [
      ['报表.xlsx', '渝中区'],
      ['涪陵区3季度报表.xlsx', '涪陵区'],
    ]) {
      const wb = newWorkbook();
      addAnnex1Sheet(wb, { unit: `${unit}生态环境局`, date: '2021年10月9日', rows: [{ unit, values }] });
      writeFileSync(join(d, name), await workbookBytes(wb));
    }
    const r = await agg('late', undefined, '2021Q2');
    expect(r.units.find((u) => u.unit.name === '渝中区')!.values).toEqual(values);
    expect(r.units.find((u) => u.unit.name === '涪陵区')!.status).toBe('missing');
    const mm = r.findings.filter((f) => f.code === 'period-mismatch').map((f) => [f.file!.split('/').pop(), f.severity]);
    expect(mm.sort()).toEqual([
      ['报表.xlsx', 'warning'],
      ['涪陵区3季度报表.xlsx', 'error'],
    ]);
  });

  it('--period that no file matches: every file is period-mismatch, every unit missing', async () => {
    const r = await agg('2021Q2', undefined, '2021Q3');
    expect(r.missing).toHaveLength(41);
    expect(r.findings.filter((f) => f.code === 'period-mismatch')).toHaveLength(41);
    expect(r.findings[0]!.params.why).toEqual({ by: 'option' });
    expect(messageOf(r.findings[0]!, 'zh')).toContain('（由 --period 指定）');
  });

  it('refuses a --previous that is not earlier, and a period nothing decides', async () => {
    await expect(agg('2021Q2', '2021Q3')).rejects.toBeInstanceOf(AggregateInputError);
    const anonymous: FileResult = { file: 'x.xlsx', name: 'x.xlsx', kind: null, district: null, rows: 0, findings: [] };
    expect(() => aggregate([anonymous])).toThrow(AggregateInputError);
    await expect(cli([join(dir, '2021Q2')], { period: '2021Q5' })).rejects.toThrow(/--period/);
  });
});

describe('the roster of the period, not of the 填报时间', () => {
  it('a 2025Q3 report from 江北区 filed after the cut-over still counts for 2025Q3', async () => {
    const d = join(dir, 'cutover');
    mkdirSync(d, { recursive: true });
    for (const [unit, n] of [
      ['江北区', 5],
      ['两江新区', 7],
    ] as const) {
      const wb = newWorkbook();
      const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, n])) as Figures;
      addAnnex1Sheet(wb, { unit: `${unit}生态环境局`, date: '2025年10月9日', rows: [{ unit, values }] });
      writeFileSync(join(d, `${unit}3季度落实监督执法正面清单工作情况汇总表.xlsx`), await workbookBytes(wb));
    }
    const r = await agg('cutover');
    expect(r.period).toEqual({ year: 2025, quarter: 3 });
    expect(r.roster).toHaveLength(41);
    expect(r.units.find((u) => u.unit.name === '江北区')!.values!.listed).toBe(5);
    expect(r.total.listed).toBe(12);
    expect(r.findings.filter((f) => f.code.startsWith('district-'))).toEqual([]);
    // and in 2026 the same file is for a unit that no longer exists
    copyFileSync(join(d, '江北区3季度落实监督执法正面清单工作情况汇总表.xlsx'), join(d, '江北区2026年1季度汇总表.xlsx'));
    const r26 = await agg(['cutover/江北区2026年1季度汇总表.xlsx'], undefined, '2026Q1');
    expect(r26.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['district-unknown', 'unit-missing-in-file']));
    expect(r26.total.listed).toBe(0);
  });
});
