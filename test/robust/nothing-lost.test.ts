/**
 * Nothing lost: inputs are never modified, a killed write leaves no partial output, an output is
 * never written over an input, and formula-looking text in any output stays text.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadManifest } from '../../scripts/fixtures/bad.js';
import { itWithTools } from '../helpers/tools.js';
import { BIN, crashLines, ensureBuilt, listFiles, ROOT, runCli, sha256, type CliResult } from './cli.js';

await ensureBuilt();

const BAD = path.join(ROOT, 'fixtures', 'bad');
const manifest = JSON.parse(readFileSync(path.join(BAD, 'manifest.json'), 'utf8')) as BadManifest;
const AS_OF = ['--as-of', manifest.asOf];
const NO_SOFFICE = { SOFFICE: '/nonexistent/soffice' };
const SLOW = 600_000;

const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-lost-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function clean(r: CliResult, what: string): void {
  expect(crashLines(r.stderr), `${what}: stderr shows a crash:\n${r.stderr}`).toEqual([]);
}

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, sha256(path.join(dir, f))]));
}

const DATA_INSP = path.join(BAD, 'data', '检查记录.csv');
const DATA_CREDIT = path.join(BAD, 'data', '信用评价.csv');

describe('inputs are never modified', () => {
  it(
    'every command over the corpus leaves every input byte-identical, and nothing new beside them',
    async () => {
      const before = hashes(BAD);
      const out = path.join(tmp, 'hash-run');
      mkdirSync(out);
      const runs: string[][] = [
        ['validate', BAD, ...AS_OF, '--report', path.join(out, 'v.xlsx')],
        ['validate', BAD, ...AS_OF, '--format', 'json', '--lang', 'en', '--strict'],
        ['aggregate', path.join(BAD, 'annex'), '--period', manifest.period, ...AS_OF, '--out', path.join(out, 'a.xlsx')],
      ];
      runs.push(['check', path.join(BAD, 'annex'), '--inspections', DATA_INSP, '--credit', DATA_CREDIT, ...AS_OF, '--out', path.join(out, 'c.xlsx')]);
      runs.push(['report', path.join(BAD, 'annex'), '--out', path.join(out, 'report'), '--period', manifest.period, '--inspections', DATA_INSP, '--credit', DATA_CREDIT, ...AS_OF]);
      for (const args of runs) {
        const r = await runCli(args, { env: NO_SOFFICE, timeoutMs: SLOW });
        clean(r, args[0]!);
        expect([0, 1], `${args.join(' ')}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
      }
      expect(hashes(BAD)).toEqual(before);
    },
    SLOW,
  );

  // the legacy files go through LibreOffice: converted in a private folder, never beside the input
  itWithTools(
    ['soffice'],
    'legacy files converted by LibreOffice leave the inputs byte-identical, and nothing new beside them',
    async () => {
      const before = hashes(BAD);
      const legacy = manifest.files.filter((f) => f.converted).map((f) => path.join(BAD, f.path));
      const r = await runCli(['validate', ...legacy, ...AS_OF], { timeoutMs: SLOW });
      clean(r, 'validate legacy');
      expect(hashes(BAD)).toEqual(before);
    },
    SLOW,
  );
});

describe('an output never overwrites an input', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(tmp, 'in');
    mkdirSync(dir);
    for (const f of ['annex/江北区3季度落实监督执法正面清单工作情况汇总表.xlsx', 'annex/渝北区附表2监督执法正面清单企业列表.xlsx', 'data/检查记录.csv', 'data/信用评价.csv']) {
      cpSync(path.join(BAD, f), path.join(dir, path.basename(f)));
    }
    symlinkSync(dir, path.join(tmp, 'in-link'));
  });

  it(
    '--report / --out naming an input, however spelt, is exit 2 and the input stays',
    async () => {
      const a1 = path.join(dir, '江北区3季度落实监督执法正面清单工作情况汇总表.xlsx');
      const a2 = path.join(dir, '渝北区附表2监督执法正面清单企业列表.xlsx');
      const insp = path.join(dir, '检查记录.csv');
      const before = hashes(dir);
      const spellings = (f: string) => [f, path.join(dir, '..', 'in', path.basename(f)), path.join(tmp, 'in-link', path.basename(f)), path.relative(ROOT, f)];
      const cases: string[][] = [];
      for (const target of spellings(a1)) {
        cases.push(['validate', dir, ...AS_OF, '--report', target]);
        cases.push(['aggregate', a1, '--period', manifest.period, ...AS_OF, '--out', target]);
      }
      for (const target of [...spellings(a2), ...spellings(insp)])
        cases.push(['check', a2, '--inspections', insp, '--credit', path.join(dir, '信用评价.csv'), ...AS_OF, '--out', target]);
      for (const args of cases) {
        const r = await runCli(args, { env: NO_SOFFICE });
        clean(r, args.join(' '));
        expect({ args: args.join(' '), code: r.code }).toEqual({ args: args.join(' '), code: 2 });
        expect(r.stderr).toMatch(/覆盖输入文件|overwrite an input/);
      }
      expect(hashes(dir)).toEqual(before);
    },
    SLOW,
  );

  it('an output path that is a folder, or under a file, is exit 2 with a reason', async () => {
    const a1 = path.join(dir, '江北区3季度落实监督执法正面清单工作情况汇总表.xlsx');
    for (const target of [tmp, path.join(a1, 'x.xlsx')]) {
      const r = await runCli(['validate', a1, ...AS_OF, '--report', target], { env: NO_SOFFICE });
      clean(r, target);
      expect(r.code, target).toBe(2);
      expect(r.stderr, target).toMatch(/文件夹|folder/);
    }
  });
});

describe('a killed write leaves no partial output', () => {
  const big = () => path.join(tmp, 'big');
  beforeAll(() => {
    cpSync(path.join(ROOT, 'fixtures', 'quarters', '2021Q3-problems'), big(), { recursive: true });
  });

  /** Visible files of the output folder: only ever the complete report. */
  function visible(dir: string): string[] {
    return readdirSync(dir).filter((f) => !f.startsWith('.'));
  }

  it(
    'validate --report killed at varied moments: the report is absent or complete, never partial',
    async () => {
      const outDir = path.join(tmp, 'kill');
      mkdirSync(outDir);
      const report = path.join(outDir, 'findings.xlsx');
      const args = [BIN, 'validate', big(), ...AS_OF, '--report', report, '--quiet'];
      const full = await runCli(args.slice(1), { env: NO_SOFFICE });
      expect(full.code).toBe(1);
      const complete = readFileSync(report);
      const T = full.ms;
      const outcomes = { absent: 0, complete: 0 };
      const attempts = 10;
      for (let i = 0; i < attempts; i++) {
        rmSync(report, { force: true });
        const delay = Math.round(T * (0.3 + (0.9 * i) / (attempts - 1)));
        const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...NO_SOFFICE }, stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        await new Promise((r) => child.on('close', r));
        clearTimeout(timer);
        const names = visible(outDir);
        expect(
          names.filter((n) => n !== 'findings.xlsx'),
          `attempt ${i}: stray visible files`,
        ).toEqual([]);
        if (existsSync(report)) {
          expect(readFileSync(report).equals(complete), `attempt ${i} (killed after ${delay} ms): a partial report`).toBe(true);
          outcomes.complete++;
        } else outcomes.absent++;
      }
      expect(outcomes.absent + outcomes.complete).toBe(attempts);
      // the next run cleans the hidden temporary files the killed runs left
      const again = await runCli(args.slice(1), { env: NO_SOFFICE });
      expect(again.code).toBe(1);
      expect(readdirSync(outDir)).toEqual(['findings.xlsx']);
      expect(readFileSync(report).equals(complete)).toBe(true);
    },
    SLOW,
  );

  it(
    'killed in the middle of writing a large file: the target is never there; the temp is hidden and cleaned next time',
    async () => {
      const outDir = path.join(tmp, 'kill-big');
      mkdirSync(outDir);
      const target = path.join(outDir, 'out.xlsx');
      const io = pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'io.js')).href;
      // 192 MiB: the write takes long enough to be caught in the act
      const script = `const { writeAtomic } = await import(${JSON.stringify(io)}); await writeAtomic(${JSON.stringify(target)}, new Uint8Array(192 * 1024 * 1024).fill(65));`;
      let caught = false;
      for (let attempt = 0; attempt < 5 && !caught; attempt++) {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
        const closed = new Promise((r) => child.on('close', r));
        let done = false;
        void closed.then(() => (done = true));
        while (!done) {
          const tmpName = readdirSync(outDir).find((n) => n.endsWith('.tmp'));
          const size = tmpName ? (statSync(path.join(outDir, tmpName), { throwIfNoEntry: false })?.size ?? 0) : 0;
          if (size > 0 && size < 192 * 1024 * 1024) {
            child.kill('SIGKILL');
            caught = true;
            break;
          }
          await new Promise((r) => setTimeout(r, 2));
        }
        await closed;
        if (caught) expect(existsSync(target), 'a killed write must not leave the target').toBe(false);
        else rmSync(target, { force: true }); // finished before we saw it: try again
      }
      expect(caught, 'never caught the write in progress').toBe(true);
      expect(existsSync(target)).toBe(false);
      expect(visible(outDir)).toEqual([]);
      expect(readdirSync(outDir).filter((n) => /^\.out\.xlsx\.\d+\.[0-9a-f]{8}\.tmp$/.test(n)).length).toBeGreaterThan(0);
      const a1 = path.join(BAD, 'annex', '江北区3季度落实监督执法正面清单工作情况汇总表.xlsx');
      const r = await runCli(['validate', a1, ...AS_OF, '--report', target], { env: NO_SOFFICE });
      expect(r.code).toBe(0);
      expect(readdirSync(outDir)).toEqual(['out.xlsx']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(target);
    },
    SLOW,
  );
});

