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

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byName(a.name, b.name));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(p)));
    else if (e.isFile() && EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(p);
  }
  return files;
}

/** Read a file, refusing to read more than `limit` bytes (the caller reports file-too-large). */
export async function readInput(abs: string, limit: number): Promise<{ bytes: Uint8Array } | { tooLarge: number } | { error: string }> {
  try {
    const st = await fs.stat(abs);
    if (st.size > limit) return { tooLarge: st.size };
    const buf = await fs.readFile(abs);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}

/**
 * Write a file whole or not at all: a temporary file in the same folder, fsync, then rename.
 * Refuses to overwrite any of `inputs` (absolute paths).
 */
export async function writeAtomic(target: string, bytes: Uint8Array | string, inputs: Iterable<string> = []): Promise<void> {
  const abs = path.resolve(target);
  for (const i of inputs) {
    if (path.resolve(i) === abs) throw new UsageError(`拒绝覆盖输入文件：${target}\nRefusing to overwrite an input file: ${target}`);
  }
  const dir = path.dirname(abs);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await fs.open(tmp, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o644);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  try {
    await fs.rename(tmp, abs);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
