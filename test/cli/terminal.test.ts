/**
 * The terminal, through a real pseudo-terminal (`script` from util-linux): the progress line of one
 * big file (rows read), which never wraps nor leaves a stale line on an 80-column terminal with a
 * long Chinese file name; none when stderr is not a terminal or with --quiet; NO_COLOR (any value)
 * and --no-color; English output in English punctuation; the report's text summary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/reporters/width.js';
import { BIN, crashLines, ensureBuilt, ROOT, runCli } from '../robust/cli.js';
import { writeBigAnnex2 } from './big-list.js';
import { describeWithTools } from '../helpers/tools.js';

await ensureBuilt();

const AS_OF = ['--as-of', '2024-10-01'];
const SLOW = 300_000;
const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-tty-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A long Chinese file name: 56 characters, 112 columns — wider than the terminal on its own. */
const BIG_NAME = '九龙坡区2024年第三季度监督执法正面清单企业列表（第二次修改稿，请以此为准，旧版作废，谢谢配合）.xlsx';
let big: string;
beforeAll(async () => {
  big = path.join(tmp, BIG_NAME);
  await writeBigAnnex2(big, 60_000);
}, SLOW);

/**
 * The environment of a person's terminal: an xterm, and none of the variables by which a CI
 * service (CI, TF_BUILD, TEAMCITY_VERSION) or the user (NO_COLOR, FORCE_COLOR) tells chalk to
 * drop colour — CI sets CI=1, and the colour tests must see what a clerk sees.
 */
function userTerminalEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  for (const k of ['CI', 'TF_BUILD', 'TEAMCITY_VERSION', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];
  return env;
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Run zmqd on a pseudo-terminal of 80 columns and return what the terminal received. `stdout`:
 * 'tty' to leave stdout on the terminal too, or a file to send it to.
 */
function onTty(args: string[], o: { env?: string; stdout?: string } = {}): string {
  const cmd = `stty cols 80 rows 24; ${o.env ?? ''} ${sh(process.execPath)} ${sh(BIN)} ${args.map(sh).join(' ')}${o.stdout ? ` > ${sh(o.stdout)}` : ''}`;
  const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: SLOW, env: userTerminalEnv() });
  expect(r.error).toBeUndefined();
  return r.stdout;
}

/**
 * A minimal terminal of `cols` columns: \r, \n, ESC[K (erase to end of line), other escapes
 * ignored, double-width characters take two cells. Returns the lines on screen at the end and
 * whether any write ran past the last column (a wrap).
 */
