import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { skippedSummary, skipSummaryAtEnd } from './helpers/tools.js';
import { judgeRun, NOT_YET_PRODUCED, startRecording } from './helpers/produced.js';
import { catalogue } from '../src/core/findings/catalogue/index.js';

/** What of the run's configuration a global setup is given (vitest's TestProject). */
interface Project {
  config?: { testNamePattern?: RegExp; shard?: { index: number; count: number } };
}

/**
 * Build dist/ once before any test file runs, so CLI tests in parallel workers never race a build.
 * At the end, one summary of the suites skipped for a missing system tool (test/helpers/tools.ts),
 * and, after a full run, a failure naming each finding code no test produced (test/helpers/produced.ts).
 */
export default function setup(project?: Project): () => void {
  const root = path.resolve(__dirname, '..');
  const skips = skipSummaryAtEnd();
  startRecording();
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    // type errors are reported by `npm run typecheck`; tsc still emitted JavaScript for the CLI tests
    const out = String((err as { stdout?: Buffer }).stdout ?? '');
    if (!out.includes('error TS')) throw err;
  }
  return () => {
    skips();
    const c = project?.config;
    const filtered = c?.testNamePattern ? `tests filtered by name: ${String(c.testNamePattern)}` : c?.shard ? `shard ${c.shard.index}/${c.shard.count}` : undefined;
    judgeRun(Object.keys(catalogue), { filtered, toolsMissing: skippedSummary() !== '', known: NOT_YET_PRODUCED });
  };
}
