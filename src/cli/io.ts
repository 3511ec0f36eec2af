import { promises as fs, constants as fsc } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { labels } from '../core/i18n/index.js';

/** Files a folder may hold for zmqd (docs/reference.md "Conventions"): workbooks and CSV. */
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
    if (e.isSymbolicLink()) isDir = (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
    if (isDir) for (const f of await walk(p, seen)) files.push(f);
    // anything else with a workbook's name is listed, whatever it is: a FIFO, a device, a dangling or
    // looping link then gets its file-unreadable finding (readInput never opens it for reading) rather
    // than vanishing from the count
    else if (EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(p);
  }
  return files;
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}

/** What a path is when it is not a regular file (for messages). */
function notRegular(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'EISDIR';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'SOCKET';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'DEVICE';
  return 'NOTREG';
}

/** A readInput error code as words, both languages (the labels' `file.readError`). */
export function describeReadError(code: string): { zh: string; en: string } {
  return { zh: labels('zh').file.readError(code), en: labels('en').file.readError(code) };
}

/**
 * Open a path for reading only if it is a regular file. O_NONBLOCK makes opening a FIFO return at
 * once instead of waiting for a writer forever; the handle itself is then checked (no race between
 * a stat and the open). Throws an errno-style error whose code describeReadError knows.
 */
async function openRegular(abs: string): Promise<fs.FileHandle> {
  const fh = await fs.open(abs, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw Object.assign(new Error(notRegular(st)), { code: notRegular(st) });
    return fh;
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }
}

