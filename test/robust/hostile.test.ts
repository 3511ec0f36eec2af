/**
 * Issue 14, items 4, 5 and 7: special files are never opened for reading (no hang), are counted with
 * their finding; failures of the operating system end with exit 2 and the reason, the previous report
 * kept; a defect ends with a short message and a log, never a stack trace; names with control
 * characters cannot drive the terminal; the unclosed-quote message says its line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, crashLines, ensureBuilt, listFiles, ROOT, runCli, sha256, type CliResult } from './cli.js';
import { creditCsv, validAnnex2 } from './big.js';
import { itWithTools } from '../helpers/tools.js';

await ensureBuilt();

const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-hostile-'));
/** file systems mounted by the tests, unmounted before the folder is removed */
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  rmSync(tmp, { recursive: true, force: true });
});
const AS_OF = ['--as-of', '2024-10-01'];
/** A command that opened a FIFO would wait for a writer forever: every run here must end well within this. */
const NO_HANG = { timeoutMs: 60_000 };

function clean(r: CliResult): void {
  expect(r.signal, r.stderr).toBeNull();
  expect(crashLines(r.stderr), r.stderr).toEqual([]);
}

function mkfifo(p: string): string {
  execFileSync('mkfifo', [p]);
  return p;
}

const good = path.join(tmp, '附表2-渝北区.xlsx');
writeFileSync(good, validAnnex2(20));
const credit = path.join(tmp, '信用评价.csv');
writeFileSync(credit, creditCsv(20));
const fifo = mkfifo(path.join(tmp, 'pipe.xlsx'));

interface JFile {
  file: string;
  kind: string | null;
  findings: { code: string; message: string }[];
}

describe('FIFOs, devices and broken links (item 5)', () => {
  it('a FIFO given as a path gets file-unreadable (exit 1) and the other file is validated', async () => {
    const r = await runCli(['validate', fifo, good, '--format', 'json', ...AS_OF], NO_HANG);
    clean(r);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: JFile[] }).files;
    expect(files.map((f) => f.kind)).toEqual([null, 'annex2']);
    expect(files[0]!.findings[0]!.code).toBe('file-unreadable');
    expect(files[0]!.findings[0]!.message).toContain('命名管道');
  });

  it('in a folder, a FIFO, a device, a dangling and a looping link named *.xlsx each get file-unreadable instead of vanishing', async () => {
    const dir = path.join(tmp, 'inbox');
    mkdirSync(dir);
    copyFileSync(good, path.join(dir, 'a-good.xlsx'));
    mkfifo(path.join(dir, 'b-fifo.xlsx'));
    symlinkSync('/dev/zero', path.join(dir, 'c-device.xlsx'));
    symlinkSync(path.join(dir, 'nowhere.xlsx'), path.join(dir, 'd-dangling.xlsx'));
    symlinkSync(path.join(dir, 'e-loop.xlsx'), path.join(dir, 'e-loop.xlsx'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a workbook: not listed');
    const r = await runCli(['validate', dir, '--format', 'json', '--lang', 'en', ...AS_OF], NO_HANG);
    clean(r);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: JFile[] }).files;
    expect(files.map((f) => path.basename(f.file))).toEqual(['a-good.xlsx', 'b-fifo.xlsx', 'c-device.xlsx', 'd-dangling.xlsx', 'e-loop.xlsx']);
    expect(files[0]!.kind).toBe('annex2');
    const reasons = files.slice(1).map((f) => (expect(f.findings.map((x) => x.code)).toEqual(['file-unreadable']), f.findings[0]!.message));
    expect(reasons[0]).toContain('named pipe (FIFO)');
    expect(reasons[1]).toContain('device');
    expect(reasons[2]).toContain('ENOENT');
    expect(reasons[3]).toContain('ELOOP');
  });

  it('--previous, --map, --allow-uscc, --config, --inspections naming a FIFO: never opened, exit 1 or 2 with the reason', async () => {
    // --previous: read like the inbox (file-unreadable for the FIFO), so the run ends and names the file
    const prev = await runCli(['aggregate', good, '--previous', fifo, '--period', '2024Q3', '--format', 'json', ...AS_OF], NO_HANG);
    clean(prev);
    expect([0, 1]).toContain(prev.code);
    expect(prev.stdout).toContain(JSON.stringify(fifo));
    for (const [args, words] of [
      [['check', good, '--inspections', credit, '--credit', credit, '--map', fifo], '--map'],
      [['validate', good, '--allow-uscc', fifo], '--allow-uscc'],
      [['report', tmp, '--config', fifo], '配置文件'],
      [['check', good, '--inspections', fifo, '--credit', credit], '--inspections'],
    ] as [string[], string][]) {
      const r = await runCli([...args, ...AS_OF], NO_HANG);
      clean(r);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr).toContain('FIFO');
    }
  });
});