// ------------------------------------------------------------------------------------------
// formula-looking text

/** The formula-looking texts the corpus puts in cells (see scripts/fixtures/bad.ts). */
const INJECTED = ['=1+2', '+8613800000000', '-1+1', '@SUM(A1:A9)', "=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid/","点击查看")'];

function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

interface XCell {
  sheet: string;
  ref: string;
  t: string;
  text: string;
  formula: string | null;
}

/** Every cell of every worksheet of an xlsx, with its type, text and formula (XML-decoded). */
function cells(bytes: Uint8Array): XCell[] {
  const files = unzipSync(bytes);
  const sst = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => decode([...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')))
    : [];
  const out: XCell[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const attrs = m[1]!;
      const inner = m[2] ?? '';
      const ref = /\br="([^"]+)"/.exec(attrs)?.[1] ?? '?';
      const t = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
      const f = /<f\b[^>]*>(.*?)<\/f>|<f\b[^>]*\/>/s.exec(inner);
      const v = /<v>(.*?)<\/v>/s.exec(inner)?.[1];
      let text = '';
      if (t === 's' && v !== undefined) text = sst[Number(v)] ?? '';
      else if (t === 'inlineStr') text = decode([...inner.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((x) => x[1]).join(''));
      else if (v !== undefined) text = decode(v);
      out.push({ sheet: name, ref, t, text, formula: f ? decode(f[1] ?? '') : null });
    }
  }
  return out;
}

