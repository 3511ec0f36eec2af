/**
 * Every finding code is produced by at least one test. The run records each code a test makes:
 * in-process through the finding sink (src/core/findings/make.ts, registered by test/setup.ts for
 * every test file), in the CLI's processes through ZMQD_RECORD_CODES (src/cli/main.ts writes the
 * codes it made to that folder; the spawn helpers pass the environment on). At the end of a run
 * that covered every test file, the global teardown fails naming each catalogue code no test
 * produced. A filtered run (some files, a test name pattern, a shard) is not judged: it says so.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The environment variable naming the folder the codes are recorded in (the CLI reads it too). */
export const RECORD_ENV = 'ZMQD_RECORD_CODES';

const ROOT = path.resolve(__dirname, '..', '..');

/** The folder of this run's records: $ZMQD_RECORD_CODES (a nested run's own), else one below .vitest-tmp. */
export function recordDir(): string {
  return process.env[RECORD_ENV] || path.join(ROOT, '.vitest-tmp', 'produced-codes');
}

/** What one test file recorded: the file (relative to the root) and the codes it produced in-process. */
interface FileRecord {
  file: string;
  codes: string[];
}

/** For a test file's setup: the record of the file that ran and the codes it produced. */
export function writeFileRecord(dir: string, file: string, codes: Iterable<string>): void {
  mkdirSync(dir, { recursive: true });
  const rec: FileRecord = { file: path.relative(ROOT, file).split(path.sep).join('/'), codes: [...new Set(codes)].sort() };
  writeFileSync(path.join(dir, `test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify(rec));
}

export interface Produced {
  /** the test files that ran (relative to the root) */
  files: Set<string>;
  /** every code produced, in-process or by the CLI */
  codes: Set<string>;
}

/** Read a run's records: test files (test-*.json) and the CLI's processes (cli-*.json, a list of codes). */
export function readRecords(dir: string): Produced {
  const out: Produced = { files: new Set(), codes: new Set() };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    if (!n.endsWith('.json')) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(readFileSync(path.join(dir, n), 'utf8'));
    } catch {
      continue; // a process killed while writing
    }
    if (n.startsWith('test-')) {
      const r = rec as FileRecord;
      out.files.add(r.file);
      for (const c of r.codes) out.codes.add(c);
    } else if (n.startsWith('cli-')) for (const c of rec as string[]) out.codes.add(c);
  }
  return out;
}

/** The test files a full run covers: every `*.test.ts` below `testDir` (vitest.config.ts includes test/**\/*.test.ts). */
export function allTestFiles(testDir: string, suffix = '.test.ts'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(suffix)) out.push(path.relative(ROOT, p).split(path.sep).join('/'));
    }
  };
  walk(testDir);
  return out.sort();
}

/**
 * Codes that no test was seen producing when this check was introduced (found by reading the tests,
 * not yet confirmed by a full run): named at the end of every full run, but not failing it, until
 * a test produces each. Remove a code from here when its test exists; add none.
 */
export const NOT_YET_PRODUCED: readonly string[] = [];

export interface Verdict {
  /** whether the run was judged: it covered every test file, unfiltered */
  judged: boolean;
  /** catalogue codes no test produced (judged runs only) */
  missing: string[];
  /** whether the run fails (missing codes, unless suites were skipped for a missing tool) */
  fail: boolean;
  /** what to print */
  message: string;
}

/**
 * Judge a run: when every expected test file ran and no test-name filter applied, every code of
 * `codes` must have been produced.
 */
export function judge(
  p: Produced,
  expectedFiles: readonly string[],
  codes: readonly string[],
  o: { filtered?: string; toolsMissing?: boolean; known?: readonly string[] } = {},
): Verdict {
  const notRun = expectedFiles.filter((f) => !p.files.has(f));
  if (o.filtered || notRun.length) {
    const why = o.filtered ?? `${notRun.length} of ${expectedFiles.length} test files did not run`;
    return { judged: false, missing: [], fail: false, message: `finding codes produced by a test: not checked (${why}; the full run checks them)` };
  }
  const missing = codes.filter((c) => !p.codes.has(c));
  const known = o.known ?? [];
  const todo = known.filter((c) => missing.includes(c));
  const note = todo.length ? `Still to be produced by a test: ${todo.join(', ')} (NOT_YET_PRODUCED, test/helpers/produced.ts).` : '';
  const stale = known.filter((c) => codes.includes(c) && !missing.includes(c));
  const staleNote = stale.length ? ` Produced now, remove from NOT_YET_PRODUCED: ${stale.join(', ')}.` : '';
  const unknown = missing.filter((c) => !known.includes(c));
  if (!unknown.length) return { judged: true, missing, fail: false, message: note + staleNote };
  const list = `${unknown.length} finding code${unknown.length === 1 ? ' is' : 's are'} produced by no test: ${unknown.join(', ')}.`;
  // suites skipped for a missing tool may be the ones that produce them: say so, fail only a run with every tool
  if (o.toolsMissing) return { judged: true, missing, fail: false, message: `${list} Some suites were skipped for a missing tool (above); a run with every tool checks them.` };
  return {
    judged: true,
    missing,
    fail: true,
    message: `${list} Write a test that produces each on realistic input (in the test folder of its area), or remove a code that can no longer happen.`,
  };
}

/**
 * For a vitest global teardown: judge the run against the catalogue and print the verdict. A full
 * run that left a code unproduced fails (vitest only logs an error thrown by a teardown, so the
 * exit code is set here).
 */
export function judgeRun(codes: readonly string[], o: { filtered?: string; toolsMissing?: boolean; known?: readonly string[]; testDir?: string; suffix?: string } = {}): Verdict {
  const v = judge(readRecords(recordDir()), allTestFiles(o.testDir ?? path.join(ROOT, 'test'), o.suffix), codes, o);
  if (v.message) process.stdout.write(`\n${v.fail ? 'FAIL ' : ''}${v.message}\n`);
  if (v.fail) process.exitCode = 1;
  return v;
}

/** For a vitest global setup: forget the previous run's records and tell the workers and the CLI where to record. */
export function startRecording(): string {
  const dir = recordDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.env[RECORD_ENV] = dir;
  return dir;
}
