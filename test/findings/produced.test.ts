/**
 * The run's check that every finding code is produced by some test (test/helpers/produced.ts): the
 * verdict itself, and a real child vitest run recording codes in-process and from the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, RECORD_ENV } from '../helpers/produced.js';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the verdict on the codes a run produced', () => {
  const files = ['test/a.test.ts', 'test/b.test.ts'];
  const ran = (codes: string[], f = files) => ({ files: new Set(f), codes: new Set(codes) });

  it('a full run that produced every code passes', () => {
    expect(judge(ran(['x', 'y']), files, ['x', 'y'])).toMatchObject({ judged: true, fail: false, missing: [] });
  });

  it('a full run fails naming each code no test produced', () => {
    const v = judge(ran(['x']), files, ['x', 'y', 'z']);
    expect(v).toMatchObject({ judged: true, fail: true, missing: ['y', 'z'] });
    expect(v.message).toMatch(/^2 finding codes are produced by no test: y, z\./);
  });

  it('a run of some files, or of tests filtered by name, is not judged', () => {
    expect(judge(ran([], ['test/a.test.ts']), files, ['x'])).toMatchObject({ judged: false, fail: false });
    expect(judge(ran([], ['test/a.test.ts']), files, ['x']).message).toMatch(/not checked \(1 of 2 test files did not run/);
    expect(judge(ran([]), files, ['x'], { filtered: 'tests filtered by name: /uscc/' }).message).toMatch(/not checked \(tests filtered by name/);
  });

  it('a code still to be produced is named without failing, and named again once produced', () => {
    expect(judge(ran(['x']), files, ['x', 'y'], { known: ['y'] })).toMatchObject({
      judged: true,
      fail: false,
      message: expect.stringMatching(/Still to be produced by a test: y/),
    });
    expect(judge(ran(['x', 'y']), files, ['x', 'y'], { known: ['y'] }).message).toMatch(/remove from NOT_YET_PRODUCED: y/);
  });

  it('with suites skipped for a missing tool, the codes are named without failing', () => {
    expect(judge(ran([]), files, ['x'], { toolsMissing: true })).toMatchObject({ judged: true, fail: false, missing: ['x'] });
  });
});

describe('a real vitest run recording the codes its tests produce', () => {
  const run = (expectCodes: string[], args: string[] = []) =>
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/findings/produced/vitest.config.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      // its own record, so the child run's codes are not counted as this run's
      env: { ...process.env, NO_COLOR: '1', [RECORD_ENV]: mkdtempSync(path.join(tmpdir(), 'zmqd-codes-')), ZMQD_EXPECT_CODES: expectCodes.join(',') },
      timeout: 180_000,
    });

  it('passes when its tests produced every expected code, in-process and in the CLI', () => {
    const r = run(['file-unreadable', 'file-encrypted']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/produced by no test/);
  });

  it('fails naming a code none of its tests produced', () => {
    const r = run(['file-unreadable', 'file-encrypted', 'permit-legacy']);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/1 finding code is produced by no test: permit-legacy\./);
  });

  it('does not judge a run of some of its files', () => {
    const r = run(['file-unreadable', 'permit-legacy'], ['test/findings/produced/in-process.fixture.ts']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/not checked \(1 of 2 test files did not run/);
  });

  it('does not judge a run of tests filtered by name', () => {
    const r = run(['file-unreadable', 'file-encrypted', 'permit-legacy'], ['-t', 'password']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/not checked \(tests filtered by name/);
  });
});