describe('operating-system failures end with exit 2 and the reason, the old output kept (item 4)', () => {
  const inbox = path.join(ROOT, 'fixtures', 'inbox');
  const config = path.join(inbox, 'zmqd.config.json');

  /** Run zmqd in a shell whose file-size limit is `kib` KiB: writing past it fails with EFBIG. */
  function limited(kib: number, args: string[]): { code: number | null; stdout: string; stderr: string } {
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('/bin/sh', ['-c', `ulimit -f ${kib}; exec ${quoted}`], { cwd: ROOT, encoding: 'utf8', timeout: 5 * 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it(
    'report: a write that fails (EFBIG) exits 2 with the reason; the previous report stays whole and no temporary folder is left',
    async () => {
      const out = path.join(tmp, 'reports', '2024Q3');
      const first = await runCli(['report', path.join(inbox, '2024Q3'), '--config', config, '--out', out, '--quiet', ...AS_OF]);
      expect(first.code).toBe(1);
      const before = Object.fromEntries(listFiles(out).map((f) => [f, sha256(path.join(out, f))]));
      const r = limited(20, ['report', path.join(inbox, '2024Q3'), '--config', config, '--out', out, '--quiet', ...AS_OF]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('EFBIG');
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(Object.fromEntries(listFiles(out).map((f) => [f, sha256(path.join(out, f))]))).toEqual(before);
      // the report is a link to its hidden folder (swapped atomically, docs/outputs.md): that folder and nothing else beside it
      const kept = path.basename(readlinkSync(out));
      expect(readdirSync(path.dirname(out)).sort()).toEqual([kept, '2024Q3'].sort());
    },
    5 * 60_000,
  );

  it(
    'validate --report and check --out: EFBIG → exit 2, the earlier file kept',
    () => {
      const report = path.join(tmp, 'findings.xlsx');
      writeFileSync(report, 'the earlier report');
      // --force: the earlier file is not one zmqd wrote, and replacing it is what this test is about
      const r = limited(4, ['validate', path.join(ROOT, 'fixtures', 'bad', 'annex'), '--report', report, '--force', ...AS_OF]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('无法写入输出文件');
      expect(readFileSync(report, 'utf8')).toBe('the earlier report');
    },
    5 * 60_000,
  );

  // mounting a small file system needs root with the privilege to mount (a plain container lacks it): the
  // suite is then skipped and named at the end of the run; the EFBIG cases above take the same path
  const full = path.join(tmp, 'full');
  const ro = path.join(tmp, 'ro');
  mkdirSync(full);
  mkdirSync(ro);
  const mount = (dir: string, opts: string) => spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]).status === 0 && mounts.push(dir) > 0;

  itWithTools(
    ['tmpfs'],
    'a full disk (ENOSPC) and a read-only disk (EROFS), on small mounted file systems',
    async () => {
      expect(mount(full, 'size=64k') && mount(ro, 'ro,size=64k')).toBe(true);
      const r1 = await runCli(['report', path.join(inbox, '2024Q3'), '--config', config, '--out', path.join(full, 'out'), '--quiet', ...AS_OF]);
      expect(r1.code, r1.stderr).toBe(2);
      expect(r1.stderr).toContain('ENOSPC');
      expect(readdirSync(full)).toEqual([]);
      const r2 = await runCli(['validate', good, '--report', path.join(ro, 'x.xlsx'), ...AS_OF]);
      expect(r2.code, r2.stderr).toBe(2);
      expect(r2.stderr).toContain('EROFS');
      for (const r of [r1, r2]) clean(r);
    },
    5 * 60_000,
  );

  it('a defect (an exception nobody caught, sync or async) says it is a bug and where the log is; the stack is only in the log', async () => {
    for (const mode of ['sync', 'async']) {
      const r = await runCli(['validate', good, ...AS_OF], { env: { ZMQD_INJECT_BUG: mode } });
      expect(r.code, r.stderr).toBe(70);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('这是 zmqd 的缺陷');
      expect(r.stderr).toContain('This is a bug in zmqd');
      expect(r.stderr).not.toMatch(/^\s+at /m);
      const log = /详细信息已写入 (\S+)，/.exec(r.stderr)![1]!;
      expect(readFileSync(log, 'utf8')).toMatch(/injected defect[\s\S]*\n\s+at /);
      rmSync(log);
    }
  });
});

describe('small things (item 7)', () => {
  it('control characters and line breaks in file names are escaped in text output', async () => {
    const dir = path.join(tmp, 'names');
    mkdirSync(dir);
    const evil = path.join(dir, '\x1b[2J附表2\n✔ 伪造.xlsx');
    copyFileSync(good, evil);
    const r = await runCli(['validate', evil, '--district', '渝北区', ...AS_OF], { env: { FORCE_COLOR: '0' } });
    clean(r);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain('\\x1b[2J附表2\\n✔ 伪造.xlsx');
    // colour on: our own colour codes stay, the name's escape does not
    const c = await runCli(['validate', evil, ...AS_OF], { env: { FORCE_COLOR: '1' } });
    expect(c.stdout).toMatch(/\x1b\[\d+m/);
    expect(c.stdout).not.toContain('\x1b[2J');
    // JSON keeps the real name (JSON escapes it)
    const j = await runCli(['validate', evil, '--format', 'json', ...AS_OF]);
    expect((JSON.parse(j.stdout) as { files: JFile[] }).files[0]!.file).toBe(evil);
  });

  it('the CSV unclosed-quote message shows its line number', async () => {
    const f = path.join(tmp, '检查记录-引号.csv');
    writeFileSync(f, '统一社会信用代码,企业名称,检查日期,检查方式,违法情况\n91500112000000001X,甲,2024-01-02,现场检查,无\n91500112000000002X,"乙,2024-01-03,现场检查,无\n');
    const r = await runCli(['check', good, '--inspections', f, '--credit', credit, '--format', 'json', ...AS_OF]);
    clean(r);
    const j = JSON.parse(r.stdout) as { findings: { code: string; message: string }[] };
    expect(j.findings.find((x) => x.code === 'data-csv-unterminated')!.message).toContain('文件第 3 行的引号没有闭合');
  });
});
