import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** Build dist/ once before any test file runs, so CLI tests in parallel workers never race a build. */
export default function setup(): void {
  const root = path.resolve(__dirname, '..');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    // type errors are reported by `npm run typecheck`; tsc still emitted JavaScript for the CLI tests
    const out = String((err as { stdout?: Buffer }).stdout ?? '');
    if (!out.includes('error TS')) throw err;
  }
}
