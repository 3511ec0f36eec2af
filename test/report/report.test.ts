import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { bin, root, zmqd } from '../helpers/cli.js';
import { rowHeightFor, wrappedLines } from '../../src/writers/xlsx-common.js';

const inbox = path.join(root, 'fixtures', 'inbox');
const manifest = JSON.parse(readFileSync(path.join(inbox, 'manifest.json'), 'utf8'));
const args = (out: string) => ['report', path.join(inbox, '2024Q3'), '--config', path.join(inbox, 'zmqd.config.json'), '--as-of', manifest.asOf, '--out', out, '--quiet'];

/** Every cell value of every sheet of a workbook, for comparing two runs. */
async function cells(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((c, col) => (out[`${ws.name}!${r}:${col}`] = JSON.stringify(c.value)))));
  return out;
}

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

describe('zmqd report on the bundled inbox', () => {
  let out: string;
  let first: ReturnType<typeof zmqd>;
  let summary: any;
  let inputHashes: Record<string, string>;

  beforeAll(() => {
    inputHashes = hashTree(inbox);
    out = path.join(mkdtempSync(path.join(tmpdir(), 'zmqd-report-')), 'reports', '2024Q3');
    first = zmqd(args(out));
    summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
  }, 240_000);

  it('exits 1 (planted errors), prints no stack trace, and writes the four files', () => {
    expect(first.status).toBe(1);
    expect(first.stderr).not.toMatch(/\n\s+at |TypeError|internal error/);
    const visible = readdirSync(out).filter((f) => !f.startsWith('.'));
    expect(visible.sort()).toEqual(['summary.json', '全市汇总表-2024Q3.xlsx', '问题清单.xlsx', '资格核查.xlsx'].sort());
    expect([...summary.files].sort()).toEqual(visible.sort());
  });

  it('summary.json holds the validate, aggregate and check objects of the contract', () => {
    expect(summary.validate.command).toBe('validate');
    expect(summary.aggregate.command).toBe('aggregate');
    expect(summary.check.command).toBe('check');
    expect(summary.period).toBe('2024Q3');
    expect(summary.validate.files).toHaveLength(manifest.files.length);
  });

  it('aggregates exactly: totals, increments and missing units as the generator made them', () => {
    expect(summary.aggregate.total).toEqual(manifest.total);
    expect(summary.aggregate.totalIncrement).toEqual(manifest.totalIncrement);
    expect(summary.aggregate.missing).toEqual(manifest.missing);
    expect(summary.aggregate.units).toHaveLength(manifest.roster);
  });

  it('finds every planted mistake, cross-checks included, at its file and cell', () => {
    const all = [
      ...summary.validate.files.flatMap((f: any) => f.findings),
      ...summary.aggregate.findings,
      ...summary.check.entries.flatMap((e: any) => e.findings),
      ...summary.crossChecks.findings,
    ];
    for (const p of manifest.planted) {
      const hit = all.find(
        (f: any) => f.code === p.code && f.file.endsWith(p.file.replace(/^2024Q3\//, '')) && (!p.cell || f.cell === p.cell || (f.row && `D${f.row}` === p.cell)),
      );
      expect(hit, `${p.code} in ${p.file} ${p.cell ?? ''}`).toBeDefined();
    }
    const onsite = summary.crossChecks.findings.filter((f: any) => f.code === 'onsite-count-mismatch');
    expect(onsite).toHaveLength(1);
    expect(onsite[0].message).toMatch(/九龙坡区.*8.*3 次/);
  });

  it("counts each problem once in the run's totals, though every step reports an unreadable file", () => {
    const sections = [summary.validate, summary.aggregate, summary.check, summary.crossChecks];
    const listed = [
      ...summary.validate.files.flatMap((f: any) => f.findings),
      ...summary.aggregate.findings,
      ...summary.check.findings,
      ...summary.check.entries.flatMap((e: any) => e.findings),
      ...summary.crossChecks.findings,
    ];
    const distinct = (sev: string) => new Set(listed.filter((f: any) => f.severity === sev).map((f: any) => [f.code, f.file, f.sheet, f.cell, f.row, f.value].join('|'))).size;
    const unreadable = listed.filter((f: any) => f.code === 'file-unreadable');
    expect(new Set(unreadable.map((f: any) => f.file)).size).toBe(1);
    expect(unreadable.length).toBeGreaterThan(1); // validate, aggregate and check each name it
    expect(summary.errors).toBe(distinct('error'));
    expect(summary.warnings).toBe(distinct('warning'));
    expect(summary.errors).toBeLessThan(sections.reduce((n: number, s: any) => n + s.errors, 0));
    expect(first.stdout).toMatch(new RegExp(`合计\\s+${summary.errors} 个错误，${summary.warnings} 个警告`));
  });

  it("the findings workbook counts an unreadable file once in its unit's row", async () => {
    const file = summary.validate.files.find((f: any) => f.findings.some((x: any) => x.code === 'file-unreadable'));
    const unit = path.basename(file.file).match(/^(.+?[区县])/)![1];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '问题清单.xlsx'));
    let errors: unknown;
    wb.worksheets[0]!.eachRow((row, r) => {
      if (r > 3 && row.getCell(2).value === unit) errors = row.getCell(6).value;
    });
    expect(errors).toBe(file.findings.filter((x: any) => x.severity === 'error').length);
  });

  it('gives the check verdicts of the manifest', () => {
    expect(summary.check.summary).toEqual(manifest.check.summary);
  });

  it('writes the findings workbook: a summary row per unit and a sheet per unit with findings', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '问题清单.xlsx'));
    const sum = wb.worksheets[0]!;
    expect(sum.name).toBe('汇总');
    const rows: Record<string, string[]> = {};
    sum.eachRow((row, r) => {
      if (r > 3) rows[String(row.getCell(2).value)] = [3, 4, 5].map((c) => String(row.getCell(c).value));
    });
    expect(rows['城口县']).toEqual(['未报送', '未报送', '—']);
    expect(rows['九龙坡区']![0]).toBe('已报送');
    expect(rows['江津区']![2]).toBe('有错误');
    expect(Object.keys(rows).length).toBeGreaterThanOrEqual(manifest.roster);
    const names = wb.worksheets.map((w) => w.name);
    for (const u of ['江津区', '渝北区', '九龙坡区', '北碚区']) expect(names).toContain(u);
  });

  /** Every finding of every stage in summary.json, each problem once (as the run counts them). */
  function stageFindings(): any[] {
    const all = [
      ...summary.validate.files.flatMap((f: any) => f.findings),
      ...summary.aggregate.findings,
      ...summary.check.findings,
      ...summary.check.entries.flatMap((e: any) => e.findings),
      ...summary.crossChecks.findings,
    ];
    const seen = new Set<string>();
    return all.filter((f: any) => {
      const k = [f.code, f.file, f.sheet, f.cell, f.row, f.value].join('|');
      return !seen.has(k) && seen.add(k) !== undefined;
    });
  }

  it("问题清单 holds every stage's findings: its counts equal summary.json's, per district, summary row and sheet alike", async () => {
    // the unit of each file, as summary.json lists what each unit sent
    const unitOf = new Map<string, string>();
    for (const u of summary.units) for (const f of [...u.annex1, ...u.annex2]) if (u.unit) unitOf.set(f, u.unit);
    const expected = new Map<string, { errors: number; warnings: number; codes: Set<string> }>();
    for (const f of stageFindings()) {
      const unit = f.file ? unitOf.get(f.file) : undefined;
      if (!unit || f.severity === 'info') continue;
      const e = expected.get(unit) ?? { errors: 0, warnings: 0, codes: new Set<string>() };
      if (f.severity === 'error') e.errors++;
      else e.warnings++;
      e.codes.add(f.code);
      expected.set(unit, e);
    }
    // the two districts whose only errors come from the check
    expect([...expected.get('永川区')!.codes]).toEqual(['must-remove']);
    expect([...expected.get('沙坪坝区')!.codes]).toEqual(['never-again']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '问题清单.xlsx'));
    const rows = new Map<string, { result: string; errors: number; warnings: number }>();
    wb.worksheets[0]!.eachRow((row, r) => {
      if (r > 3) rows.set(String(row.getCell(2).value), { result: String(row.getCell(5).value), errors: Number(row.getCell(6).value), warnings: Number(row.getCell(7).value) });
    });
    const sheetsWithFindings: string[] = [];
    for (const u of summary.units) {
      if (!u.unit) continue;
      const e = expected.get(u.unit) ?? { errors: 0, warnings: 0 };
      expect([u.unit, u.errors, u.warnings]).toEqual([u.unit, e.errors, e.warnings]);
      const row = rows.get(u.unit)!;
      expect([u.unit, row.errors, row.warnings]).toEqual([u.unit, e.errors, e.warnings]);
      if (e.errors) expect([u.unit, row.result]).toEqual([u.unit, '有错误']);
      const ws = wb.getWorksheet(u.unit);
      if (!e.errors && !e.warnings) continue;
      sheetsWithFindings.push(u.unit);
      expect(ws, u.unit).toBeDefined();
      const sev: string[] = [];
      ws!.eachRow((r, n) => {
        if (n > 4) sev.push(String(r.getCell(6).value));
      });
      expect([u.unit, sev.filter((x) => x === '错误').length, sev.filter((x) => x === '警告').length]).toEqual([u.unit, e.errors, e.warnings]);
    }
    // one sheet per unit with findings, in the roster's order, after the summary
    expect(wb.worksheets.map((w) => w.name).slice(1, 1 + sheetsWithFindings.length)).toEqual(sheetsWithFindings);
    const yc = wb.getWorksheet('永川区')!;
    expect(yc.getCell('G5').value).toBe('must-remove');
    expect(wb.getWorksheet('沙坪坝区')!.getCell('G5').value).toBe('never-again');
  });

  it("each district's sheet can be sent as it is: title, period, as-of, its files; errors first; A4 landscape, header repeated, nothing clipped", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '问题清单.xlsx'));
    for (const u of summary.units.filter((x: any) => x.unit && (x.errors || x.warnings))) {
      const ws = wb.getWorksheet(u.unit)!;
      expect(String(ws.getCell('A1').value)).toBe(`${u.unit}正面清单报送问题清单（2024年第三季度）`);
      expect(String(ws.getCell('A2').value)).toContain(`判定日期：${manifest.asOf}；错误 ${u.errors} 条，警告 ${u.warnings} 条`);
      const files = String(ws.getCell('A3').value);
      for (const f of [...u.annex1, ...u.annex2]) expect(files).toContain(path.basename(f));
      expect(files).not.toContain('inbox/');
      expect([1, 6, 8].map((c) => ws.getCell(4, c).value)).toEqual(['文件', '严重程度', '问题说明']);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      const order = { 错误: 0, 警告: 1, 提示: 2 } as Record<string, number>;
      let last = 0;
      ws.eachRow((row, n) => {
        if (n < 5) return;
        const sev = order[String(row.getCell(6).value)]!;
        expect(sev).toBeGreaterThanOrEqual(last);
        last = sev;
        // the whole file name, wrapped: the row is as tall as the wrapped name needs
        const file = String(row.getCell(1).value);
        expect(file).not.toMatch(/[\\/]/);
        for (const c of [1, 8]) expect(row.getCell(c).alignment?.wrapText).toBe(true);
        const lines = wrappedLines(file, ws.getColumn(1).width!, 10);
        expect(row.height ?? 15).toBeGreaterThanOrEqual(rowHeightFor(lines, 10));
      });
    }
  });

  it("an expired entry reported at its 纳入日期 cell shows that cell's value; the computed end is in the message", () => {
    const expired = stageFindings().filter((f: any) => f.code === 'entry-expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ cell: 'G8', column: '纳入日期', value: '2021-09-30' });
    expect(expired[0].message).toContain('已于 2024-09-29 届满（自纳入日期 2021-09-30 起按 3 年计');
  });

  it('writes the city-wide Annex 1 with the exact 合计', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '全市汇总表-2024Q3.xlsx'));
    const ws = wb.worksheets[0]!;
    let total: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value).replace(/\s/g, '') === '合计') total = row;
    });
    expect(total).toBeDefined();
    const v = total!.getCell(2).value as any;
    expect(typeof v === 'object' ? v.result : v).toBe(manifest.total.listed);
  });

  it('never touches the inbox', () => {
    expect(hashTree(inbox)).toEqual(inputHashes);
  });

  it('a second run gives the same summary and the same cell contents', async () => {
    const before: Record<string, Record<string, unknown>> = {};
    for (const f of readdirSync(out).filter((f) => f.endsWith('.xlsx'))) before[f] = await cells(path.join(out, f));
    const again = zmqd(args(out));
    expect(again.status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'))).toEqual(summary);
    for (const f of Object.keys(before)) expect(await cells(path.join(out, f))).toEqual(before[f]);
    // no leftovers of the swap beside the report: the link and the one hidden folder it points to
    expect(readdirSync(path.dirname(out)).sort()).toEqual([readlinkSync(out), '2024Q3'].sort());
  }, 240_000);

  it('refuses to write into the inbox (exit 2)', () => {
    const r = zmqd([...args(path.join(inbox, '2024Q3', 'reports'))]);
    expect(r.status).toBe(2);
    expect(existsSync(path.join(inbox, '2024Q3', 'reports'))).toBe(false);
  });
});

