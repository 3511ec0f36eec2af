import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { skipSummaryAtEnd } from './helpers/tools.js';

/**
 * Build dist/ once before any test file runs, so CLI tests in parallel workers never race a build.
 * At the end, one summary of the suites skipped for a missing system tool (test/helpers/tools.ts).
 */
export default function setup(): () => void {
  const root = path.resolve(__dirname, '..');
  const teardown = skipSummaryAtEnd();
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    // type errors are reported by `npm run typecheck`; tsc still emitted JavaScript for the CLI tests
    const out = String((err as { stdout?: Buffer }).stdout ?? '');
    if (!out.includes('error TS')) throw err;
  }
  return teardown;
}
