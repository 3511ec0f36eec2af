/**
 * `zmqd validate` end to end through bin/zmqd.js: the JSON shape and exit codes of docs/reference.md,
 * folders, bad files among good ones, --lang en, --strict, --report, and the 80-column text report.
 * LibreOffice conversion of legacy files is switched off (SOFFICE points nowhere) so that results
 * match fixtures/annex/manifest.json; the converter has its own tests.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, promises as fs, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { displayWidth } from '../../src/reporters/width.js';
import type { Manifest } from '../../scripts/fixtures/annex.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(await fs.readFile(path.join(root, 'fixtures', 'annex', 'manifest.json'), 'utf8')) as Manifest;
const AS_OF = manifest.asOf;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function zmqd(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'zmqd.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOFFICE: path.join(root, 'no-such-soffice'), NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(r: Run): ValidateOut {
  expect(r.stderr, 'stderr of a JSON run').not.toMatch(/\n\s+at |Error:/);
  return JSON.parse(r.stdout) as ValidateOut;
}

interface OutFinding {
  code: string;
  severity: string;
  message: string;
  file?: string;
  cell?: string;
  [k: string]: unknown;
}
interface OutFile {
  file: string;
  kind: string | null;
  district: string | null;
  rows: number;
  errors: number;
  warnings: number;
  findings: OutFinding[];
}
interface ValidateOut {
  command: string;
  asOf: string;
  files: OutFile[];
  errors: number;
  warnings: number;
}

const fx = (p: string) => path.posix.join('fixtures', p);
const CLEAN = fx('annex/clean/渝北区-附表2-监督执法正面清单企业列表.xlsx');
const DIRTY = fx('annex/dirty/渝北区附表2-问题清单.xlsx');
/** a file whose only finding is a warning (district-mismatch) */
const WARN_ONLY = fx('annex/dirty/渝北区附表2.xlsx');

