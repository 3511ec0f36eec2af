/**
 * Golden output: what a clerk sees in the terminal from `zmqd validate`, `aggregate`, `check` and
 * `report` on the sample data in fixtures/, in Chinese and in English, stored as plain files in
 * test/golden/expected/ and compared byte for byte. Any change to a message, a label, the wrapping,
 * the grouping or a summary line shows here as a diff.
 *
 * After a change to the output that is meant, rewrite the files and read the diff before committing:
 *
 *     UPDATE_GOLDEN=1 npx vitest run test/golden
 *
 * Each file is the command line, the exit code, then stdout and stderr exactly as printed. The runs
 * are made machine-independent by how they are run, not by editing the output: a fixed --as-of, cwd the
 * repository root with relative input paths (as printed), NO_COLOR and stdout/stderr pipes, not a
 * terminal (no colour, no progress line; the reporters wrap at 80 columns whatever the terminal).
 * The one thing left is normalised in `normalise` below.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { ensureBuilt, ROOT, runCli, type CliResult } from '../robust/cli.js';

await ensureBuilt();

const EXPECTED = path.join(ROOT, 'test', 'golden', 'expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** A run waits for a free slot (two at a time) before it starts: generous, so a busy machine does not fail it. */
const TIMEOUT = 300_000;

/** The sample inbox's date (fixtures/inbox/manifest.json): the day after the quarter ends. */
const AS_OF = ['--as-of', '2024-10-01'];
const INBOX = 'fixtures/inbox/2024Q3';
const DATA = 'fixtures/inbox/data';

/** Each report run writes to its own new temporary folder (never the repository's out/), inside this one. */
const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The one place output is changed before comparing; each replacement says why it is needed.
 * Nothing else varies: there are no durations in the text output, the version is not printed, and
 * dates come from --as-of.
 */
function normalise(text: string): string {
  // `report` prints the report folder it wrote (stdout, and its log line on stderr); that folder is a
  // fresh temporary one on this machine
  return text.split(tmp).join('<tmp>');
}

interface Run {
  /** File name stem in expected/. */
  name: string;
  args: (lang: string) => string[];
}

const RUNS: Run[] = [
  // the whole inbox: errors and warnings in several files, the unreadable file, clean files, the summary line
  { name: 'validate', args: () => ['validate', INBOX, ...AS_OF] },
  // many findings of many codes in one file: their order, cells and row locations, long messages wrapped
  { name: 'validate-dirty', args: () => ['validate', 'fixtures/annex/dirty', ...AS_OF] },
  { name: 'aggregate', args: () => ['aggregate', INBOX, '--previous', 'fixtures/inbox/2024Q2', ...AS_OF] },
  {
    name: 'check',
    args: () => [
      'check',
      INBOX,
      '--inspections',
      `${DATA}/检查记录.csv`,
      '--credit',
      `${DATA}/信用评价.xlsx`,
      '--monitoring',
      `${DATA}/在线监控.csv`,
      '--objections',
      `${DATA}/异议复核.xlsx`,
      ...AS_OF,
    ],
  },
  // as `npm start` runs it (the sample's config names the data and the previous quarter), written elsewhere
  { name: 'report', args: (lang) => ['report', INBOX, '--config', 'fixtures/inbox/zmqd.config.json', '--out', path.join(tmp, `report-${lang}`), ...AS_OF] },
];

/** Chinese is the default: the zh runs pass no --lang, as a clerk types the command. */
const LANGS = ['zh', 'en'] as const;

/** No more than two zmqd processes at once (the machine may have two cores); a finished run hands its slot to the next. */
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running < 2) running++;
  else await new Promise<void>((r) => waiting.push(r));
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function golden(args: string[], r: CliResult): string {
  return normalise(`# zmqd ${args.join(' ')}\n# exit code ${r.code}\n# stdout\n${r.stdout}# stderr\n${r.stderr}`);
}

/** No colour; and none of zmqd's test hooks (test/robust) that a developer's shell might still have set. */
const ENV = { NO_COLOR: '1', FORCE_COLOR: undefined, ZMQD_INJECT_BUG: undefined, ZMQD_TEST_CRASH_AT: undefined };

// concurrent, so the runs overlap (two at a time, see `limited`); `-t` still picks single runs
describe.concurrent('the terminal output on the sample data is the stored one', () => {
  for (const run of RUNS) {
    for (const lang of LANGS) {
      it(
        `${run.name} in ${lang}`,
        async ({ expect }) => {
          const args = [...run.args(lang), ...(lang === 'zh' ? [] : ['--lang', lang])];
          const r = await limited(() => runCli(args, { cwd: ROOT, timeoutMs: TIMEOUT, env: ENV }));
          const actual = golden(args, r);
          const file = path.join(EXPECTED, `${run.name}.${lang}.txt`);
          const name = path.relative(ROOT, file);
          if (UPDATE) {
            mkdirSync(EXPECTED, { recursive: true });
            writeFileSync(file, actual);
            return;
          }
          if (!existsSync(file)) throw new Error(`${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden and read what it wrote`);
          // a string comparison: vitest shows the lines that differ (- stored, + now)
          expect(actual, `${name} differs; if the change is meant: UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(readFileSync(file, 'utf8'));
        },
        TIMEOUT,
      );
    }
  }
});