/** Read a file, refusing to read more than `limit` bytes (the caller reports file-too-large). Never opens a FIFO or device for reading. */
export async function readInput(abs: string, limit: number): Promise<{ bytes: Uint8Array } | { tooLarge: number } | { error: string }> {
  let fh: fs.FileHandle | undefined;
  try {
    // stat first: a FIFO or device is not even opened (opening some devices has effects)
    const lst = await fs.stat(abs);
    if (!lst.isFile()) return { error: notRegular(lst) };
    fh = await openRegular(abs);
    const st = await fh.stat();
    if (st.size > limit) return { tooLarge: st.size };
    const buf = await fh.readFile();
    if (buf.length > limit) return { tooLarge: buf.length };
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch (err) {
    return { error: errCode(err) };
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** The first `n` bytes of a regular file (fewer when it is shorter); null when it is not one or cannot be read. */
export async function readHead(abs: string, n: number): Promise<Uint8Array | null> {
  let fh: fs.FileHandle | undefined;
  try {
    if (!(await fs.stat(abs)).isFile()) return null;
    fh = await openRegular(abs);
    const head = new Uint8Array(n);
    const { bytesRead } = await fh.read(head, 0, n, 0);
    return head.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * A small text input named by an option (--config, --allow-uscc, --map): a regular file of at most
 * 10 MB, read as UTF-8. Anything else is a UsageError (exit 2) naming the option and the reason.
 */
export async function readOptionText(file: string, what: { zh: string; en: string }): Promise<string> {
  const r = await readInput(path.resolve(file), 10 * 1024 * 1024);
  if ('bytes' in r) return new TextDecoder('utf-8').decode(r.bytes);
  const why = 'tooLarge' in r ? { zh: `文件过大（${r.tooLarge} 字节，上限 10 MB）`, en: `the file is too large (${r.tooLarge} bytes, limit 10 MB)` } : describeReadError(r.error);
  throw new UsageError(`无法读取${what.zh} ${file}（${why.zh}）。\nCannot read ${what.en} ${file} (${why.en}).`);
}

/** How an output may be written: `force` replaces an existing file that zmqd did not write (never an input). */
export interface WriteOptions {
  force?: boolean;
}

/**
 * Write a file whole or not at all: a temporary file in the same folder, fsync, then rename.
 * Refuses to overwrite any of `inputs` (files or folders, compared through symlinks) and to replace
 * an existing file zmqd did not write unless `force` (see checkOutputPath). Every failure is a
 * UsageError with the reason (exit 2), never a stack trace.
 *
 * A run killed mid-write leaves only its hidden temporary file `.NAME.PID.HEX.tmp` (never a partial
 * NAME); the next write of NAME removes such leftovers of processes that are no longer running.
 */
export async function writeAtomic(target: string, bytes: Uint8Array | string, inputs: Iterable<string> = [], o: WriteOptions = {}): Promise<void> {
  const abs = path.resolve(target);
  await checkOutputPath(target, inputs, o);
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
 * The real path of `p` whether or not it exists yet: its deepest existing ancestor resolved through
 * symlinks, the rest appended. Two spellings of one place give one answer.
 */
export async function realTarget(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      const real = await fs.realpath(cur);
      return rest.length ? path.join(real, ...rest.reverse()) : real;
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** `inner` is `outer` or lies below it (both real paths). */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/**
 * Check an output file's path before any work is done. Refused (UsageError, exit 2):
 * - an input, however spelt (another relative path, a symlink, a hard link), or a path inside an
 *   input folder (the inbox): compared by real path, never by spelling;
 * - a folder;
 * - an existing file zmqd did not write (a district's filled-in list, a person's notes) unless
 *   `force`: zmqd's own workbooks are recognised by their document properties (see writtenByZmqd).
 */
export async function checkOutputPath(target: string, inputs: Iterable<string> = [], o: WriteOptions = {}): Promise<void> {
  const abs = path.resolve(target);
  const real = await realTarget(abs);
  const refuse = () => new UsageError(`拒绝覆盖输入文件：${target}\nRefusing to overwrite an input file: ${target}`);
  const list = [...inputs];
  for (const i of list) if (path.resolve(i) === abs) throw refuse();
  const st = await fs.stat(abs).catch(() => null);
  if (st?.isDirectory())
    throw new UsageError(
      `输出文件的路径是一个文件夹：${target}，请给出文件名（如 ${path.join(target, 'out.xlsx')}）。\nThe output path is a folder: ${target}; give a file name (e.g. ${path.join(target, 'out.xlsx')}).`,
    );
  const folders: string[] = [];
  for (const i of list) {
    const si = await fs.stat(i).catch(() => null);
    if (!si) continue;
    if (st && si.dev === st.dev && si.ino === st.ino) throw refuse();
    const ri = await realTarget(i);
    if (real === ri) throw refuse();
    if (si.isDirectory() && isWithin(real, ri)) folders.push(i);
  }
  if (folders.length) {
    const i = folders[0]!;
    throw new UsageError(
      `输出文件不能写进输入文件夹（收件文件夹）：${target} 在 ${i} 内。请写到别处。\nThe output file must not be written into an input folder (the inbox): ${target} is inside ${i}. Write it elsewhere.`,
    );
  }
  if (st && !o.force && !(await writtenByZmqd(abs))) {
    throw new UsageError(
      `${target} 已存在，且不是 zmqd 写出的文件（可能是已填写的清单或他人的文件），为免丢失数据，拒绝覆盖。请换一个文件名；确要覆盖请加 --force。\n` +
        `${target} already exists and was not written by zmqd (it may be a filled-in list or someone's file); refusing to overwrite it. Choose another name, or add --force to replace it.`,
    );
  }
}

/** The head of the page zmqd page writes (src/page/ui/page.html). */
const PAGE_MARK = /<meta\s+name="generator"\s+content="zmqd"\s*\/?>/;

/** zmqd's workbooks carry these document properties (src/writers/xlsx-common.ts newWorkbook). */
const OWN_PROPS = [/<dc:creator>zmqd<\/dc:creator>/, /<cp:lastModifiedBy>zmqd<\/cp:lastModifiedBy>/, /<dcterms:modified\b[^>]*>2021-09-01T00:00:00Z<\/dcterms:modified>/];

/**
 * A workbook zmqd wrote and nobody has saved since: creator and last-modified-by "zmqd" and zmqd's
 * fixed modification time. Excel, WPS and LibreOffice rewrite the last two on every save, so a
 * template a district has filled in is not zmqd's any more. The self-check page (zmqd page) is
 * recognised by its generator tag.
 */
export async function writtenByZmqd(abs: string): Promise<boolean> {
  try {
    const st = await fs.stat(abs);
    if (!st.isFile() || st.size > 64 * 1024 * 1024) return false;
    const bytes = new Uint8Array(await fs.readFile(abs));
    if (/\.html?$/i.test(abs)) return PAGE_MARK.test(new TextDecoder().decode(bytes.subarray(0, 4096)));
    const entries = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' && f.originalSize < 65536 });
    const core = entries['docProps/core.xml'];
    if (!core) return false;
    const xml = strFromU8(core);
    return OWN_PROPS.every((re) => re.test(xml));
  } catch {
    return false;
  }
}

/** Why a path cannot be written, by error code (zh, en): for an output file and for the report folder alike. */
export const WRITE_REASONS: Record<string, [string, string]> = {
  ENOENT: ['所在文件夹不存在或无法创建', 'its folder does not exist or cannot be created'],
  ENOTDIR: ['路径中有一部分是文件而不是文件夹', 'part of the path is a file, not a folder'],
  EEXIST: ['路径中有一部分是文件而不是文件夹', 'part of the path is a file, not a folder'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['没有写入权限', 'permission denied'],
  EROFS: ['磁盘只读', 'the disk is read-only'],
  ENOSPC: ['磁盘空间不足', 'the disk is full'],
  EDQUOT: ['超出磁盘配额', 'the disk quota is exceeded'],
  EFBIG: ['文件超过了系统允许的大小', 'the file is larger than the system allows'],
  EIO: ['读写出错（磁盘或网络故障）', 'an input/output error (disk or network)'],
  EISDIR: ['该路径是一个文件夹', 'the path is a folder'],
  EBUSY: ['文件或文件夹正被占用', 'the file or folder is busy'],
  EMFILE: ['同时打开的文件过多', 'too many open files'],
  ENFILE: ['同时打开的文件过多', 'too many open files'],
  ENAMETOOLONG: ['路径过长', 'the path is too long'],
  EXDEV: ['不能跨磁盘改名', 'cannot rename across disks'],
  ENOTEMPTY: ['文件夹不为空', 'the folder is not empty'],
};

function cannotWrite(target: string, err: unknown): UsageError {
  const code = errCode(err);
  const [zh, en] = WRITE_REASONS[code] ?? [code, code];
  return new UsageError(`无法写入输出文件 ${target}：${zh}（${code}）。\nCannot write the output file ${target}: ${en} (${code}).`);
}

/**
 * An operating-system error (ENOSPC, EACCES, EROFS …) that reached the top of a command — a writer
 * or a folder operation that did not wrap it: the command's fault of circumstance, not a defect. The
 * UsageError (exit 2) says which path and why; null for anything else (a real defect).
 */
export function systemFailure(err: unknown): UsageError | null {
  const e = err as NodeJS.ErrnoException | undefined;
  if (
    !e ||
    typeof e !== 'object' ||
    typeof e.code !== 'string' ||
    !(e.code in WRITE_REASONS || e.code in labels('zh').file.readErrors) ||
    (e.syscall === undefined && e.errno === undefined)
  )
    return null;
  const [zh, en] = WRITE_REASONS[e.code] ?? [labels('zh').file.readErrors[e.code]!, labels('en').file.readErrors[e.code]!];
  const dest = (e as { dest?: string }).dest;
  const where = e.path ? ` ${e.path}${dest ? ` → ${dest}` : ''}` : '';
  return new UsageError(
    `无法完成文件操作${where}：${zh}（${e.code}）。已写出的报告未被改动；请处理后重新运行。\nA file operation failed${where}: ${en} (${e.code}). Any earlier report was left as it was; fix this and run again.`,
  );
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
