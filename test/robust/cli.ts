/**
 * Running the built CLI from tests: make sure dist/ is there, spawn `node bin/zmqd.js` and
 * collect its output; hashing and listing helpers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'zmqd.js');

const LOCK = path.join(tmpdir(), `zmqd-test-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`);

/**
 * dist/ is built by test/global-setup.ts before any test file runs (so no test races a build).
 * This is the fallback for a run without it: `tsc -p tsconfig.json` when the CLI or the fuzz
 * script is missing. tsc emits even when another engineer's file has a type error, so its exit
 * code is not trusted; the emitted files are what count. Never rebuilds a present dist/ while
 * other test files may be running it.
 */
export async function ensureBuilt(): Promise<void> {
  const needed = [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), path.join(ROOT, 'dist', 'scripts', 'fuzz.js')];
  if (needed.every((f) => existsSync(f))) return;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // a lock older than 5 minutes belongs to a dead run
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`build lock ${LOCK} held too long`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (needed.every((f) => existsSync(f))) return;
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (!needed.every((f) => existsSync(f))) {
      throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** Run `node bin/zmqd.js …args` and wait for it. */
export function runCli(args: string[], o: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const env: NodeJS.ProcessEnv = { ...process.env, ...o.env };
    for (const [k, v] of Object.entries(o.env ?? {})) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: o.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`zmqd ${args.join(' ')} did not finish within ${o.timeoutMs ?? 600_000} ms\n${stderr}`));
    }, o.timeoutMs ?? 600_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Lines of a stack trace or of an internal error a user must never see. */
export function crashLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at\s/.test(l) || /TypeError|ReferenceError|RangeError|SyntaxError|内部错误|internal error/.test(l));
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file below a folder (hidden ones too), relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
