/**
 * Never destroy a person's work: what every output path may replace, through the CLI.
 * - `report --out DIR` replaces only a report zmqd wrote (its marker lists every file in it);
 *   anything else — a folder holding the config file, an allow-list, notes — is refused, exit 2.
 * - no output is ever an input or inside the inbox, however spelt (symlinks resolved).
 * - a single output file that exists and was not written by zmqd (a filled-in list) is refused
 *   unless --force; zmqd's own files are replaced as before.
 * - a kill -9 at any step of the report commit leaves the old or the new report in place.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashLines, ensureBuilt, listFiles, ROOT, runCli, sha256, type CliResult } from '../robust/cli.js';

await ensureBuilt();

const AS_OF = ['--as-of', '2024-10-01'];
const NO_SOFFICE = { SOFFICE: '/nonexistent/soffice' };
const SLOW = 300_000;
const SRC = path.join(ROOT, 'fixtures', 'inbox', '2024Q3');
const DATA = path.join(ROOT, 'fixtures', 'inbox', 'data');
const A1 = '万州区3季度落实监督执法正面清单工作情况汇总表.xlsx';
const A2 = '万州区附表2-监督执法正面清单企业列表.xlsx';

const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-outputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let inbox: string;
beforeAll(() => {
  inbox = path.join(tmp, 'inbox');
  mkdirSync(inbox);
  for (const f of [A1, A2]) cpSync(path.join(SRC, f), path.join(inbox, f));
});

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, sha256(path.join(dir, f))]));
}

function clean(r: CliResult): void {
  expect(crashLines(r.stderr), r.stderr).toEqual([]);
}

/** A run that did its work: exit 0 or 1 (findings), not 2 (refused) nor killed. */
function done(r: CliResult): void {
  expect([0, 1], `exit ${r.code} ${r.signal ?? ''}\n${r.stderr}`).toContain(r.code);
}

async function report(out: string, extra: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  const r = await runCli(['report', inbox, '--out', out, '--period', '2024Q3', ...AS_OF, '--quiet', ...extra], { env: { ...NO_SOFFICE, ...env }, timeoutMs: SLOW });
  if (r.signal === null) clean(r);
  return r;
}

/** The visible files of a report folder and its summary's as-of date (which tells one run from another). */
function reportIn(dir: string): { files: string[]; asOf: string } {
  const files = readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();
  const s = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as { asOf: string; files: string[] };
  expect([...s.files].sort()).toEqual(files);
  return { files, asOf: s.asOf };
}

