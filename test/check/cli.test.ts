/**
 * End to end: `node bin/zmqd.js check …` on fixtures/enforcement (generated afresh into a temporary
 * folder) against expected.json, whose verdicts were worked out by hand from the records. Also the
 * contract's JSON shape, the exit codes, both CSV encodings, the unusual export with --map, --out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { zmqd } from '../helpers/cli.js';
import { generate } from '../../scripts/fixtures/enforcement.js';
import { buildAnnex2Workbook } from '../../src/writers/annex2-template.js';
import { A } from './helpers.js';

let dir = '';
const CHECK_CODES = new Set([
  'not-eligible',
  'no-longer-eligible',
  'never-again',
  'must-remove',
  'assistance-visit-missing',
  'not-in-data',
  'uscc-duplicate-across-districts',
  'entry-expired',
  'entry-expiring',
  'serious-violation-review',
  'objection-upheld',
  'validity-over-3-years',
]);

interface Expected {
  asOf: string;
  entries: {
    key: string;
    file: string;
    row: number;
    name: string;
    uscc: string;
    includedOn: string;
    declaredCriterion: number | null;
    eligible: boolean | null;
    eligibleAtInclusion: boolean | null;
    validity: string;
    metCriteria: number[];
    metCriteriaAtInclusion: number[];
    neverAgain: boolean;
    mustRemove: boolean;
    codes: string[];
    stableRate90?: { eligible: boolean | null; metCriteria: number[]; codes: string[] };
  }[];
  dataFindings: { code: string; file: string; severity: string }[];
}
let expected: Expected;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zmqd-check-'));
  await generate(dir);
  expected = JSON.parse(await fs.readFile(path.join(dir, 'expected.json'), 'utf8')) as Expected;
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function check(args: string[]) {
  return zmqd(['check', ...args], { cwd: dir });
}

const DATA = ['--credit', 'data/信用评价.xlsx', '--monitoring', 'data/在线监控.csv', '--objections', 'data/异议复核.xlsx', '--as-of', '2024-10-01', '--format', 'json'];

type Json = {
  command: string;
  asOf: string;
  entries: Record<string, unknown>[];
  summary: Record<string, number>;
  errors: number;
  warnings: number;
  findings: { code: string; severity: string; file?: string; row?: number; cell?: string; message: string }[];
};

function parse(stdout: string): Json {
  return JSON.parse(stdout) as Json;
}

function verdicts(j: Json) {
  return j.entries.map((e) => ({
    file: e.file,
    row: e.row,
    eligible: e.eligible,
    eligibleAtInclusion: e.eligibleAtInclusion,
    validity: e.validity,
    metCriteria: e.metCriteria,
    metCriteriaAtInclusion: e.metCriteriaAtInclusion,
    neverAgain: e.neverAgain,
    mustRemove: e.mustRemove,
    codes: [...new Set((e.findings as { code: string }[]).map((f) => f.code).filter((c) => CHECK_CODES.has(c)))].sort(),
  }));
}

describe('zmqd check on fixtures/enforcement', () => {
  let gbk: ReturnType<typeof check>;
  beforeAll(() => {
    gbk = check(['lists', '--inspections', 'data/检查记录-GBK.csv', ...DATA]);
  });

  it('prints exactly one JSON object of the contract shape; exit 1 (there are errors)', () => {
    expect(gbk.status).toBe(1);
    const j = parse(gbk.stdout);
    expect(Object.keys(j).slice(0, 6)).toEqual(['command', 'asOf', 'entries', 'summary', 'errors', 'warnings']);
    expect(j.command).toBe('check');
    expect(j.asOf).toBe('2024-10-01');
    for (const e of j.entries) {
      expect(Object.keys(e).slice(0, 16)).toEqual([
        'file',
        'district',
        'row',
        'name',
        'uscc',
        'includedOn',
        'validUntil',
        'validity',
        'declaredCriterion',
        'metCriteria',
        'eligible',
        'eligibleAtInclusion',
        'mustRemove',
        'neverAgain',
        'reasons',
        'findings',
      ]);
      expect((e.reasons as string[]).length).toBeGreaterThan(0);
      for (const f of e.findings as Record<string, unknown>[]) expect(Object.keys(f)).toContain('message');
    }
    expect(Object.keys(j.summary).slice(0, 8)).toEqual(['entries', 'eligible', 'ineligible', 'unverifiable', 'expired', 'expiring', 'mustRemove', 'neverAgain']);
    expect(gbk.stderr).toContain('GBK/GB18030');
  });

  it("every entry's verdict follows the rules (expected.json, worked out by hand)", () => {
    const j = parse(gbk.stdout);
    expect(j.entries).toHaveLength(expected.entries.length);
    for (const x of expected.entries) {
      const e = j.entries.find((y) => y.file === x.file && y.row === x.row);
      expect(e, `${x.key}: ${x.file} row ${x.row}`).toBeDefined();
      const got = verdicts({ ...j, entries: [e!] })[0]!;
      expect({ key: x.key, ...got }).toEqual({
        key: x.key,
        file: x.file,
        row: x.row,
        eligible: x.eligible,
        eligibleAtInclusion: x.eligibleAtInclusion,
        validity: x.validity,
        metCriteria: x.metCriteria,
        metCriteriaAtInclusion: x.metCriteriaAtInclusion,
        neverAgain: x.neverAgain,
        mustRemove: x.mustRemove,
        codes: [...x.codes].sort(),
      });
      expect(e!.uscc).toBe(x.uscc);
      expect(e!.declaredCriterion).toBe(x.declaredCriterion);
    }
  });

  it('summary counts and the data findings', () => {
    const j = parse(gbk.stdout);
    const n = (p: (x: Expected['entries'][number]) => boolean) => expected.entries.filter(p).length;
    expect(j.summary).toEqual({
      entries: expected.entries.length,
      eligible: n((x) => x.eligible === true),
      ineligible: n((x) => x.eligible === false),
      unverifiable: n((x) => x.eligible === null),
      expired: n((x) => x.validity === 'expired'),
      expiring: n((x) => x.validity === 'expiring'),
      mustRemove: n((x) => x.mustRemove),
      neverAgain: n((x) => x.neverAgain),
      objectionUpheld: n((x) => x.codes.includes('objection-upheld')),
    });
    const data = j.findings.filter((f) => f.code === 'data-row-invalid');
    expect(data.map((f) => [f.file, f.severity])).toEqual(expected.dataFindings.map((d) => [d.file.replace('*', 'GBK'), d.severity]));
    expect(data.map((f) => f.cell![0])).toEqual(['C', 'A', 'D', 'E', 'F']); // the bad cell: date, code, grade, review result, review date
  });

  it('reasons a clerk can paste: the evidence names the record, the date and the grade', () => {
    const j = parse(gbk.stdout);
    const byKey = (k: string) => {
      const x = expected.entries.find((y) => y.key === k)!;
      return (j.entries.find((e) => e.file === x.file && e.row === x.row)!.reasons as string[]).join('\n');
    };
    expect(byKey('never-again-keyword')).toMatch(/2021-11-03 现场检查发现“私设暗管排放生产废水”（检查记录-GBK\.csv 第\d+行，违法情况“一般”），违法行为含“暗管”/);
    expect(byKey('must-remove')).toContain('超标排放且未主动报告');
    expect(byKey('only-by-5')).toContain('2023年度信用评价为“绿牌”（环保诚信企业）');
    expect(byKey('criterion-1')).toContain('疫情防控');
    expect(byKey('not-eligible-at-inclusion')).toContain('2021-03-02至2022-03-01 有环境违法记录：2021-08-10');
    expect(byKey('inspection-364-days')).toContain('纳入时（2023-09-30）2022-10-01至2023-09-30 有现场执法检查：2022-10-01 现场检查');
    expect(byKey('serious-not-malicious')).toContain('须人工判断');
    expect(byKey('old-secret-discharge')).toMatch(/2016-07-12 现场检查发现“夜间偷排生产废水”.*违法行为含“偷排”/);
    expect(byKey('rating-within-its-year')).toContain('请提供该评价的评价日期');
    expect(byKey('rate-94.9')).toContain('达标率 94.9%，低于稳定达标阈值 95%');
    expect(byKey('five-year-validity')).toContain('所填有效期至 2026-05-31，超过纳入日期起 3 年（2024-05-31）');
    expect(byKey('objection-upheld')).toMatch(/区工商联提出的异议复核属实，复核日期 2022-05-20（异议复核\.xlsx 第\d+行）/);
    expect(byKey('objection-rejected')).toContain('某行业协会提出的异议复核不属实，复核日期 2022-05-18');
  });

  it('each verdict carries its evidence: the criteria, their status, the records with their dates', () => {
    const j = parse(gbk.stdout);
    const entry = (k: string) => {
      const x = expected.entries.find((y) => y.key === k)!;
      return j.entries.find((e) => e.file === x.file && e.row === x.row)! as unknown as {
        verdicts: Record<
          'whileListed' | 'atInclusion',
          {
            date: string;
            eligible: boolean | null;
            criteria: {
              criterion: number;
              declared: boolean;
              status: string;
              reason: string;
              evidence: { kind: string; file: string; row: number; date?: string; year?: number }[];
            }[];
            bars: { code: string; evidence: { date?: string }[] }[];
          }
        >;
      };
    };
    const v = entry('inspection-364-days').verdicts;
    expect([v.whileListed.date, v.whileListed.eligible, v.atInclusion.date, v.atInclusion.eligible]).toEqual(['2024-10-01', true, '2023-09-30', true]);
    for (const which of [v.whileListed, v.atInclusion]) {
      const c2 = which.criteria.find((c) => c.criterion === 2)!;
      expect(c2).toMatchObject({ declared: true, status: 'met' });
      expect(c2.evidence).toEqual([{ kind: 'inspections', file: 'data/检查记录-GBK.csv', row: expect.any(Number), date: '2022-10-01' }]);
    }
    const y = entry('rating-within-its-year').verdicts.atInclusion.criteria.find((c) => c.criterion === 5)!;
    expect(y).toMatchObject({ status: 'unknown', evidence: [{ kind: 'credit', year: 2023 }] });
    const o = entry('objection-upheld').verdicts;
    expect(o.whileListed.bars).toEqual([expect.objectContaining({ code: 'objection-upheld', evidence: [expect.objectContaining({ kind: 'objections', date: '2022-05-20' })] })]);
    expect(o.atInclusion.bars.map((b) => b.code)).toEqual(['objection-upheld']);
    expect(entry('old-secret-discharge').verdicts.atInclusion.bars[0]!.evidence[0]!.date).toBe('2016-07-12');
  });

  it('--stable-rate 90: 达标率 94.9 counts as stable; a bad value is exit 2', () => {
    const r = check(['lists', '--inspections', 'data/检查记录-GBK.csv', ...DATA, '--stable-rate', '90']);
    const j = parse(r.stdout);
    for (const x of expected.entries) {
      const e = j.entries.find((y) => y.file === x.file && y.row === x.row)!;
      const want = x.stableRate90 ?? { eligible: x.eligible, metCriteria: x.metCriteria, codes: x.codes };
      expect({ key: x.key, eligible: e.eligible, metCriteria: e.metCriteria }).toEqual({ key: x.key, eligible: want.eligible, metCriteria: want.metCriteria });
    }
    expect((j as unknown as { stableRate: number }).stableRate).toBe(90);
    expect(JSON.stringify(j)).toContain('达到稳定达标阈值 90%');
    const bad = check(['lists', '--inspections', 'data/检查记录-GBK.csv', ...DATA, '--stable-rate', '九十']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--stable-rate');
  });

  it('an --objections file without a 复核结果 column is refused (exit 2) with the reason', async () => {
    await fs.writeFile(path.join(dir, 'data', 'objections-bad.csv'), `统一社会信用代码,企业名称,异议来源\n${A},甲,区工商联\n`);
    const r = check(['lists', '--inspections', 'data/检查记录-GBK.csv', '--credit', 'data/信用评价.xlsx', '--objections', 'data/objections-bad.csv', '--as-of', '2024-10-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--objections.*复核结果/s);
  });

  it('the UTF-8-BOM export gives the same verdicts', () => {
    const r = check(['lists', '--inspections', 'data/检查记录-UTF8-BOM.csv', ...DATA]);
    expect(r.status).toBe(1);
    expect(verdicts(parse(r.stdout))).toEqual(verdicts(parse(gbk.stdout)));
    expect(r.stderr).toContain('UTF-8 (BOM)');
  });

  it('the unusual export: exit 2 saying what is missing, the same verdicts with --map', () => {
    const refused = check(['lists', '--inspections', 'data/检查记录-异常表头.csv', ...DATA]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/--inspections.*统一社会信用代码.*--map/s);
    const mapped = check(['lists', '--inspections', 'data/检查记录-异常表头.csv', '--map', 'data/表头映射.json', ...DATA]);
    expect(mapped.status).toBe(1);
    expect(verdicts(parse(mapped.stdout))).toEqual(verdicts(parse(gbk.stdout)));
  });

  it('without --monitoring: 四 and 三-by-monitoring cannot be told', () => {
    const r = check(['lists', '--inspections', 'data/检查记录-GBK.csv', '--credit', 'data/信用评价.xlsx', '--as-of', '2024-10-01', '--format', 'json']);
    const j = parse(r.stdout);
    const row = (k: string) => expected.entries.find((x) => x.key === k)!.row;
    const e4 = j.entries.find((e) => e.row === row('by-4') && String(e.file).includes('渝北'))!;
    const e3 = j.entries.find((e) => e.row === row('by-3-monitoring') && String(e.file).includes('渝北'))!;
    expect(e4.eligible).toBe(null);
    expect(e3.eligible).toBe(null);
  });

  it('text report: only the entries needing action unless --all', () => {
    const r = check([
      'lists',
      '--inspections',
      'data/检查记录-GBK.csv',
      '--credit',
      'data/信用评价.xlsx',
      '--monitoring',
      'data/在线监控.csv',
      '--objections',
      'data/异议复核.xlsx',
      '--as-of',
      '2024-10-01',
    ]);
    expect(r.status).toBe(1);
    const name = (k: string) => expected.entries.find((x) => x.key === k)!.name;
    expect(r.stdout).toContain(name('objection-upheld'));
    expect(r.stdout).toContain(name('rating-within-its-year')); // cannot tell at inclusion: to verify
    expect(r.stdout).not.toContain(name('inspection-364-days')); // eligible on both dates, nothing to do
    expect(r.stdout).toMatch(/符合条件、无需处理的 \d+ 家企业未逐一列出（--all 列出全部）/);
    expect(r.stdout).toContain('判断：列入期间不符合，纳入时符合');
    const all = check([
      'lists',
      '--inspections',
      'data/检查记录-GBK.csv',
      '--credit',
      'data/信用评价.xlsx',
      '--monitoring',
      'data/在线监控.csv',
      '--objections',
      'data/异议复核.xlsx',
      '--as-of',
      '2024-10-01',
      '--all',
    ]);
    expect(all.stdout).toContain(name('inspection-364-days'));
    expect(all.stdout).not.toContain('未逐一列出');
  });

  it('text report in English, grouped with the entries needing action first', () => {
    const r = check(['lists', '--inspections', 'data/检查记录-GBK.csv', '--credit', 'data/信用评价.xlsx', '--as-of', '2024-10-01', '--lang', 'en', '--all']);
    expect(r.status).toBe(1);
    const out = r.stdout;
    expect(out).toContain('zmqd check · as of 2024-10-01');
    const yubei = out.slice(out.indexOf('■ 渝北区'));
    const order = ['remove (', 'expired (', 'to verify (', 'attention (', 'eligible ('].map((h) => yubei.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toMatch(/malicious violation on record/);
    for (const line of out.split('\n')) {
      let w = 0;
      for (const ch of line) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
      expect(w, line).toBeLessThanOrEqual(80);
    }
  });

  it('--out writes the workbook: the entries needing action first, by district; then every entry, filterable, coloured; printable', async () => {
    const r = check(['lists', '--inspections', 'data/检查记录-GBK.csv', ...DATA, '--out', 'out/核查结果.xlsx']);
    expect(r.status).toBe(1);
    const j = parse(r.stdout) as unknown as { entries: { name: string; action: string; district: string }[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out', '核查结果.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['需处理', '核查结果', '汇总', '其他问题']);
    // 1. only the entries needing a decision, each under its district's title row
    const first = wb.worksheets[0]!;
    const names: string[] = [];
    const titles: string[] = [];
    first.eachRow((row, n) => {
      if (n <= 2) return;
      const a = String(row.getCell(1).value ?? '');
      if (/需处理 \d+ 家/.test(a)) titles.push(a);
      else names.push(String(row.getCell(3).value));
    });
    const need = j.entries.filter((e) => e.action !== 'ok');
    expect(names.sort()).toEqual(need.map((e) => e.name).sort());
    expect(titles.map((t) => t.split('　')[0])).toEqual(['江北区', '渝北区']);
    const objection = expected.entries.find((x) => x.key === 'objection-upheld')!;
    let row = [...Array(first.rowCount).keys()].map((i) => first.getRow(i + 1)).find((rw) => rw.getCell(3).value === objection.name)!;
    expect(String(row.getCell(8).value)).toMatch(/^不符合\n列入期间（截至 2024-10-01）/);
    expect(String(row.getCell(9).value)).toMatch(/^不符合\n纳入时（2022-06-01）/);
    expect(String(row.getCell(10).value)).toContain('异议经复核属实');
    expect(first.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(first.pageSetup.printTitlesRow).toBe('2:2');
    // 2. every entry
    const ws = wb.worksheets[1]!;
    expect(ws.rowCount).toBe(expected.entries.length + 1);
    expect(ws.getCell('D1').value).toBe('企业名称');
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const x = expected.entries.find((y) => y.key === 'must-remove')!;
    row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((rw) => rw.getCell(4).value === x.name)!;
    expect(row.getCell(5).value).toBe(x.uscc);
    expect(row.getCell(12).value).toBe('不符合');
    expect((row.getCell(12).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(row.getCell(13).value)).toContain('列入期间（截至 2024-10-01）');
    expect(row.getCell(14).value).toBe('符合');
    expect(String(row.getCell(15).value)).toContain('纳入时（2022-06-01）');
    expect(row.getCell(18).value).toBe('应移出');
    expect(String(row.getCell(19).value)).toContain('超标排放且未主动报告');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    // 3. the summary on one page
    expect(wb.worksheets[2]!.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });

  it('file-level notes of one kind are one line in 其他问题, naming the files', async () => {
    const { buildCheckReport } = await import('../../src/writers/check-report.js');
    const gbkJson = JSON.parse(gbk.stdout) as Parameters<typeof buildCheckReport>[0];
    const skipped = (f: string) => ({ code: 'check-file-skipped', severity: 'info' as const, file: f, message: '该文件是附表1（工作情况汇总表），不是企业清单，核查时跳过。' });
    const j = { ...gbkJson, findings: [skipped('a/附表1-甲.xlsx'), ...gbkJson.findings, skipped('a/附表1-乙.xlsx'), skipped('a/附表1-丙.xlsx')] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildCheckReport(j, 'zh')) as unknown as ArrayBuffer);
    const other = wb.getWorksheet('其他问题')!;
    expect(other.rowCount).toBe(1 + 1 + gbkJson.findings.length);
    expect(other.getCell('A2').value).toBe('3 个文件');
    expect(String(other.getCell('G2').value)).toContain('（同类 3 个文件：a/附表1-甲.xlsx、a/附表1-乙.xlsx、a/附表1-丙.xlsx）');
  });
});

describe('exit codes and usage', () => {
  it('0 when nothing is wrong; text starting with = stays text in --out', async () => {
    const d = await fs.mkdtemp(path.join(dir, 'clean-'));
    await fs.writeFile(
      path.join(d, '渝北区-附表2.xlsx'),
      await buildAnnex2Workbook({
        unit: '渝北区生态环境局',
        date: '2024年9月30日',
        rows: [
          {
            name: '=重庆甲公司',
            location: '重庆市渝北区',
            uscc: A,
            industry: 'C26 化学原料和化学制品制造业',
            permit: `${A}001P`,
            includedOn: '2023-06-01',
            criterion: '五（环保诚信）',
          },
        ],
      }),
    );
    await fs.writeFile(path.join(d, 'insp.csv'), iconv.encode(`统一社会信用代码,检查日期,检查方式,违法情况\r\n${A},2024-05-01,体检式帮扶,无\r\n`, 'gbk'));
    await fs.writeFile(path.join(d, 'credit.csv'), `统一社会信用代码,评价结果,评价日期\n${A},环保诚信企业,2023-05-01\n`);
    const r = zmqd(['check', '渝北区-附表2.xlsx', '--inspections', 'insp.csv', '--credit', 'credit.csv', '--as-of', '2024-10-01', '--format', 'json', '--out', 'r.xlsx'], {
      cwd: d,
    });
    expect(r.stderr).not.toMatch(/内部错误/);
    const j = parse(r.stdout);
    expect(j.errors).toBe(0);
    expect(j.entries[0]).toMatchObject({ eligible: true, eligibleAtInclusion: true, metCriteria: [5], validity: 'valid' });
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(d, 'r.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('需处理');
    expect(String(wb.worksheets[0]!.getCell('A3').value)).toBe('没有需要处理的清单企业。');
    const cell = wb.getWorksheet('核查结果')!.getCell('D2');
    expect(cell.value).toBe('=重庆甲公司');
    expect(cell.formula).toBeUndefined();
    // --strict: the warnings (not in monitoring? none) — a warning-free run stays 0
    const strict = zmqd(['check', '渝北区-附表2.xlsx', '--inspections', 'insp.csv', '--credit', 'credit.csv', '--as-of', '2024-10-01', '--format', 'json', '--strict'], { cwd: d });
    expect(strict.status).toBe(j.warnings ? 1 : 0);
  });

  it('2 without --inspections or --credit', () => {
    const r = check(['lists', '--credit', 'data/信用评价.xlsx', '--as-of', '2024-10-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--inspections');
    const r2 = check(['lists', '--inspections', 'data/检查记录-GBK.csv', '--as-of', '2024-10-01']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('--credit');
  });

  it('2 for an --inspections file that is missing or cannot be read', async () => {
    const missing = check(['lists', '--inspections', 'data/没有这个文件.csv', ...DATA]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
    await fs.writeFile(path.join(dir, 'data', 'broken.csv'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x01, 0x02]));
    const binary = check(['lists', '--inspections', 'data/broken.csv', ...DATA]);
    expect(binary.status).toBe(2);
    expect(binary.stderr).toContain('PDF');
    const folder = check(['lists', '--inspections', 'data', ...DATA]);
    expect(folder.status).toBe(2);
  });

  it('2 for a bad --as-of, a bad --map, a list path that does not exist', async () => {
    expect(check(['lists', '--inspections', 'data/检查记录-GBK.csv', '--credit', 'data/信用评价.xlsx', '--as-of', '2024-13-01']).status).toBe(2);
    await fs.writeFile(path.join(dir, 'data', 'bad-map.json'), '{"inspections": {"x": "不存在的列"}}');
    const map = check(['lists', '--inspections', 'data/检查记录-GBK.csv', '--map', 'data/bad-map.json', ...DATA]);
    expect(map.status).toBe(2);
    expect(map.stderr).toContain('不存在的列');
    expect(check(['nowhere', '--inspections', 'data/检查记录-GBK.csv', ...DATA]).status).toBe(2);
  });

  it('refuses to write --out onto an input', () => {
    const r = check(['lists', '--inspections', 'data/检查记录-GBK.csv', ...DATA, '--out', 'data/信用评价.xlsx']);
    expect(r.status).toBe(2);
  });
});