/** Each injected text that appears must be a plain string cell, and no formula may contain it. */
function expectText(bytes: Uint8Array, what: string, mustContain: string[]): void {
  const cs = cells(bytes);
  for (const s of new Set([...INJECTED, ...mustContain])) {
    const holders = cs.filter((c) => c.text === s);
    if (mustContain.includes(s)) expect(holders.length, `${what}: "${s}" is not in any cell`).toBeGreaterThan(0);
    for (const c of holders)
      expect({ what, s, ref: c.ref, t: c.t, formula: c.formula }).toEqual({ what, s, ref: c.ref, t: c.t === 'inlineStr' ? 'inlineStr' : 's', formula: null });
    const bare = s.replace(/^[=+@]/, '');
    for (const c of cs) if (c.formula !== null) expect(c.formula.includes(bare), `${what}: formula ${c.sheet}!${c.ref} =${c.formula} carries "${s}"`).toBe(false);
  }
}

describe('formula-looking text stays text in every output', () => {
  const pengshui = path.join(BAD, 'annex', '彭水苗族土家族自治县附表2-公式样文本.xlsx');
  const xiushan = path.join(BAD, 'annex', '秀山土家族苗族自治县3季度汇总表-公式样文本.xlsx');

  it('validate --report (formula-looking cells, and a file named like a formula)', async () => {
    const out = path.join(tmp, 'inject-v.xlsx');
    const dir = path.join(tmp, 'inject-names');
    mkdirSync(dir);
    const odd = '=SUM(1,2)彭水苗族土家族自治县附表2.xlsx';
    cpSync(pengshui, path.join(dir, odd));
    const r = await runCli(['validate', pengshui, xiushan, odd, ...AS_OF, '--report', out], { env: NO_SOFFICE, cwd: dir });
    clean(r, 'validate');
    expect(r.code).toBe(1);
    expectText(new Uint8Array(readFileSync(out)), 'findings workbook', ['=1+2', '+8613800000000', '-1+1', '@SUM(A1:A9)', "=cmd|' /C calc'!A0", odd]);
  });

  it('aggregate --out', async () => {
    const out = path.join(tmp, 'inject-a.xlsx');
    const r = await runCli(
      ['aggregate', xiushan, path.join(BAD, 'annex', '江北区3季度落实监督执法正面清单工作情况汇总表.xlsx'), '--period', manifest.period, ...AS_OF, '--out', out],
      { env: NO_SOFFICE },
    );
    clean(r, 'aggregate');
    expect(r.code).toBe(1);
    expectText(new Uint8Array(readFileSync(out)), 'city workbook', ["=cmd|' /C calc'!A0"]);
  });

  it('check --out', async () => {
    // the list's own enforcement data: its (formula-looking) names and codes as the data has them
    const rows = [
      ['统一社会信用代码', '企业名称', '检查日期', '检查方式', '违法情况', '违法行为'],
      ['=1+2', '=HYPERLINK("http://example.invalid/","点击查看")', '2024-03-01', '现场检查', '无', ''],
    ];
    const insp = path.join(tmp, 'inject-insp.csv');
    writeFileSync(insp, rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n');
    const out = path.join(tmp, 'inject-c.xlsx');
    const r = await runCli(['check', pengshui, '--inspections', insp, '--credit', DATA_CREDIT, ...AS_OF, '--out', out], { env: NO_SOFFICE });
    clean(r, 'check');
    expect([0, 1]).toContain(r.code);
    expectText(new Uint8Array(readFileSync(out)), 'check workbook', ['=HYPERLINK("http://example.invalid/","点击查看")']);
  });

  it(
    'report --out: every workbook and CSV it writes',
    async () => {
      const dir = path.join(tmp, 'inject-r');
      const inbox = path.join(tmp, 'inject-inbox');
      mkdirSync(inbox);
      cpSync(pengshui, path.join(inbox, path.basename(pengshui)));
      cpSync(xiushan, path.join(inbox, path.basename(xiushan)));
      const r = await runCli(['report', inbox, '--out', dir, '--period', manifest.period, '--inspections', DATA_INSP, '--credit', DATA_CREDIT, ...AS_OF], {
        env: NO_SOFFICE,
        timeoutMs: SLOW,
      });
      clean(r, 'report');
      for (const f of listFiles(dir)) {
        const p = path.join(dir, f);
        if (f.endsWith('.xlsx')) expectText(new Uint8Array(readFileSync(p)), f, []);
        if (f.endsWith('.csv')) {
          const text = readFileSync(p, 'utf8');
          for (const s of INJECTED) for (const line of text.split(/\r?\n/)) expect(line.split(',').includes(s), `${f}: bare "${s}" in a CSV field`).toBe(false);
        }
      }
    },
    SLOW,
  );
});
