/**
 * Issue 14, items 2 and 3: big bad inputs give a useful report in bounded memory, or are refused with
 * their finding, and the other files of the run are still reported. Every input is generated here
 * (test/robust/big.ts), every run's peak memory is measured (max RSS) and held under 1 GiB, and the
 * inputs are byte-identical afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashLines, ensureBuilt, sha256 } from './cli.js';
import { PEAK_LIMIT_KIB, runMeasured, type Measured } from './measure.js';
import { creditCsv, invalidAnnex2, manyCellsAnnex2, oneCharRowsCsv, oneLineCsv, unclosedAnnex2, unusableInspectionsCsv, validAnnex2 } from './big.js';

await ensureBuilt();

const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const AS_OF = ['--as-of', '2024-10-01'];
const MIN = 60_000;

function put(name: string, bytes: Uint8Array | string): string {
  const f = path.join(tmp, name);
  writeFileSync(f, bytes);
  return f;
}

/** Inputs unchanged, no crash, peak memory under 1 GiB. */
async function measured(args: string[], inputs: string[]): Promise<Measured> {
  const before = inputs.map(sha256);
  const r = await runMeasured([...args, ...AS_OF], { timeoutMs: 3 * MIN });
  expect(r.signal, r.stderr).toBeNull();
  expect(crashLines(r.stderr), r.stderr).toEqual([]);
  expect(r.maxRssKiB, `peak memory ${Math.round(r.maxRssKiB / 1024)} MiB`).toBeLessThan(PEAK_LIMIT_KIB);
  expect(inputs.map(sha256)).toEqual(before);
  return r;
}

interface JFinding {
  code: string;
  severity: string;
  value?: string;
  omitted?: number;
  message: string;
  file?: string;
}
interface JFile {
  file: string;
  kind: string | null;
  rows: number;
  errors: number;
  warnings: number;
  findings: JFinding[];
}

const perCode = (fs: JFinding[]) => {
  const m = new Map<string, number>();
  for (const f of fs) m.set(f.code, (m.get(f.code) ?? 0) + 1);
  return m;
};

const good = put('附表2-渝北区-good.xlsx', validAnnex2(50));
const credit = put('信用评价.csv', creditCsv(50));

describe('findings are capped per file and code (item 2)', () => {
  const n = 20_000;
  const bad = put('附表2-渝北区-20000行全错.xlsx', invalidAnnex2(n));

  it(
    `validate: ${n} wrong rows give at most 1,000 findings of each code, the count of the rest, and every problem in the totals`,
    async () => {
      const r = await measured(['validate', bad, '--format', 'json'], [bad]);
      expect(r.code).toBe(1);
      const file = (JSON.parse(r.stdout) as { files: JFile[] }).files[0]!;
      expect(file.rows).toBe(n);
      const counts = perCode(file.findings);
      for (const [code, c] of counts) if (code !== 'findings-omitted') expect(c, code).toBeLessThanOrEqual(1000);
      const omitted = file.findings.filter((f) => f.code === 'findings-omitted');
      // every row has a wrong checksum: 1,000 listed, 19,000 counted
      const checksum = omitted.find((f) => f.value === 'uscc-checksum')!;
      expect(checksum.omitted).toBe(n - 1000);
      expect(checksum.severity).toBe('error');
      expect(checksum.message).toContain(`另有 ${n - 1000} 个`);
      expect(counts.get('uscc-checksum')).toBe(1000);
      // the totals count the omitted problems too
      const listedErrors = file.findings.filter((f) => f.severity === 'error' && f.code !== 'findings-omitted').length;
      const omittedErrors = omitted.filter((f) => f.severity === 'error').reduce((a, f) => a + f.omitted!, 0);
      expect(file.errors).toBe(listedErrors + omittedErrors);
      expect(r.stdout.length).toBeLessThan(20 * 1024 * 1024);
    },
    3 * MIN,
  );

  it(
    '--max-findings sets the cap (and the text report says how many more there are)',
    async () => {
      const r = await measured(['validate', bad, '--max-findings', '3', '--lang', 'en'], [bad]);
      expect(r.code).toBe(1);
      const flat = r.stdout.replace(/\n\s+/g, ' '); // the text report wraps messages at 80 columns
      expect(flat).toContain(`${n - 3} more "`);
      expect(flat).toContain('(uscc-checksum) findings in this file are not listed (at most 3 of each kind per file)');
      const bad2 = await runMeasured(['validate', bad, '--max-findings', 'lots', ...AS_OF]);
      expect(bad2.code).toBe(2);
      expect(bad2.stderr).toContain('--max-findings');
    },
    3 * MIN,
  );

  it(
    `check: an inspection export of ${n} unusable rows (dates like 2024年13月1日) gives 1,000 of them and the count`,
    async () => {
      const insp = put('检查记录-日期全错.csv', unusableInspectionsCsv(n));
      const r = await measured(['check', good, '--inspections', insp, '--credit', credit, '--format', 'json'], [good, insp, credit]);
      expect(r.code).toBe(1);
      const j = JSON.parse(r.stdout) as { findings: JFinding[]; entries: unknown[]; errors: number; warnings: number };
      expect(j.entries).toHaveLength(50);
      const mine = j.findings.filter((f) => f.file === insp);
      expect(perCode(mine).get('data-row-invalid')).toBe(1000);
      const o = mine.find((f) => f.code === 'findings-omitted' && f.value === 'data-row-invalid')!;
      expect(o.omitted).toBe(n - 1000);
    },
    3 * MIN,
  );
});

