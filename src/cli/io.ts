import { promises as fs, constants as fsc } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Files a folder may hold for zmqd (CONTRACT.md): workbooks and CSV. */
const EXTENSIONS = new Set(['.xlsx', '.xls', '.et', '.csv', '.xlsm', '.ett']);

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface InputFile {
  /** the path as shown to the user (relative as given) */
  display: string;
  /** absolute path */
  abs: string;
  name: string;
}

/** Code-point order, independent of the machine's locale: the same run gives the same order everywhere. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expand the command's paths: a file stands for itself (whatever its extension), a folder for every
 * workbook/CSV below it in sorted order, skipping Office lock files (~$x.xlsx) and hidden files.
 * A path that does not exist is a usage error (exit 2).
 */
export async function expandPaths(paths: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      throw new UsageError(`路径不存在：${p}\nPath does not exist: ${p}`);
    }
    if (st.isDirectory()) {
      for (const f of await walk(p)) add(f);
    } else add(p);
  }
  return out;

  function add(p: string) {
    const abs = path.resolve(p);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ display: p, abs, name: path.basename(p) });
  }
}

async function walk(dir: string, seen: Set<string> = new Set()): Promise<string[]> {
  // a folder reached twice (a symlink loop, or two links to one folder) is listed once
  let real: string;
  let entries;
  try {
    real = await fs.realpath(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new UsageError(`无法读取文件夹：${dir}（${errCode(err)}）\nCannot read the folder ${dir} (${errCode(err)})`);
  }
  entries.sort((a, b) => byName(a.name, b.name));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.stat(p).catch(() => null); // a dangling link is skipped like any non-file
      isDir = st?.isDirectory() ?? false;
      isFile = st?.isFile() ?? false;
    }
    if (isDir) files.push(...(await walk(p, seen)));
    else if (isFile && EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(p);
  }
  return files;
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}

/** Read a file, refusing to read more than `limit` bytes (the caller reports file-too-large). */
export async function readInput(abs: string, limit: number): Promise<{ bytes: Uint8Array } | { tooLarge: number } | { error: string }> {
  try {
    const st = await fs.stat(abs);
    // a FIFO or device given by name would block or never end: only regular files are read
    if (!st.isFile()) return { error: st.isDirectory() ? 'EISDIR' : 'not a regular file' };
    if (st.size > limit) return { tooLarge: st.size };
    const buf = await fs.readFile(abs);
    if (buf.length > limit) return { tooLarge: buf.length };
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}

/**
 * Write a file whole or not at all: a temporary file in the same folder, fsync, then rename.
 * Refuses to overwrite any of `inputs` (absolute paths) — also when the target names one of them
 * through another path (a symlinked folder, a hard link). Every failure is a UsageError with the
 * reason (exit 2), never a stack trace.
 *
 * A run killed mid-write leaves only its hidden temporary file `.NAME.PID.HEX.tmp` (never a partial
 * NAME); the next write of NAME removes such leftovers of processes that are no longer running.
 */
export async function writeAtomic(target: string, bytes: Uint8Array | string, inputs: Iterable<string> = []): Promise<void> {
  const abs = path.resolve(target);
  await checkOutputPath(target, inputs);
  const dir = path.dirname(abs);
  const base = path.basename(abs);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw cannotWrite(target, err);
  }
  await removeStaleTemps(dir, base);
  const tmp = path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fh;
  try {
    fh = await fs.open(tmp, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o644);
  } catch (err) {
    throw cannotWrite(target, err);
  }
  try {
    await fh.writeFile(bytes);
    await fh.sync();
    await fh.close();
    await fs.rename(tmp, abs);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw cannotWrite(target, err);
  }
  // make the rename itself durable; not every platform can fsync a folder
  try {
    const dh = await fs.open(dir, 'r');
    await dh.sync().catch(() => undefined);
    await dh.close();
  } catch {
    /* best effort */
  }
}

/**
 * Check an output path before any work is done: not an input (by path or by identity), not a
 * folder. Throws a UsageError (exit 2).
 */
export async function checkOutputPath(target: string, inputs: Iterable<string> = []): Promise<void> {
  const abs = path.resolve(target);
  const refuse = () => new UsageError(`拒绝覆盖输入文件：${target}\nRefusing to overwrite an input file: ${target}`);
  const list = [...inputs];
  for (const i of list) if (path.resolve(i) === abs) throw refuse();
  const st = await fs.stat(abs).catch(() => null);
  if (!st) return;
  if (st.isDirectory()) throw new UsageError(`输出文件的路径是一个文件夹：${target}，请给出文件名（如 ${path.join(target, 'out.xlsx')}）。\nThe output path is a folder: ${target}; give a file name (e.g. ${path.join(target, 'out.xlsx')}).`);
  for (const i of list) {
    const si = await fs.stat(i).catch(() => null);
    if (si && si.dev === st.dev && si.ino === st.ino) throw refuse();
  }
}

function cannotWrite(target: string, err: unknown): UsageError {
  const code = errCode(err);
  const hint: Record<string, [string, string]> = {
    ENOENT: ['所在文件夹不存在或无法创建', 'its folder does not exist or cannot be created'],
    ENOTDIR: ['路径中有一部分是文件而不是文件夹', 'part of the path is a file, not a folder'],
    EEXIST: ['路径中有一部分是文件而不是文件夹', 'part of the path is a file, not a folder'],
    EACCES: ['没有写入权限', 'permission denied'],
    EPERM: ['没有写入权限', 'permission denied'],
    EROFS: ['磁盘只读', 'the disk is read-only'],
    ENOSPC: ['磁盘空间不足', 'the disk is full'],
    EISDIR: ['该路径是一个文件夹', 'the path is a folder'],
  };
  const [zh, en] = hint[code] ?? [code, code];
  return new UsageError(`无法写入输出文件 ${target}：${zh}（${code}）。\nCannot write the output file ${target}: ${en} (${code}).`);
}

/** Leftover temporary files of `base` from runs that were killed (their process is gone). */
async function removeStaleTemps(dir: string, base: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(n.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    await fs.rm(path.join(dir, n), { force: true }).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