let tmp: string;

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) {
    // tsc emits even when another module is still missing; what matters is that the CLI is there
    spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  expect(existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js')), 'npm run build must produce dist/').toBe(true);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'zmqd-cli-'));
}, 300_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('JSON output', () => {
  it('has exactly the documented JSON shape', () => {
    const r = zmqd(['validate', CLEAN, DIRTY, '--format', 'json', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const j = json(r);
    expect(Object.keys(j)).toEqual(['command', 'asOf', 'files', 'errors', 'warnings']);
    expect(j.command).toBe('validate');
    expect(j.asOf).toBe(AS_OF);
    expect(j.files.map((f) => f.file)).toEqual([CLEAN, DIRTY]);
    const allowed = ['code', 'severity', 'file', 'sheet', 'cell', 'row', 'column', 'value', 'expected', 'message'];
    for (const f of j.files) {
      expect(Object.keys(f)).toEqual(['file', 'kind', 'district', 'rows', 'errors', 'warnings', 'findings']);
      expect(f.errors).toBe(f.findings.filter((x) => x.severity === 'error').length);
      expect(f.warnings).toBe(f.findings.filter((x) => x.severity === 'warning').length);
      for (const x of f.findings) {
        const keys = Object.keys(x);
        expect(keys.slice(0, 2)).toEqual(['code', 'severity']);
        expect(keys[keys.length - 1]).toBe('message');
        // fields in the contract's order, nothing else
        expect(keys).toEqual(allowed.filter((k) => keys.includes(k)));
        expect(['error', 'warning', 'info']).toContain(x.severity);
        expect(x.file).toBe(f.file);
        if (x.cell !== undefined) {
          expect(x.cell).toMatch(/^[A-Z]{1,3}\d+$/);
          expect(x.row).toBe(Number(x.cell.replace(/^[A-Z]+/, '')));
        }
      }
    }
    expect(j.errors).toBe(j.files.reduce((a, f) => a + f.errors, 0));
    expect(j.warnings).toBe(j.files.reduce((a, f) => a + f.warnings, 0));
    expect(j.files[0]).toMatchObject({ kind: 'annex2', district: '渝北区', errors: 0, warnings: 0, findings: [] });
    const d = j.files[1]!.findings.find((x) => x.code === 'uscc-checksum')!;
    expect(d).toMatchObject({ severity: 'error', sheet: '附表2', column: '统一社会信用代码' });
    expect(d.value).toHaveLength(18);
    expect(d.expected).toHaveLength(1);
  });

  it('matches the manifest for every fixture, the folders expanded in sorted order', () => {
    const r = zmqd(['validate', fx('annex'), fx('sample'), '--format', 'json', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const j = json(r);
    const shown = j.files.map((f) => f.file.split(path.sep).join('/'));
    const expected = manifest.files.map((e) => fx(e.path));
    // folder by folder, each in code-point order of its paths
    const sorted = [...expected.filter((p) => p.startsWith('fixtures/annex/')).sort(), ...expected.filter((p) => p.startsWith('fixtures/sample/')).sort()];
    expect(shown).toEqual(sorted);
    for (const f of j.files) {
      const e = manifest.files.find((m) => fx(m.path) === f.file.split(path.sep).join('/'))!;
      expect({ file: f.file, kind: f.kind, district: f.district, rows: f.rows }).toEqual({ file: f.file, kind: e.kind, district: e.district, rows: e.rows });
      const got = f.findings.map((x) => `${x.code}@${x.cell ?? '-'}`).sort();
      expect(got, f.file).toEqual(e.findings.map((x) => `${x.code}@${x.cell ?? '-'}`).sort());
    }
  });

  it('--lang en changes the messages, never the codes', () => {
    const zh = json(zmqd(['validate', DIRTY, '--format', 'json', '--as-of', AS_OF]));
    const en = json(zmqd(['validate', DIRTY, '--format', 'json', '--as-of', AS_OF, '--lang', 'en']));
    const strip = (j: ValidateOut) => j.files.map((f) => ({ ...f, findings: f.findings.map(({ message: _m, ...rest }) => rest) }));
    expect(strip(en)).toEqual(strip(zh));
    const pairs = zh.files[0]!.findings.map((x, i) => [x.message, en.files[0]!.findings[i]!.message] as const);
    for (const [z, e] of pairs) {
      expect(e).not.toBe(z);
      // English prose: outside quoted values and header names there is no Chinese
      expect(e.replace(/"[^"]*"|“[^”]*”|\([^)]*[\u4e00-\u9fff][^)]*\)|[\u4e00-\u9fff（）/]+/g, '')).toMatch(/[A-Za-z]{3,}/);
      expect(z).toMatch(/[\u4e00-\u9fff]/);
    }
    const txt = zmqd(['validate', DIRTY, '--as-of', AS_OF, '--lang', 'en']).stdout;
    expect(txt).toMatch(/\d+ files?: \d+ errors?, \d+ warnings?\./);
  });

  it('prints nothing but the JSON object on stdout', () => {
    const r = zmqd(['validate', fx('annex/bad'), CLEAN, '--format', 'json', '--as-of', AS_OF]);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
  });
});

describe('exit codes', () => {
  it('0 for a clean file, 1 for an error finding', () => {
    expect(zmqd(['validate', CLEAN, '--as-of', AS_OF]).code).toBe(0);
    expect(zmqd(['validate', DIRTY, '--as-of', AS_OF]).code).toBe(1);
  });

  it('warnings alone: 0, and 1 with --strict', () => {
    const j = json(zmqd(['validate', WARN_ONLY, '--format', 'json', '--as-of', AS_OF]));
    expect(j.errors).toBe(0);
    expect(j.warnings).toBeGreaterThan(0);
    expect(zmqd(['validate', WARN_ONLY, '--as-of', AS_OF]).code).toBe(0);
    expect(zmqd(['validate', WARN_ONLY, '--as-of', AS_OF, '--strict']).code).toBe(1);
    expect(zmqd(['validate', CLEAN, '--as-of', AS_OF, '--strict']).code).toBe(0);
  });

  for (const [what, args] of [
    ['an unknown option', ['validate', CLEAN, '--as-of', AS_OF, '--no-such-option']],
    ['no path', ['validate', '--as-of', AS_OF]],
    ['a path that does not exist', ['validate', 'fixtures/annex/no-such-file.xlsx', '--as-of', AS_OF]],
    ['a malformed --as-of', ['validate', CLEAN, '--as-of', '2024-13-01']],
    ['an --as-of without dashes', ['validate', CLEAN, '--as-of', '20241001']],
    ['a bad --format', ['validate', CLEAN, '--as-of', AS_OF, '--format', 'xml']],
    ['a bad --lang', ['validate', CLEAN, '--as-of', AS_OF, '--lang', 'fr']],
    ['an unknown --district', ['validate', CLEAN, '--as-of', AS_OF, '--district', '火星区']],
  ] as const) {
    it(`2 for ${what}, with a message and no stack trace`, () => {
      const r = zmqd([...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).not.toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('folders and bad files', () => {
  it('expands a folder in sorted order, skipping Office lock files, hidden files and other types', async () => {
    const dir = path.join(tmp, 'inbox');
    await fs.mkdir(path.join(dir, '子目录'), { recursive: true });
    const copy = (from: string, to: string) => fs.copyFile(path.join(root, from), path.join(dir, to));
    await copy(CLEAN, 'b-渝北区附表2.xlsx');
    await copy(DIRTY, 'a-渝北区附表2.xlsx');
    await copy(WARN_ONLY, path.join('子目录', '渝北区附表2.xlsx'));
    await fs.writeFile(path.join(dir, '~$a-渝北区附表2.xlsx'), Buffer.from([0x0a, 0x41, 0x64, 0x6d, 0x69, 0x6e, 0, 0, 0, 0]));
    await fs.writeFile(path.join(dir, '.~lock.a-渝北区附表2.xlsx#'), 'lock');
    await fs.writeFile(path.join(dir, '说明.txt'), '报送说明');
    const j = json(zmqd(['validate', dir, '--format', 'json', '--as-of', AS_OF]));
    expect(j.files.map((f) => path.relative(dir, f.file).split(path.sep).join('/'))).toEqual(['a-渝北区附表2.xlsx', 'b-渝北区附表2.xlsx', '子目录/渝北区附表2.xlsx']);
  });

  it('reports every bad file with its code while the good ones are still validated', () => {
    const r = zmqd(['validate', fx('annex/bad'), CLEAN, WARN_ONLY, '--format', 'json', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const j = json(r);
    const bad = manifest.files.filter((e) => e.path.startsWith('annex/bad/'));
    expect(j.files).toHaveLength(bad.length + 2);
    for (const e of bad) {
      const f = j.files.find((x) => x.file === fx(e.path))!;
      expect(
        f.findings.map((x) => x.code),
        e.path,
      ).toEqual(e.findings.map((x) => x.code));
      expect(f.kind).toBeNull();
    }
    expect(j.files.find((f) => f.file === CLEAN)).toMatchObject({ kind: 'annex2', rows: 46, errors: 0, warnings: 0 });
    expect(j.files.find((f) => f.file === WARN_ONLY)).toMatchObject({ kind: 'annex2', district: '江北区', errors: 0, warnings: 1 });
  });

  it('bad files in the text report: one line each, no stack trace', () => {
    const r = zmqd(['validate', fx('annex/bad'), '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError/);
    for (const code of ['file-unreadable', 'file-legacy-format', 'file-encrypted', 'file-too-large', 'sheet-not-recognised']) expect(r.stdout).toContain(code);
  });
});

describe('--report', () => {
  async function hashTree(dir: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const walk = async (d: string) => {
      for (const e of await fs.readdir(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else
          out[path.relative(dir, p)] = createHash('sha256')
            .update(await fs.readFile(p))
            .digest('hex');
      }
    };
    await walk(dir);
    return out;
  }

  it('writes the findings workbook, one row per finding, and leaves the inputs untouched', async () => {
    const inbox = path.join(tmp, 'report-inbox');
    await fs.cp(path.join(root, 'fixtures', 'annex', 'dirty'), inbox, { recursive: true });
    const before = await hashTree(inbox);
    const out = path.join(tmp, 'out', '问题清单.xlsx');
    const r = zmqd(['validate', inbox, '--as-of', AS_OF, '--report', out, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = json(r);
    expect(await hashTree(inbox)).toEqual(before);
    expect((await fs.readdir(path.dirname(out))).filter((n) => n !== '问题清单.xlsx')).toEqual([]); // no temporary left behind

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // the sheet whose header row names 代码 and 单元格: one row per finding
    let rows: { code: string; cell: string; message: string }[] | undefined;
    wb.eachSheet((ws) => {
      ws.eachRow((row, n) => {
        const vals = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
        const codeCol = vals.indexOf('代码');
        const cellCol = vals.indexOf('单元格');
        const msgCol = vals.indexOf('问题说明');
        if (rows || codeCol < 0 || cellCol < 0 || msgCol < 0) return;
        rows = [];
        for (let k = n + 1; k <= ws.rowCount; k++) {
          const rv = ws.getRow(k);
          const code = String(rv.getCell(codeCol).value ?? '');
          if (!/^[a-z0-9-]+$/.test(code)) continue;
          rows.push({ code, cell: String(rv.getCell(cellCol).value ?? ''), message: String(rv.getCell(msgCol).value ?? '') });
        }
      });
    });
    expect(rows, 'a findings sheet with 代码 / 单元格 / 问题说明 columns').toBeDefined();
    const inJson = j.files.flatMap((f) => f.findings.map((x) => `${x.code}@${x.cell ?? ''}`)).sort();
    expect(rows!.map((x) => `${x.code}@${x.cell}`).sort()).toEqual(inJson);
    for (const x of rows!) expect(x.message.length).toBeGreaterThan(10);
  });

  it('refuses to write the report onto an input', async () => {
    const dir = path.join(tmp, 'onto-input');
    await fs.mkdir(dir, { recursive: true });
    const target = path.join(dir, '渝北区附表2.xlsx');
    await fs.copyFile(path.join(root, CLEAN), target);
    const before = await fs.readFile(target);
    const r = zmqd(['validate', target, '--as-of', AS_OF, '--report', target]);
    expect(r.code).toBe(2);
    expect(Buffer.compare(await fs.readFile(target), before)).toBe(0);
  });
});

describe('text output', () => {
  it('groups findings by file with cell, code and message, ends with a summary, fits 80 columns', () => {
    const r = zmqd(['validate', fx('sample'), DIRTY, fx('annex/dirty/渝北区2024年三季度附表1-数字问题.xlsx'), fx('annex/bad'), '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    const paths = [fx('sample'), DIRTY, fx('annex/bad')];
    for (const line of lines) {
      if (displayWidth(line) <= 80) continue;
      // only a line naming a file may run over (a path cannot be broken)
      expect(
        paths.some((p) => line.includes(p.split('/')[0]!)),
        `over 80 columns: ${line}`,
      ).toBe(true);
    }
    expect(lines[lines.length - 1]).toMatch(/^共 \d+ 个文件：\d+ 个错误，\d+ 个警告。$/);
    // the dirty list: its file line, then each finding's cell and code, then its message
    const at = lines.findIndex((l) => l.includes(DIRTY));
    expect(at).toBeGreaterThan(0);
    const block = lines.slice(at).join('\n');
    expect(block).toMatch(/D6\s+错误 uscc-checksum\n\s+统一社会信用代码/);
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour when stdout is not a terminal
  });

  it('English counts are singular for one', () => {
    const one = 'fixtures/bad/annex/开州区附表2-控制字符.xlsx'; // one warning, no error
    const r = zmqd(['validate', one, '--as-of', AS_OF, '--lang', 'en']);
    expect(r.stdout).toContain('· 4 enterprises · 0 errors, 1 warning\n');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 file: 0 errors, 1 warning.');
  });

  it('npm start runs the quarterly report on the sample inbox and ends with exit 0 (its planted mistakes are the demo)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe('node dist/scripts/start.js');
    const out = mkdtempSync(path.join(os.tmpdir(), 'zmqd-start-'));
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'scripts', 'start.js'), '--out', path.join(out, 'r')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SOFFICE: '/nonexistent/soffice' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('zmqd 季度报告 · 2024年第三季度 · 判断日期 2024-10-01');
    expect(r.stdout).toContain('演示到此成功结束');
    expect(
      readdirSync(path.join(out, 'r'))
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual(expect.arrayContaining(['summary.json', '问题清单.xlsx', '资格核查.xlsx']));
    rmSync(out, { recursive: true, force: true });
  });
});
