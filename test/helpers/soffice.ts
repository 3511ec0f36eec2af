/**
 * LibreOffice round-trips for tests: convert a workbook to CSV (every sheet) or PDF with a
 * headless `soffice`, each call with its own throw-away profile so parallel test files never
 * share (and lock) one user installation.
 *
 * Only call these inside a suite gated on LibreOffice: describeWithTools(['soffice'], …) or
 * itWithTools(['soffice'], …) from ./tools.ts, which finds the executable ($SOFFICE or the PATH).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tool } from './tools.js';

/**
 * CSV filter: comma, double quote, UTF-8 (76), from line 1, standard cell format, language 0,
 * unquoted text, numbers detected, raw (not as shown), no formulas, no space trimming, and −1 =
 * every sheet to its own file `<name>-<sheet>.csv` (LibreOffice ≥ 7.2).
 */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Generous: the first start of a fresh profile takes several seconds on a busy CI machine. */
export const SOFFICE_TIMEOUT_MS = 180_000;

interface RunResult {
  code: number | null;
  out: string;
}

function run(args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // detached: soffice starts helper processes; on timeout the whole group we started is killed
    const child = spawn(tool('soffice').command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`soffice timed out after ${timeoutMs} ms: ${args.join(' ')}\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

async function convert(xlsxPath: string, filter: string, outDir: string, timeoutMs: number): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'zmqd-soffice-'));
  try {
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, xlsxPath];
    const r = await run(args, timeoutMs);
    if (r.code !== 0) throw new Error(`soffice exited with ${r.code}: ${r.out}`);
    return r.out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Convert several files in ONE soffice start (each start costs seconds): every file to `filter`
 * (e.g. 'xlsx', 'ods', 'xls', 'xlsx:Calc MS Excel 2007 XML'), written to `outDir` under its base
 * name. `infilter` sets the import filter and its options, e.g. a CSV import with text columns.
 * Returns the written paths in the order of `files`; throws if any is missing.
 */
export async function convertMany(files: readonly string[], filter: string, outDir: string, opts: { infilter?: string; timeoutMs?: number } = {}): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'zmqd-soffice-'));
  try {
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore'];
    if (opts.infilter) args.push(`--infilter=${opts.infilter}`);
    args.push('--convert-to', filter, '--outdir', outDir, ...files);
    const r = await run(args, opts.timeoutMs ?? SOFFICE_TIMEOUT_MS);
    if (r.code !== 0) throw new Error(`soffice exited with ${r.code}: ${r.out}`);
    const ext = filter.split(':')[0]!;
    const out = files.map((f) => join(outDir, `${basename(f, extname(f))}.${ext}`));
    for (const o of out) {
      try {
        readFileSync(o);
      } catch {
        throw new Error(`soffice wrote no ${o}: ${r.out}`);
      }
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Convert a workbook with LibreOffice. 'pdf' → the PDF's path. 'csv' → the CSV of the FIRST sheet
 * (every sheet is written; use convertSheetsToCsv to get them all by name).
 */
export async function convertWithSoffice(xlsxPath: string, format: 'csv' | 'pdf', outDir: string, timeoutMs = SOFFICE_TIMEOUT_MS): Promise<string> {
  if (format === 'pdf') {
    const log = await convert(xlsxPath, 'pdf', outDir, timeoutMs);
    const pdf = join(outDir, basename(xlsxPath, extname(xlsxPath)) + '.pdf');
    try {
      readFileSync(pdf);
    } catch {
      throw new Error(`soffice wrote no ${pdf}: ${log}`);
    }
    return pdf;
  }
  const sheets = await convertSheetsToCsv(xlsxPath, outDir, timeoutMs);
  const first = sheets.values().next();
  if (first.done) throw new Error(`soffice wrote no CSV for ${xlsxPath}`);
  return first.value;
}

/** Convert every sheet to CSV: sheet name → CSV path, in workbook order. */
export async function convertSheetsToCsv(xlsxPath: string, outDir: string, timeoutMs = SOFFICE_TIMEOUT_MS): Promise<Map<string, string>> {
  const log = await convert(xlsxPath, CSV_FILTER, outDir, timeoutMs);
  const out = new Map<string, string>();
  // LibreOffice reports each file: "Writing sheet 附表1 -> /out/a1-附表1.csv"
  for (const m of log.matchAll(/^Writing sheet (.+?) -> (.+\.csv)\s*$/gm)) out.set(m[1]!, m[2]!);
  if (out.size === 0) {
    // older/quieter versions: find the files by name
    const base = basename(xlsxPath, extname(xlsxPath));
    for (const f of readdirSync(outDir).sort()) {
      if (f === `${base}.csv`) out.set('', join(outDir, f));
      else if (f.startsWith(`${base}-`) && f.endsWith('.csv')) out.set(f.slice(base.length + 1, -4), join(outDir, f));
    }
  }
  return out;
}

/** Parse RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Read a CSV file written by soffice (UTF-8). */
export function readCsv(path: string): string[][] {
  return parseCsv(readFileSync(path, 'utf8'));
}

/** Number of pages of a PDF and the first page's size in points (no poppler needed). */
export function pdfPages(path: string): { pages: number; width: number; height: number } {
  const text = readFileSync(path).toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(text);
  const width = box ? Number(box[3]) - Number(box[1]) : NaN;
  const height = box ? Number(box[4]) - Number(box[2]) : NaN;
  return { pages, width, height };
}