describe('report --out replaces only a report zmqd wrote', () => {
  it(
    'a folder holding the config file (whose "out" names it), an allow-list and notes is refused, exit 2, and kept byte for byte',
    async () => {
      const dir = path.join(tmp, 'work');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'zmqd.config.json'), JSON.stringify({ out: '.', period: '2024Q3', allowUscc: 'allow.txt' }));
      writeFileSync(path.join(dir, 'allow.txt'), '91500000000000000X\n');
      writeFileSync(path.join(dir, '备忘.txt'), '下季度要催城口县\n');
      const before = hashes(dir);
      const r = await runCli(['report', inbox, '--config', path.join(dir, 'zmqd.config.json'), ...AS_OF, '--quiet'], { env: NO_SOFFICE, timeoutMs: SLOW });
      clean(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/输入|input/);
      expect(hashes(dir)).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(Object.keys(before).sort());
    },
    SLOW,
  );

  it(
    "a folder of someone's files (no input among them) is refused with the files named",
    async () => {
      const dir = path.join(tmp, 'notes');
      mkdirSync(path.join(dir, 'sub'), { recursive: true });
      writeFileSync(path.join(dir, 'notes.txt'), 'mine');
      writeFileSync(path.join(dir, 'sub', 'x.txt'), 'mine too');
      const before = hashes(dir);
      const r = await report(dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('notes.txt');
      expect(r.stderr).toMatch(/不是 zmqd 写出的报告文件夹/);
      expect(r.stderr).toMatch(/not a report folder zmqd wrote/);
      expect(hashes(dir)).toEqual(before);
    },
    SLOW,
  );

  it(
    "an empty folder is used; a report is replaced by the next run; a file added to it makes it someone's again",
    async () => {
      const out = path.join(tmp, 'r1');
      mkdirSync(out);
      done(await report(out));
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(reportIn(out).asOf).toBe('2024-10-01');
      const first = readlinkSync(out);
      // the marker lists what zmqd wrote
      const marker = JSON.parse(readFileSync(path.join(out, '.zmqd-report.json'), 'utf8')) as { writtenBy: string; files: string[] };
      expect(marker.writtenBy).toBe('zmqd');
      expect([...marker.files].sort()).toEqual(reportIn(out).files);

      done(await report(out, ['--as-of', '2024-10-02']));
      expect(reportIn(out).asOf).toBe('2024-10-02');
      // the previous report's folder is gone: only the link and the folder it points to
      expect(
        readdirSync(tmp)
          .filter((n) => n.includes('r1'))
          .sort(),
      ).toEqual([readlinkSync(out), 'r1'].sort());
      expect(readlinkSync(out)).not.toBe(first);

      writeFileSync(path.join(out, '我的批注.txt'), '不要删');
      const before = hashes(path.join(tmp, readlinkSync(out)));
      const third = await report(out);
      expect(third.code).toBe(2);
      expect(third.stderr).toContain('我的批注.txt');
      expect(hashes(path.join(tmp, readlinkSync(out)))).toEqual(before);
    },
    SLOW,
  );

  it(
    'a report folder of an older zmqd (a real folder of only report files, no marker) is replaced',
    async () => {
      const out = path.join(tmp, 'legacy');
      mkdirSync(out);
      for (const f of ['summary.json', '问题清单.xlsx', '全市汇总表-2024Q3.xlsx']) writeFileSync(path.join(out, f), '{}');
      done(await report(out));
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(reportIn(out).asOf).toBe('2024-10-01');
    },
    SLOW,
  );
});

describe('no output is an input or inside the inbox, however spelt', () => {
  it(
    "report --out into the inbox through a symlink, or onto --previous, --map or a data file's folder: exit 2, nothing written",
    async () => {
      const link = path.join(tmp, 'inbox-link');
      symlinkSync(inbox, link);
      const data = path.join(tmp, 'data');
      cpSync(DATA, data, { recursive: true });
      const prev = path.join(tmp, 'prev');
      mkdirSync(prev);
      cpSync(path.join(ROOT, 'fixtures', 'inbox', '2024Q2', readdirSync(path.join(ROOT, 'fixtures', 'inbox', '2024Q2'))[0]!), path.join(prev, 'a.xlsx'));
      const map = path.join(data, 'map.json');
      writeFileSync(map, '{}');
      const dataLink = path.join(tmp, 'data-link');
      symlinkSync(data, dataLink);
      const beforeInbox = hashes(inbox);
      const beforeData = hashes(data);
      const beforePrev = hashes(prev);
      const cases: [string, string[]][] = [
        [path.join(link, 'reports'), []],
        [link, []],
        [prev, ['--previous', prev]],
        [path.join(prev, 'r'), ['--previous', prev]],
        [dataLink, ['--inspections', path.join(data, '检查记录.csv'), '--credit', path.join(data, '信用评价.xlsx'), '--map', map]],
        [tmp, []], // holds the inbox
      ];
      for (const [out, extra] of cases) {
        const r = await report(out, extra);
        expect({ out, code: r.code }).toEqual({ out, code: 2 });
        expect(r.stderr, out).toMatch(/收件文件夹|输入|input/);
      }
      expect(existsSync(path.join(inbox, 'reports'))).toBe(false);
      expect(hashes(inbox)).toEqual(beforeInbox);
      expect(hashes(data)).toEqual(beforeData);
      expect(hashes(prev)).toEqual(beforePrev);
    },
    SLOW,
  );

  it(
    'validate --report and aggregate --out inside the inbox through a symlink, or onto the allow-list: exit 2',
    async () => {
      const link = path.join(tmp, 'inbox-link2');
      symlinkSync(inbox, link);
      const allow = path.join(tmp, 'allow.txt');
      writeFileSync(allow, '91500000000000000X\n');
      const beforeInbox = hashes(inbox);
      const allowHash = sha256(allow);
      for (const args of [
        ['validate', inbox, '--report', path.join(link, '问题清单.xlsx')],
        ['aggregate', inbox, '--out', path.join(link, '汇总.xlsx'), '--period', '2024Q3'],
        ['validate', path.join(inbox, A2), '--allow-uscc', allow, '--report', allow, '--force'],
      ]) {
        const r = await runCli([...args, ...AS_OF, '--quiet'], { env: NO_SOFFICE });
        clean(r);
        expect({ args, code: r.code }).toEqual({ args, code: 2 });
      }
      expect(hashes(inbox)).toEqual(beforeInbox);
      expect(sha256(allow)).toBe(allowHash);
    },
    SLOW,
  );
});

