/**
 * Run the built CLI and measure its peak memory (max RSS, from the process itself via a preloaded
 * hook, so no /usr/bin/time is needed) and wall time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BIN, ROOT, type CliResult } from './cli.js';

export const MiB = 1024;
/** The bound for any command on any input within the limits: 1 GiB peak. */
export const PEAK_LIMIT_KIB = 1024 * MiB;

export interface Measured extends CliResult {
  /** peak resident memory in KiB */
  maxRssKiB: number;
}

export function runMeasured(args: string[], o: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<Measured> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zmqd-rss-'));
  const rssFile = path.join(dir, 'rss');
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test', 'robust', 'maxrss.cjs'), BIN, ...args], {
      cwd: o.cwd ?? ROOT,
      env: { ...process.env, ...o.env, ZMQD_MAXRSS_FILE: rssFile, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let maxRssKiB = NaN;
      try {
        maxRssKiB = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        /* killed before exit */
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - t0, maxRssKiB });
    });
  });
}
