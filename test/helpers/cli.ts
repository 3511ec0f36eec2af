import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');
export const bin = path.join(root, 'bin', 'zmqd.js');

/** dist/ is built by test/global-setup.ts before any test runs; this only checks it is there. */
export function ensureBuilt(): void {
  if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build');
}

/** Run the built CLI; never throws on a non-zero exit. */
export function zmqd(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  ensureBuilt();
  return spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, encoding: 'utf8', env: { ...process.env, ...opts.env }, maxBuffer: 256 * 1024 * 1024 });
}
