/**
 * Legacy .xls / .et workbooks (BIFF, in an OLE2 compound file): when LibreOffice's `soffice` is
 * on the PATH, convert them to .xlsx and validate that, with a `file-legacy-format` warning
 * instead of the error. Decided by the bytes (the compound file holds a BIFF workbook stream),
 * never by the file name.
 *
 * The conversion never touches the input's folder: the bytes are copied into a private temporary
 * folder (mode 0700) as `input-N.xls`, converted there (all of a run's files with one start of
 * LibreOffice), read back, and the folder is removed.
 * LibreOffice runs with its own profile (-env:UserInstallation=…/zmqd-lo-<pid>), so it neither
 * clashes with a LibreOffice the user has open nor with another zmqd run; the profile is removed
 * when the converter is disposed.
 */
import { spawn } from 'node:child_process';
import { constants as fsc, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sniff } from '../core/workbook/sniff.js';
import { classifyCfb } from '../core/workbook/cfb.js';

/** The first start of LibreOffice with a fresh profile takes several seconds; a busy machine more. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** True when the bytes are a legacy Excel/WPS binary workbook (not an encrypted .xlsx, not a .doc). */
export function isLegacyExcel(bytes: Uint8Array): boolean {
  return sniff(bytes) === 'ole2' && classifyCfb(bytes) === 'legacy-excel';
}

async function isExecutable(p: string): Promise<boolean> {
  try {
    const st = await fs.stat(p);
    if (!st.isFile()) return false;
    await fs.access(p, fsc.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The soffice executable: $SOFFICE when set (an explicit path; a missing one means "none", which
 * is how tests run the no-LibreOffice path), else `soffice` (or `soffice.exe`) on the PATH.
 */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const explicit = env.SOFFICE;
  if (explicit !== undefined && explicit !== '') return (await isExecutable(explicit)) ? explicit : null;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const n of names) {
      const p = path.join(dir, n);
      if (await isExecutable(p)) return p;
    }
  }
  return null;
}

export type Conversion = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

export interface LegacyConverter {
  /** Convert legacy workbook bytes to .xlsx bytes. Never throws. */
  convert(bytes: Uint8Array): Promise<Conversion>;
  /**
   * Convert several at once, with one start of LibreOffice: starting it takes seconds, converting
   * a small workbook a fraction of that (measured here: three files one by one 18 s, together 5 s).
   * One result per input, in order. Never throws.
   */
  convertAll(items: readonly Uint8Array[]): Promise<Conversion[]>;
  /** Remove the LibreOffice profile. Safe to call more than once. */
  dispose(): Promise<void>;
}

export interface ConverterOptions {
  soffice: string;
  timeoutMs?: number;
  /** extra time allowed for each further file of a batch (default 30 s) */
  perFileMs?: number;
}

/** A converter bound to one soffice and one private profile (per process). */
export function createLegacyConverter(o: ConverterOptions): LegacyConverter {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const profile = path.join(os.tmpdir(), `zmqd-lo-${process.pid}`);
  let used = false;

  async function batch(items: readonly Uint8Array[]): Promise<{ results: Conversion[]; timedOut: boolean }> {
    used = true;
    let dir: string | undefined;
    try {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zmqd-xls-'));
      const inputs: string[] = [];
      for (const [i, bytes] of items.entries()) {
        const input = path.join(dir, `input-${i}.xls`);
        await fs.writeFile(input, bytes, { mode: 0o600 });
        inputs.push(input);
      }
      const outDir = path.join(dir, 'out');
      const args = [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--invisible',
        '--norestore',
        '--nologo',
        '--nodefault',
        '--nolockcheck',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        ...inputs,
      ];
      const limit = timeoutMs + (o.perFileMs ?? 30_000) * (items.length - 1);
      const run = await runSoffice(o.soffice, args, limit);
      const results: Conversion[] = [];
      for (let i = 0; i < items.length; i++) {
        let converted: Buffer;
        try {
          converted = await fs.readFile(path.join(outDir, `input-${i}.xlsx`));
        } catch {
          results.push({
            ok: false,
            reason: run.timedOut
              ? `LibreOffice timed out after ${Math.round(limit / 1000)} s`
              : `LibreOffice wrote no .xlsx (exit ${String(run.code)}): ${run.output.trim().split('\n').pop() ?? ''}`.trim(),
          });
          continue;
        }
        if (converted.length === 0) results.push({ ok: false, reason: 'LibreOffice wrote an empty file' });
        else results.push({ ok: true, bytes: new Uint8Array(converted.buffer, converted.byteOffset, converted.byteLength) });
      }
      return { results, timedOut: run.timedOut };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return { results: items.map(() => ({ ok: false, reason })), timedOut: false };
    } finally {
      if (dir) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  return {
    async convert(bytes) {
      return (await batch([bytes])).results[0]!;
    },
    async convertAll(items) {
      if (items.length === 0) return [];
      const first = await batch(items);
      if (!first.timedOut || items.length === 1) return first.results;
      // one file that hangs LibreOffice must not cost the others their conversion: retry those left, one by one
      const out: Conversion[] = [];
      for (const [i, r] of first.results.entries()) out.push(r.ok ? r : (await batch([items[i]!])).results[0]!);
      return out;
    },
    async dispose() {
      if (used) await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * Legacy workbooks converted to .xlsx with one start of LibreOffice: one result per input, in order;
 * null when LibreOffice is not installed (the files then get the error that says how to re-save
 * them). `starting` is called once LibreOffice is found, before it starts (which takes seconds).
 * The one way the commands convert; never throws for a file LibreOffice cannot convert.
 */
export async function convertLegacyFiles(items: readonly Uint8Array[], starting?: () => void): Promise<Conversion[] | null> {
  const soffice = await findSoffice();
  if (!soffice) return null;
  const converter = createLegacyConverter({ soffice });
  try {
    starting?.();
    return await converter.convertAll(items);
  } finally {
    await converter.dispose();
  }
}

interface RunResult {
  code: number | null;
  timedOut: boolean;
  output: string;
}

function runSoffice(cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    // detached: soffice starts helper processes; on timeout the whole group we started is killed
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    const keep = (d: Buffer) => {
      if (output.length < 8192) output += d.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) {
          if (process.platform === 'win32') child.kill('SIGKILL');
          else process.kill(-child.pid, 'SIGKILL');
        }
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, timedOut, output: output + err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output });
    });
  });
}