/** Make a workbook look saved by a person in Excel: its document properties say so. */
function savedByPerson(file: string): void {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const core = strFromU8(files['docProps/core.xml']!)
    .replace('<cp:lastModifiedBy>zmqd</cp:lastModifiedBy>', '<cp:lastModifiedBy>张三</cp:lastModifiedBy>')
    .replace(/(<dcterms:modified[^>]*>)[^<]*/, '$12024-07-05T09:12:00Z');
  files['docProps/core.xml'] = strToU8(core);
  writeFileSync(file, zipSync(files));
}

describe('an existing file zmqd did not write is replaced only with --force', () => {
  it(
    'template --out 附表2.xlsx over a filled-in list: exit 2, the list byte-identical; over its own template: replaced; --force replaces',
    async () => {
      const dir = path.join(tmp, 'tpl');
      mkdirSync(dir);
      const list = path.join(dir, '附表2.xlsx');
      const first = await runCli(['template', 'annex2', '--district', '万州区', '--out', list], { cwd: dir });
      expect(first.code).toBe(0);
      // zmqd's own, untouched template: replaced as before
      const again = await runCli(['template', 'annex2', '--out', list], { cwd: dir });
      expect(again.code).toBe(0);
      // the district fills it in and saves it in Excel
      cpSync(path.join(inbox, A2), list);
      savedByPerson(list);
      const plain = path.join(dir, 'notes.xlsx');
      writeFileSync(plain, 'not a workbook at all');
      for (const target of [list, plain]) {
        const before = sha256(target);
        const r = await runCli(['template', 'annex2', '--out', target], { cwd: dir });
        clean(r);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--force');
        expect(r.stderr).toMatch(/不是 zmqd 写出的文件/);
        expect(r.stderr).toMatch(/was not written by zmqd/);
        expect(sha256(target)).toBe(before);
      }
      // a template a person opened and saved is theirs
      const saved = path.join(dir, 'saved.xlsx');
      expect((await runCli(['template', 'annex1', '--out', saved], { cwd: dir })).code).toBe(0);
      savedByPerson(saved);
      const savedHash = sha256(saved);
      expect((await runCli(['template', 'annex1', '--out', saved], { cwd: dir })).code).toBe(2);
      expect(sha256(saved)).toBe(savedHash);
      const forced = await runCli(['template', 'annex2', '--out', list, '--force'], { cwd: dir });
      expect(forced.code).toBe(0);
      expect(sha256(list)).toBe(sha256(path.join(ROOT, 'templates', '附表2-监督执法正面清单企业列表.xlsx')));
    },
    SLOW,
  );

  it(
    "validate --report, aggregate --out and check --out refuse a person's file before reading, and replace their own",
    async () => {
      const dir = path.join(tmp, 'single');
      mkdirSync(dir);
      const mine = path.join(dir, 'mine.xlsx');
      writeFileSync(mine, "a person's file");
      const data = ['--inspections', path.join(DATA, '检查记录.csv'), '--credit', path.join(DATA, '信用评价.xlsx')];
      const runs: [string[], string][] = [
        [['validate', inbox, '--report'], 'v.xlsx'],
        [['aggregate', inbox, '--period', '2024Q3', '--out'], 'a.xlsx'],
        [['check', path.join(inbox, A2), ...data, '--out'], 'c.xlsx'],
      ];
      for (const [args, own] of runs) {
        const refused = await runCli([...args, mine, ...AS_OF, '--quiet'], { env: NO_SOFFICE });
        clean(refused);
        expect({ args, code: refused.code }).toEqual({ args, code: 2 });
        expect(refused.stdout).toBe(''); // refused before any report was made
        expect(readFileSync(mine, 'utf8')).toBe("a person's file");
        const target = path.join(dir, own);
        for (let i = 0; i < 2; i++) {
          const r = await runCli([...args, target, ...AS_OF, '--quiet'], { env: NO_SOFFICE });
          clean(r);
          done(r);
        }
      }
      done(await runCli(['validate', inbox, '--report', mine, ...AS_OF, '--quiet', '--force'], { env: NO_SOFFICE }));
      expect(readFileSync(mine).subarray(0, 2).toString()).toBe('PK');
    },
    SLOW,
  );
});