function terminal(stream: string, cols = 80): { lines: string[]; wrapped: string[] } {
  const lines: string[] = [];
  let cells: string[] = [];
  let x = 0;
  const wrapped: string[] = [];
  const re = /\x1b\[[0-9;?]*[A-Za-z]|\r\n|\r|\n|[^\x1b\r\n]/gsu;
  for (const m of stream.matchAll(re)) {
    const t = m[0];
    if (t === '\r\n' || t === '\n') {
      lines.push(cells.join('').trimEnd());
      cells = [];
      x = 0;
    } else if (t === '\r') x = 0;
    else if (t === '\x1b[K') cells = cells.slice(0, x);
    else if (t.startsWith('\x1b')) continue;
    else {
      const w = displayWidth(t);
      if (x + w > cols) wrapped.push(cells.join('') + t);
      while (cells.length < x) cells.push(' ');
      cells[x] = t;
      if (w === 2) cells[x + 1] = '';
      x += w;
    }
  }
  if (cells.length) lines.push(cells.join('').trimEnd());
  return { lines, wrapped };
}

describeWithTools(['script'], 'progress on a terminal', () => {
  it(
    'validate of one 60,000-row list shows the rows read, within 80 columns, and leaves no line behind',
    () => {
      const json = path.join(tmp, 'v.json');
      const seen = onTty(['validate', big, ...AS_OF, '--format', 'json'], { stdout: json });
      // the progress line was drawn (rows read, the name cut to fit) …
      const counts = [...seen.matchAll(/已读 ([\d,]+) 行/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
      expect(counts.length, seen).toBeGreaterThan(0);
      expect(Math.max(...counts)).toBeLessThanOrEqual(60_004);
      expect(seen).toContain('…');
      // … never wider than the terminal, and gone at the end
      const screen = terminal(seen);
      expect(screen.wrapped).toEqual([]);
      for (const piece of seen.split(/\r|\n/)) expect(displayWidth(piece.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''))).toBeLessThan(80);
      expect(screen.lines.filter((l) => l.trim() !== '')).toEqual([]);
      // the JSON went whole to stdout, untouched by the progress
      const out = JSON.parse(readFileSync(json, 'utf8')) as { files: { rows: number }[] };
      expect(out.files[0]!.rows).toBeGreaterThan(59_000);
    },
    SLOW,
  );

  it(
    'English: the same line in English',
    () => {
      const seen = onTty(['validate', big, ...AS_OF, '--format', 'json', '--lang', 'en'], { stdout: '/dev/null' });
      expect(seen).toMatch(/[\d,]+ rows read/);
      expect(seen).not.toMatch(/已读|校验/);
      expect(terminal(seen).wrapped).toEqual([]);
    },
    SLOW,
  );

  it(
    '--quiet: nothing on the terminal',
    () => {
      expect(onTty(['validate', big, ...AS_OF, '--format', 'json', '--quiet'], { stdout: '/dev/null' })).toBe('');
    },
    SLOW,
  );

  it(
    'a log line while the bar is up clears it first (report: no stale progress between the log lines)',
    () => {
      const inbox = path.join(tmp, 'inbox');
      mkdirSync(inbox);
      cpSync(big, path.join(inbox, BIG_NAME));
      cpSync(path.join(ROOT, 'fixtures', 'inbox', '2024Q3', '万州区附表2-监督执法正面清单企业列表.xlsx'), path.join(inbox, '万州区附表2.xlsx'));
      const seen = onTty(['report', inbox, '--out', path.join(tmp, 'report'), ...AS_OF, '--format', 'json'], { stdout: '/dev/null' });
      expect(seen).toMatch(/已读 [\d,]+ 行/);
      const screen = terminal(seen);
      // every progress draw (\r … ESC[K) fits; log lines may be longer and wrap as text does
      for (const draw of seen.matchAll(/\r([^\r\n]*?)\x1b\[K/g)) expect(displayWidth(draw[1]!)).toBeLessThan(80);
      const lines = screen.lines.filter((l) => l.trim() !== '');
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l, seen).not.toMatch(/已读|█|░/);
    },
    SLOW,
  );
});

describe('no progress when stderr is not a terminal', () => {
  it(
    'piped stderr gets the log lines only, no carriage returns',
    async () => {
      const r = await runCli(['validate', big, ...AS_OF, '--format', 'json'], { timeoutMs: SLOW });
      expect(crashLines(r.stderr)).toEqual([]);
      expect(r.stderr).not.toMatch(/\r|已读|\x1b/);
    },
    SLOW,
  );
});

/** SGR colour escapes (ESC [ … m). */
const COLOUR = /\x1b\[[0-9;]*m/;

describeWithTools(['script'], 'NO_COLOR and --no-color on a terminal', () => {
  const file = path.join(ROOT, 'fixtures', 'inbox', '2024Q3', '万州区附表2-监督执法正面清单企业列表.xlsx');
  const args = ['validate', file, ...AS_OF, '--district', '渝北区'];

  it('colour by default on a terminal (so the tests below can fail)', () => {
    expect(onTty(args)).toMatch(COLOUR);
  });

  it('NO_COLOR with any value, even empty, turns it off', () => {
    for (const env of ['NO_COLOR=1', 'NO_COLOR=', 'NO_COLOR=0', 'NO_COLOR=1 FORCE_COLOR=3']) {
      const seen = onTty(args, { env: `env ${env}` });
      expect(seen, env).toContain('万州区');
      expect(seen, env).not.toMatch(COLOUR);
    }
  });

  it(
    '--no-color turns it off, on every command',
    () => {
      expect(onTty([...args, '--no-color'])).not.toMatch(COLOUR);
      const r = onTty(['aggregate', path.join(ROOT, 'fixtures', 'inbox', '2024Q3'), ...AS_OF, '--no-color']);
      expect(r).toContain('万州区');
      expect(r).not.toMatch(COLOUR);
    },
    SLOW,
  );
});

describe('English output uses English punctuation', () => {
  /** Chinese punctuation outside what comes from the files themselves (paths, quoted cell text and headers). */
  function chinesePunctuation(text: string, paths: string[]): string[] {
    return text
      .split('\n')
      .map((l) => {
        let s = l;
        for (const p of paths) s = s.split(p).join('');
        // paths (also a path a reporter broke across two lines) come from the file system, as named
        return s
          .replace(/"[^"]*"/g, '')
          .replace(/\S*\/\S*/g, '')
          .replace(/\S*\.(xlsx|csv|xls|et|json)\b/g, '');
      })
      .filter((l) => /[、，：；（）。“”！？]/.test(l));
  }

  it(
    'validate, aggregate, check and report with --lang en, on the bad corpus and the sample inbox',
    async () => {
      const inbox = path.join(ROOT, 'fixtures', 'inbox');
      const runs = [
        ['validate', path.join(ROOT, 'fixtures', 'bad'), ...AS_OF],
        ['aggregate', path.join(inbox, '2024Q3'), '--previous', path.join(inbox, '2024Q2'), ...AS_OF],
        ['check', path.join(inbox, '2024Q3'), '--inspections', path.join(inbox, 'data', '检查记录.csv'), '--credit', path.join(inbox, 'data', '信用评价.xlsx'), ...AS_OF],
        ['report', path.join(inbox, '2024Q3'), '--config', path.join(inbox, 'zmqd.config.json'), '--out', path.join(tmp, 'en-report'), ...AS_OF],
        ['report', path.join(inbox, '2024Q3'), '--out', path.join(tmp, 'en-report2'), '--format', 'line', ...AS_OF],
        ['validate', path.join(inbox, '2024Q3', 'nope.xlsx'), ...AS_OF],
        ['aggregate', path.join(inbox, '2024Q3'), '--period', '2024Q9', ...AS_OF],
      ];
      for (const args of runs) {
        const r = await runCli([...args, '--lang', 'en', '--no-color'], { env: { SOFFICE: '/nonexistent/soffice' }, timeoutMs: SLOW });
        expect(crashLines(r.stderr)).toEqual([]);
        const bad = chinesePunctuation(r.stdout + r.stderr, [ROOT + '/', 'fixtures/']);
        // a usage error prints both languages, the Chinese line first: the English one is what --lang en readers read
        const english = bad.filter((l) => !/^(zmqd: )?[\u4e00-\u9fff]/.test(l.trim()));
        expect({ args: args.slice(0, 1), lines: english }).toEqual({ args: args.slice(0, 1), lines: [] });
      }
    },
    SLOW,
  );
});

describe('report text summary', () => {
  it(
    "names each unreadable file and gives every step's errors, adding up to the total",
    async () => {
      const r = await runCli(
        [
          'report',
          path.join(ROOT, 'fixtures', 'inbox', '2024Q3'),
          '--config',
          path.join(ROOT, 'fixtures', 'inbox', 'zmqd.config.json'),
          '--out',
          path.join(tmp, 'sum'),
          ...AS_OF,
          '--no-color',
          '--quiet',
        ],
        { timeoutMs: SLOW, env: { SOFFICE: '/nonexistent/soffice' } },
      );
      expect(r.code).toBe(1);
      const s = JSON.parse(readFileSync(path.join(tmp, 'sum', 'summary.json'), 'utf8')) as {
        validate: { errors: number; warnings: number; files: { file: string; findings: { code: string }[] }[] };
        aggregate: { errors: number };
        check: { errors: number };
        crossChecks: { errors: number };
        errors: number;
      };
      const unreadable = s.validate.files.filter((f) => f.findings.some((x) => x.code === 'file-unreadable'));
      expect(unreadable.length).toBeGreaterThan(0);
      for (const f of unreadable) expect(r.stdout).toContain(`- ${f.file} (file-unreadable)`);
      const line = (label: string) => r.stdout.split('\n').find((l) => l.startsWith(label)) ?? '';
      expect(line('校验')).toContain(`${s.validate.errors} 个错误`);
      expect(line('汇总')).toContain(`${s.aggregate.errors} 个错误`);
      expect(line('核查')).toContain(`${s.check.errors} 个错误`);
      expect(line('交叉核对')).toContain(`${s.crossChecks.errors} 个错误`);
      const sum = s.validate.errors + s.aggregate.errors + s.check.errors + s.crossChecks.errors;
      expect(line('合计')).toContain(`${s.errors} 个错误`);
      expect(line('合计')).toContain(`各步骤之和 ${sum} 个错误`);
      expect(line('合计')).toContain(`${sum - s.errors} 个错误`);
    },
    SLOW,
  );

  it(
    "--format line: one line for a scheduler's log",
    async () => {
      const r = await runCli(
        [
          'report',
          path.join(ROOT, 'fixtures', 'inbox', '2024Q3'),
          '--config',
          path.join(ROOT, 'fixtures', 'inbox', 'zmqd.config.json'),
          '--out',
          path.join(tmp, 'line'),
          ...AS_OF,
          '--format',
          'line',
          '--quiet',
          '--lang',
          'en',
        ],
        { timeoutMs: SLOW, env: { SOFFICE: '/nonexistent/soffice' } },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const lines = r.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00 zmqd report 2024Q3 as of 2024-10-01 exit 1: 80 files \(1 unreadable\), \d+ units? missing, \d+ errors, \d+ warnings -> .*line$/,
      );
      const other = await runCli(['validate', path.join(ROOT, 'fixtures', 'inbox', '2024Q3'), '--format', 'line', ...AS_OF]);
      expect(other.code).toBe(2);
    },
    SLOW,
  );
});