describe("zmqd validate of several districts' lists", () => {
  it("reports a USCC that stands on two districts' lists, a warning on each entry, as check and report do", () => {
    const r = zmqd(['validate', path.join(inbox, '2024Q3'), '--as-of', manifest.asOf, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    const dup = j.files.flatMap((f: any) =>
      f.findings.filter((x: any) => x.code === 'uscc-duplicate-across-districts').map((x: any) => ({ ...x, district: f.district, warnings: f.warnings })),
    );
    expect(dup.map((x: any) => [x.district, x.severity, x.cell, x.value]).sort()).toEqual([
      ['涪陵区', 'warning', 'D20', '91500115MA60NMFE39'],
      ['长寿区', 'warning', 'D7', '91500115MA60NMFE39'],
    ]);
    expect(dup.find((x: any) => x.district === '涪陵区').message).toContain('长寿区');
    for (const x of dup) expect(x.warnings).toBeGreaterThanOrEqual(1); // counted in its file
    // one district's lists alone: nothing across districts
    const one = JSON.parse(zmqd(['validate', path.join(inbox, '2024Q3', '附表2-涪陵区.xlsx'), '--as-of', manifest.asOf, '--format', 'json']).stdout);
    expect(one.files[0].findings.map((x: any) => x.code)).not.toContain('uscc-duplicate-across-districts');
  });
});

describe('zmqd report --out that cannot be written', () => {
  it('is refused (exit 2) before the inbox or the enforcement data is read', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'zmqd-badout-'));
    const file = path.join(base, '不是文件夹.txt');
    writeFileSync(file, 'x');
    for (const out of [path.join(file, 'reports'), path.join(file, '{period}'), file]) {
      const loud = args(out).filter((a) => a !== '--quiet');
      const r = zmqd(loud);
      expect([out, r.status]).toEqual([out, 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/无法创建报告文件夹|已存在且不是文件夹/);
      // the first thing a run that reads says (and the data files are read before it)
      expect(r.stderr).not.toContain('读取收件文件夹');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
    // inside the inbox, known before the period is
    const inside = zmqd(args(path.join(inbox, '2024Q3', '{period}')).filter((a) => a !== '--quiet'));
    expect(inside.status).toBe(2);
    expect(inside.stderr).not.toContain('读取收件文件夹');
  });
});

describe('zmqd report killed halfway', () => {
  it('never leaves a half-written report folder', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'zmqd-kill-'));
    const out = path.join(base, 'reports');
    for (const delay of [400, 1200, 2500, 4000]) {
      const child = spawn(process.execPath, [bin, ...args(out)], { stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL'); // a no-op when the run already finished: then the report must be complete
      await exited;
      // either no report at all, or a complete one
      if (existsSync(out)) {
        const files = readdirSync(out).filter((f) => !f.startsWith('.'));
        expect(files).toContain('summary.json');
        const s = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
        expect([...files].sort()).toEqual([...s.files].sort());
        for (const f of files) expect(statSync(path.join(out, f)).size).toBeGreaterThan(0);
      }
      // nothing visible but the report itself (a killed run's temp folder is hidden, and removed by the next run)
      expect(readdirSync(base).filter((n) => !n.startsWith('.'))).toEqual(existsSync(out) ? ['reports'] : []);
    }
    // the next run cleans the hidden leftovers
    expect(zmqd(args(out)).status).toBe(1);
    expect(readdirSync(base).sort()).toEqual([readlinkSync(out), 'reports'].sort());
  }, 300_000);
});
