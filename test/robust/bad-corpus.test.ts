/**
 * Every command over fixtures/bad/ through the built CLI: each file gets the finding the manifest
 * states, the good files next to the broken ones are still processed, exit codes follow
 * docs/reference.md, and no stack trace ever reaches stderr.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, type BadManifest, type BadManifestEntry } from '../../scripts/fixtures/bad.js';
import { crashLines, ensureBuilt, listFiles, ROOT, runCli, sha256, type CliResult } from './cli.js';
import { itWithTools } from '../helpers/tools.js';

await ensureBuilt();

const BAD = 'fixtures/bad';
const manifest = JSON.parse(readFileSync(path.join(ROOT, BAD, 'manifest.json'), 'utf8')) as BadManifest;
const byPath = new Map(manifest.files.map((f) => [`${BAD}/${f.path}`, f]));
const AS_OF = ['--as-of', manifest.asOf];
const NO_SOFFICE = { SOFFICE: '/nonexistent/soffice' };
const SLOW = 600_000;

const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function clean(r: CliResult, what: string): void {
  expect(crashLines(r.stderr), `${what}: stderr shows a crash:\n${r.stderr}`).toEqual([]);
  expect(r.signal, what).toBeNull();
}

function json<T = Record<string, unknown>>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON object:\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr}`);
  }
}

const codes = (fs: { code: string }[]) => [...new Set(fs.map((f) => f.code))].sort();

interface VFile {
  file: string;
  kind: string | null;
  rows: number;
  errors: number;
  warnings: number;
  findings: { code: string; severity: string; file: string; message: string }[];
}

describe('fixtures/bad/manifest.json', () => {
  it('lists every file of the corpus, and every listed file exists', () => {
    const onDisk = listFiles(path.join(ROOT, BAD)).filter((f) => f !== 'manifest.json');
    expect(onDisk).toEqual(manifest.files.map((f) => f.path).sort());
  });

  it('the committed corpus is what scripts/fixtures/bad.ts generates, byte for byte', async () => {
    const dir = path.join(tmp, 'regen');
    await generate(dir);
    const want = listFiles(path.join(ROOT, BAD));
    expect(listFiles(dir)).toEqual(want);
    for (const f of want) expect(sha256(path.join(dir, f)), f).toBe(sha256(path.join(ROOT, BAD, f)));
  }, 120_000);
});

describe('zmqd validate over the whole corpus', () => {
  function expectPerFile(out: { files: VFile[] }, converted: boolean): void {
    const seen = new Set<string>();
    for (const f of out.files) {
      const m = byPath.get(f.file);
      expect(m, `unexpected file in the output: ${f.file}`).toBeDefined();
      seen.add(f.file);
      const exp = converted && m!.converted ? m!.converted : m!;
      expect({ file: f.file, codes: codes(f.findings), kind: f.kind, rows: f.rows }).toEqual({ file: f.file, codes: [...exp.validate].sort(), kind: exp.kind, rows: exp.rows });
      expect(f.errors > 0, `${f.file}: errors`).toBe(exp.errors);
      for (const x of f.findings) expect(x.message.length, `${f.file}: ${x.code} has a message`).toBeGreaterThan(10);
      if (m!.converted) {
        const legacy = f.findings.find((x) => x.code === 'file-legacy-format')!;
        expect(legacy.severity, f.file).toBe(converted ? 'warning' : 'error');
        if (!converted) expect(legacy.message, f.file).toMatch(/另存为/);
      }
    }
    expect([...seen].sort()).toEqual([...byPath.keys()].sort());
  }

  it(
    'without LibreOffice: every file its finding, legacy files an error saying how to re-save',
    async () => {
      const r = await runCli(['validate', BAD, ...AS_OF, '--format', 'json'], { env: NO_SOFFICE, timeoutMs: SLOW });
      clean(r, 'validate');
      expect(r.code).toBe(1);
      expectPerFile(json(r), false);
    },
    SLOW,
  );

  itWithTools(
    ['soffice'],
    'with LibreOffice: the legacy files are converted and checked, with a warning',
    async () => {
      const r = await runCli(['validate', BAD, ...AS_OF, '--format', 'json'], { timeoutMs: SLOW });
      clean(r, 'validate');
      expect(r.code).toBe(1);
      expectPerFile(json(r), true);
      // converted in a private temporary folder: nothing new beside the inputs
      expect(listFiles(path.join(ROOT, BAD)).filter((f) => f !== 'manifest.json')).toEqual(manifest.files.map((f) => f.path).sort());
    },
    SLOW,
  );

  it(
    'text output, English, and a findings workbook: no crash, every file named',
    async () => {
      const report = path.join(tmp, 'findings.xlsx');
      const r = await runCli(['validate', BAD, ...AS_OF, '--lang', 'en', '--report', report], { env: NO_SOFFICE, timeoutMs: SLOW });
      clean(r, 'validate --lang en');
      expect(r.code).toBe(1);
      for (const f of manifest.files) expect(r.stdout).toContain(path.basename(f.path));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(report);
      expect(wb.worksheets.length).toBeGreaterThan(1);
    },
    SLOW,
  );

  it('the clean files alone: exit 0', async () => {
    const good = manifest.files.filter((f) => !f.errors && !f.converted).map((f) => `${BAD}/${f.path}`);
    expect(good.length).toBeGreaterThanOrEqual(5);
    const r = await runCli(['validate', ...good, ...AS_OF, '--format', 'json'], { env: NO_SOFFICE });
    clean(r, 'validate good');
    expect(r.code).toBe(0);
  });

  it(
    'each broken file alone: exit 1 with its finding (one bad file, nothing else to hide behind)',
    async () => {
      const broken = manifest.files.filter((f) => f.kind === null && f.path.startsWith('annex/'));
      for (const f of broken) {
        const r = await runCli(['validate', `${BAD}/${f.path}`, ...AS_OF, '--format', 'json', '--quiet'], { env: NO_SOFFICE });
        clean(r, f.path);
        expect(r.code, f.path).toBe(1);
        const out = json<{ files: VFile[] }>(r);
        expect(codes(out.files[0]!.findings), f.path).toEqual([...f.validate].sort());
      }
    },
    SLOW,
  );

  it(
    'usage errors are exit 2 without a stack trace',
    async () => {
      const cases: string[][] = [
        ['validate', `${BAD}/nonexistent.xlsx`, ...AS_OF],
        ['validate', BAD, '--as-of', '2024-02-30'],
        ['validate', BAD, ...AS_OF, '--format', 'yaml'],
        ['validate', BAD, ...AS_OF, '--bogus'],
        ['validate'],
        ['validate', BAD, ...AS_OF, '--report', tmp],
        ['validate', BAD, ...AS_OF, '--allow-uscc', `${BAD}/annex/南岸区3季度汇总表-随机字节.xlsx`],
      ];
      for (const args of cases) {
        const r = await runCli(args, { env: NO_SOFFICE });
        clean(r, args.join(' '));
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr.trim().length, args.join(' ')).toBeGreaterThan(0);
      }
    },
    SLOW,
  );
});

describe('zmqd aggregate over the annex folder', () => {
  const annexFiles = manifest.files.filter((f) => f.aggregate !== undefined);

  async function run(env: Record<string, string> | undefined, converted: boolean) {
    const out = path.join(tmp, `city-${converted ? 'c' : 'n'}.xlsx`);
    const r = await runCli(['aggregate', `${BAD}/annex`, '--period', manifest.period, ...AS_OF, '--format', 'json', '--out', out], { env, timeoutMs: SLOW });
    clean(r, 'aggregate');
    expect(r.code).toBe(1);
    const j = json<{ findings: { code: string; file?: string }[]; units: { district: string; file: string | null; status: string }[] }>(r);
    for (const f of annexFiles) {
      const file = `${BAD}/${f.path}`;
      const exp = converted && f.converted ? f.converted : f;
      expect({ file, codes: codes(j.findings.filter((x) => x.file === file)) }).toEqual({ file, codes: [...exp.aggregate!].sort() });
      // a readable Annex 1 is counted; an unreadable file is named as its unit's file; lists count for no unit
      const unit = j.units.find((u) => u.file === file);
      expect({ file, status: unit?.status ?? null }).toEqual({ file, status: exp.aggregateStatus ?? null });
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  }

  it(
    'without LibreOffice',
    async () => {
      await run(NO_SOFFICE, false);
    },
    SLOW,
  );

  itWithTools(
    ['soffice'],
    'with LibreOffice',
    async () => {
      await run(undefined, true);
    },
    SLOW,
  );
});

describe('zmqd check with each data file of the corpus as --inspections', () => {
  const list = `${BAD}/${manifest.checkList}`;
  const credit = `${BAD}/${manifest.checkCredit}`;
  const data = manifest.files.filter((f): f is BadManifestEntry & { check: NonNullable<BadManifestEntry['check']> } => f.check !== undefined);

  it(
    'each data file as its kind: its findings, or exit 2 when it cannot be used',
    async () => {
      for (const f of data) {
        const file = `${BAD}/${f.path}`;
        const pair = f.dataKind === 'credit' ? ['--inspections', `${BAD}/data/检查记录.csv`, '--credit', file] : ['--inspections', file, '--credit', credit];
        const r = await runCli(['check', list, ...pair, ...AS_OF, '--format', 'json', '--quiet'], { env: NO_SOFFICE });
        clean(r, file);
        if ('exit' in f.check) {
          expect({ file, code: r.code }).toEqual({ file, code: 2 });
          expect(r.stdout, file).toBe('');
          expect(r.stderr, file).toContain(file);
          continue;
        }
        expect([0, 1], `${file}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
        const found = collectFindings(json(r)).filter((x) => x.file === file);
        expect({ file, codes: codes(found) }).toEqual({ file, codes: [...f.check.codes].sort() });
      }
    },
    SLOW,
  );

  it(
    'each data file as the other kind, and as --monitoring: exit 2 or a result, never a crash',
    async () => {
      for (const f of data) {
        const file = `${BAD}/${f.path}`;
        const runs = [
          f.dataKind === 'credit' ? ['--inspections', file, '--credit', credit] : ['--inspections', `${BAD}/data/检查记录.csv`, '--credit', file],
          ['--inspections', `${BAD}/data/检查记录.csv`, '--credit', credit, '--monitoring', file],
        ];
        for (const pair of runs) {
          const r = await runCli(['check', list, ...pair, ...AS_OF, '--format', 'json', '--quiet'], { env: NO_SOFFICE });
          clean(r, `${file} ${pair.join(' ')}`);
          expect([0, 1, 2], `${file}: exit ${r.code}`).toContain(r.code);
          if ('exit' in f.check) expect(r.code, file).toBe(2);
          if (r.code === 2) expect(r.stdout, file).toBe('');
          else json(r);
        }
      }
    },
    SLOW,
  );

  it(
    'the whole annex folder as lists: every file reported, the good list checked',
    async () => {
      const out = path.join(tmp, 'check.xlsx');
      const r = await runCli(['check', `${BAD}/annex`, '--inspections', `${BAD}/data/检查记录.csv`, '--credit', credit, ...AS_OF, '--format', 'json', '--out', out], {
        env: NO_SOFFICE,
        timeoutMs: SLOW,
      });
      clean(r, 'check annex');
      expect(r.code).toBe(1);
      const j = json<{ entries: { file: string }[] }>(r);
      const good = manifest.files.find((f) => f.path === manifest.checkList)!;
      expect(j.entries.filter((e) => e.file === list)).toHaveLength(good.rows);
      const all = collectFindings(j);
      for (const f of manifest.files.filter((m) => m.path.startsWith('annex/') && m.kind === null)) {
        expect(
          all.some((x) => x.file === `${BAD}/${f.path}` && f.validate.includes(x.code)),
          `${f.path}: ${f.validate.join(',')}`,
        ).toBe(true);
      }
      expect(existsSync(out)).toBe(true);
    },
    SLOW,
  );
});

describe('zmqd report over the annex folder', () => {
  it(
    'writes its folder, exit 1, no crash',
    async () => {
      const outDir = path.join(tmp, 'report');
      const r = await runCli(
        [
          'report',
          `${BAD}/annex`,
          '--out',
          outDir,
          '--period',
          manifest.period,
          '--inspections',
          `${BAD}/data/检查记录.csv`,
          '--credit',
          `${BAD}/${manifest.checkCredit}`,
          ...AS_OF,
        ],
        { env: NO_SOFFICE, timeoutMs: SLOW },
      );
      clean(r, 'report');
      expect(r.code).toBe(1);
      expect(existsSync(path.join(outDir, 'summary.json'))).toBe(true);
    },
    SLOW,
  );

  it(
    'an unusable data file: exit 2, and no report folder',
    async () => {
      for (const f of manifest.files.filter((m) => m.check && 'exit' in m.check)) {
        const outDir = path.join(tmp, `report-${path.basename(f.path)}`);
        const pair =
          f.dataKind === 'credit'
            ? ['--inspections', `${BAD}/data/检查记录.csv`, '--credit', `${BAD}/${f.path}`]
            : ['--inspections', `${BAD}/${f.path}`, '--credit', `${BAD}/${manifest.checkCredit}`];
        const r = await runCli(['report', `${BAD}/annex`, '--out', outDir, '--period', manifest.period, ...pair, ...AS_OF, '--quiet'], { env: NO_SOFFICE });
        clean(r, f.path);
        expect({ file: f.path, code: r.code }).toEqual({ file: f.path, code: 2 });
        expect(existsSync(outDir), f.path).toBe(false);
      }
    },
    SLOW,
  );
});

/** Every object with a string `code` anywhere in a JSON value. */
function collectFindings(v: unknown, out: { code: string; file?: string }[] = []): { code: string; file?: string }[] {
  if (Array.isArray(v)) for (const x of v) collectFindings(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.code === 'string' && typeof o.severity === 'string') out.push(o as { code: string; file?: string });
    for (const x of Object.values(o)) collectFindings(x, out);
  }
  return out;
}
