/**
 * Runs before every test file: records the finding codes the file's tests produce in this process
 * (the CLI's own processes record theirs), for the check that every code is produced by some test
 * (test/helpers/produced.ts).
 */
import { afterAll, expect } from 'vitest';
import { setFindingSink } from '../src/core/findings/make.js';
import { recordDir, writeFileRecord } from './helpers/produced.js';

const codes = new Set<string>();
setFindingSink((code) => codes.add(code));

afterAll(() => {
  const file = expect.getState().testPath ?? (globalThis as { __vitest_worker__?: { filepath?: string } }).__vitest_worker__?.filepath;
  if (file) writeFileRecord(recordDir(), file, codes);
});
