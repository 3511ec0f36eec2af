/**
 * npm run setup: install the system tools the whole test suite uses (and LibreOffice, which users
 * need for legacy .xls/.et files) on Debian/Ubuntu — only those missing. The list is src/cli/tools.ts.
 * Needs root (or sudo). .ci/run calls it so CI runs every suite.
 */
import { spawnSync } from 'node:child_process';
import { findTool, TOOLS } from '../src/cli/tools.js';

function sh(cmd: string, args: string[]): void {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [c, a] = asRoot ? [cmd, args] : ['sudo', [cmd, ...args]];
  process.stdout.write(`$ ${c} ${a.join(' ')}\n`);
  const r = spawnSync(c, a, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    process.stderr.write(`setup: ${c} ${a.join(' ')} failed (exit ${String(r.status ?? r.signal ?? r.error?.message)})\n`);
    process.exit(1);
  }
}

const missing = TOOLS.filter((t) => !findTool(t.id));
if (!missing.length) {
  process.stdout.write(`setup: every tool is present (${TOOLS.map((t) => t.name).join(', ')})\n`);
} else {
  const pkgs = [...new Set(missing.map((t) => t.debian))];
  process.stdout.write(`setup: installing ${missing.map((t) => t.name).join(', ')}\n`);
  sh('apt-get', ['update', '-qq']);
  sh('apt-get', ['install', '-y', '-qq', ...pkgs]);
}