describe('inputs past the limits are refused with the reason, in bounded memory (item 3)', () => {
  it(
    'a 49 MB CSV whose data is one line: too many columns, exit 2',
    async () => {
      const f = put('检查记录-一行49MB.csv', oneLineCsv(49));
      const r = await measured(['check', good, '--inspections', f, '--credit', credit], [f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('列数过多');
      expect(r.stderr).toContain('too many columns on line 2');
    },
    3 * MIN,
  );

  it(
    'a CSV record of more than 10 Mi characters (one field, or an unclosed quote): line too long',
    async () => {
      const f = put('检查记录-超长行.csv', '统一社会信用代码,企业名称,检查日期\n"' + 'x'.repeat(11 * 1024 * 1024) + '\n');
      const r = await measured(['check', good, '--inspections', f, '--credit', credit], [f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('第 2 行过长');
      expect(r.stderr).toContain('第 2 行的引号没有闭合');
    },
    3 * MIN,
  );

  it(
    'a CSV of 10 million one-character rows: too many rows, refused at once',
    async () => {
      const f = put('检查记录-一千万行.csv', oneCharRowsCsv(10_000_000));
      const r = await measured(['check', good, '--inspections', f, '--credit', credit], [f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('行数过多');
      expect(r.stderr).toContain('1,048,576');
    },
    3 * MIN,
  );

  it(
    'a 29 MB sheet of millions of unclosed elements: file-unreadable, and the other file is still validated',
    async () => {
      const f = put('附表2-未闭合.xlsx', unclosedAnnex2(29));
      const r = await measured(['validate', f, good, '--format', 'json'], [f, good]);
      expect(r.code).toBe(1);
      const files = (JSON.parse(r.stdout) as { files: JFile[] }).files;
      expect(files[0]!.findings.map((x) => x.code)).toEqual(['file-unreadable']);
      expect(files[0]!.findings[0]!.message).toContain('嵌套超过 256 层');
      expect(files[1]!.kind).toBe('annex2');
      expect(files[1]!.rows).toBe(50);
    },
    3 * MIN,
  );

  it(
    'a sheet of millions of cells under the Annex 2 header: file-too-large, and the other file is still validated',
    async () => {
      // 4.1 million cells: past the 4,000,000 limit (the 10-million-cell case of the issue is refused the same way)
      const f = put('附表2-单元格过多.xlsx', manyCellsAnnex2(4_100_000));
      const r = await measured(['validate', f, good, '--format', 'json'], [f, good]);
      expect(r.code).toBe(1);
      const files = (JSON.parse(r.stdout) as { files: JFile[] }).files;
      expect(files[0]!.findings.map((x) => x.code)).toEqual(['file-too-large']);
      expect(files[0]!.findings[0]!.message).toContain('单元格过多');
      expect(files[1]!.kind).toBe('annex2');
    },
    3 * MIN,
  );
});