describe('a kill -9 during the report commit leaves the old or the new report in place', () => {
  it(
    'killed before the swap: the old report, complete; killed after it: the new one; the next run cleans up',
    async () => {
      const out = path.join(tmp, 'crash', 'r');
      done(await report(out));
      const old = reportIn(out);

      const before = await report(out, ['--as-of', '2024-10-05'], { ZMQD_TEST_CRASH_AT: 'before-swap' });
      expect(before.signal).toBe('SIGKILL');
      expect(reportIn(out)).toEqual(old);
      // the new report was complete beside it, hidden
      expect(readdirSync(path.dirname(out)).filter((n) => !n.startsWith('.'))).toEqual(['r']);

      const after = await report(out, ['--as-of', '2024-10-06'], { ZMQD_TEST_CRASH_AT: 'after-swap' });
      expect(after.signal).toBe('SIGKILL');
      expect(reportIn(out).asOf).toBe('2024-10-06');

      done(await report(out));
      expect(reportIn(out).asOf).toBe('2024-10-01');
      expect(readdirSync(path.dirname(out)).sort()).toEqual([readlinkSync(out), 'r'].sort());
    },
    SLOW,
  );

  it(
    'a real report folder (older zmqd) killed between its two renames: the next run puts the old report back first',
    async () => {
      const out = path.join(tmp, 'crash2', 'r');
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'summary.json'), JSON.stringify({ asOf: '2000-01-01', files: ['summary.json'] }));
      const r = await report(out, [], { ZMQD_TEST_CRASH_AT: 'between-renames' });
      expect(r.signal).toBe('SIGKILL');
      // the next run puts the parked report back first: killed before its own swap, the old one is there
      const next = await report(out, [], { ZMQD_TEST_CRASH_AT: 'before-swap' });
      expect(next.signal).toBe('SIGKILL');
      expect(lstatSync(out).isDirectory()).toBe(true);
      expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).asOf).toBe('2000-01-01');
      done(await report(out));
      expect(reportIn(out).asOf).toBe('2024-10-01');
      expect(readdirSync(path.dirname(out)).sort()).toEqual([readlinkSync(out), 'r'].sort());
    },
    SLOW,
  );
});
