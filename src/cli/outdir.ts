import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from './io.js';

/**
 * A report folder written whole or not at all: every file goes into a hidden temporary folder beside the
 * target, which is renamed into place at the end. If the run is killed, the target keeps its previous
 * content (or does not exist) and only a hidden `.name.tmp-…` folder is left, removed by the next run.
 */
export class OutputFolder {
  readonly tmp: string;
  private constructor(readonly target: string) {
    this.tmp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`);
  }

  /** Refuses a target inside (or equal to, or containing) an input folder: reports never go into the inbox. */
  static async open(target: string, inputs: string[]): Promise<OutputFolder> {
    const abs = path.resolve(target);
    for (const i of inputs) {
      const inp = path.resolve(i);
      if (abs === inp || abs.startsWith(inp + path.sep) || inp.startsWith(abs + path.sep)) {
        throw new UsageError(`报告文件夹不能放在收件文件夹内，也不能包含它：${target}\nThe report folder must not be inside the inbox, nor contain it: ${target}`);
      }
    }
    const st = await fs.stat(abs).catch(() => null);
    if (st && !st.isDirectory()) throw new UsageError(`--out 已存在且不是文件夹：${target}\n--out exists and is not a folder: ${target}`);
    const out = new OutputFolder(abs);
    try {
      await fs.mkdir(path.dirname(abs), { recursive: true });
      await removeStale(abs);
      await fs.mkdir(out.tmp);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new UsageError(`无法创建报告文件夹 ${target}（${code}）。请检查路径和权限。\nCannot create the report folder ${target} (${code}); check the path and permissions.`);
    }
    return out;
  }

  async write(name: string, bytes: Uint8Array | string): Promise<void> {
    const fh = await fs.open(path.join(this.tmp, name), 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  /** Put the finished folder in place of the target (a previous report is replaced as a whole). */
  async commit(): Promise<void> {
    const old = `${this.tmp}-old`;
    const had = await fs.stat(this.target).then(() => true, () => false);
    if (had) await fs.rename(this.target, old);
    await fs.rename(this.tmp, this.target);
    if (had) await fs.rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await fs.rm(this.tmp, { recursive: true, force: true });
  }
}

/** Leftovers of killed runs for this target: hidden `.name.tmp-*` folders (and a previous report parked as `-old`). */
async function removeStale(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.tmp-`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const exists = await fs.stat(target).then(() => true, () => false);
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    // another run still writing (its process alive) keeps its folder
    const pid = Number(/^\.?.*\.tmp-(\d+)-/.exec(n)?.[1]);
    if (pid && pid !== process.pid && alive(pid)) continue;
    const p = path.join(dir, n);
    // a run killed between the two renames of commit() parked the previous report as "-old": bring it back
    if (n.endsWith('-old') && !exists) await fs.rename(p, target).catch(() => undefined);
    else await fs.rm(p, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
