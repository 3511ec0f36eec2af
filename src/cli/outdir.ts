import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError, isWithin, realTarget } from './io.js';

/**
 * The report folder: written whole or not at all, replaced only when it is a report zmqd wrote, and
 * never left missing.
 *
 * Layout: the folder the user names (`reports/2024Q3`) is a symbolic link to a hidden sibling
 * `.2024Q3.zmqd-PID-HEX` that holds the files. A run writes a new hidden sibling and then replaces
 * the link by a single rename — atomic: at every moment, also after a kill -9, the target shows the
 * old report or the new one, complete. The previous sibling is removed afterwards (or by the next
 * run, if the process was killed first).
 *
 * Every report folder holds a marker, `.zmqd-report.json`, listing the files zmqd wrote into it.
 * Before anything is replaced, the existing target is checked: an empty folder, or a folder holding
 * nothing but the files its marker lists, is a report; anything else — a folder with the config
 * file, an allow-list, someone's notes — is refused (exit 2) and left as it is.
 *
 * Where symbolic links cannot be made (some network or FAT file systems), the folder is a real one,
 * replaced by two renames; a run killed between them leaves the old report parked as a hidden
 * `…-old` folder, which the next run puts back.
 */
export const MARKER = '.zmqd-report.json';

/** Files of reports written before the marker existed: a folder of only these is a report too. */
const LEGACY_REPORT = /^(summary\.json|问题清单\.xlsx|资格核查\.xlsx|全市汇总表-[^/\\]+\.xlsx)$/;
/** Lock files of Excel/WPS (~$x.xlsx) and LibreOffice (.~lock.x.xlsx#) that a reader of the report leaves. */
const LOCK_FILE = /^(~\$|\.~lock\.)/;

type Existing =
  /** nothing there */
  | { kind: 'none' }
  /** our symbolic link; `current` its hidden folder (absent when the link dangles) */
  | { kind: 'link'; current: string | null }
  /** a real folder that is empty or a report (written before the link layout, or where links fail) */
  | { kind: 'dir' };

/** Test hook: stop dead (SIGKILL) at a named step of the commit, to prove what a crash there leaves. */
function crashPoint(step: string): void {
  if (process.env.ZMQD_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

const hex = () => randomBytes(4).toString('hex');

export class OutputFolder {
  /** the hidden folder being written (`.NAME.zmqd-PID-HEX`) */
  readonly tmp: string;
  private readonly written: string[] = [];
  private constructor(readonly target: string) {
    this.tmp = path.join(path.dirname(target), `.${path.basename(target)}.zmqd-${process.pid}-${hex()}`);
  }

  /**
   * Check the target before any work is done: not an input, not inside or around one (compared by
   * real path, through symlinks), and, if it exists, a report zmqd wrote. Throws UsageError (exit 2).
   * Returns the path to write to (a symlink the user made is followed to its folder).
   */
  static async check(target: string, inputs: string[]): Promise<string> {
    const abs = await followForeignLink(path.resolve(target), target);
    await refuseInputs(abs, target, inputs);
    await inspect(abs, target);
    return abs;
  }

  static async open(target: string, inputs: string[]): Promise<OutputFolder> {
    const abs = await OutputFolder.check(target, inputs);
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
    this.written.push(name);
  }

  /** Put the finished report in place of the target; the previous report goes only once the new one is there. */
  async commit(): Promise<void> {
    await this.write(MARKER, JSON.stringify({ writtenBy: 'zmqd', files: [...this.written] }, null, 2) + '\n');
    await syncDir(this.tmp);
    // checked again: minutes have passed since open(), and nothing foreign is ever replaced
    const existing = await inspect(this.target, this.target);
    crashPoint('before-swap');
    const dir = path.dirname(this.target);
    const link = path.join(dir, `.${path.basename(this.target)}.link-${process.pid}-${hex()}`);
    const linked = await fs.symlink(...linkArgs(this.tmp, link)).then(
      () => true,
      () => false,
    );
    if (existing.kind === 'dir') {
      // a real folder cannot be swapped in one step: park it, then put the new one in its place
      const old = `${this.tmp}-old`;
      await fs.rename(this.target, old);
      crashPoint('between-renames');
      await fs.rename(linked ? link : this.tmp, this.target);
      crashPoint('after-swap');
      await fs.rm(old, { recursive: true, force: true });
    } else if (linked) {
      await fs.rename(link, this.target); // atomic: the old link or the new, never neither
      crashPoint('after-swap');
      if (existing.kind === 'link' && existing.current) await fs.rm(existing.current, { recursive: true, force: true });
    } else {
      if (existing.kind === 'link') await fs.unlink(this.target);
      await fs.rename(this.tmp, this.target);
      if (existing.kind === 'link' && existing.current) await fs.rm(existing.current, { recursive: true, force: true });
    }
    await syncDir(dir);
  }

  async abort(): Promise<void> {
    await fs.rm(this.tmp, { recursive: true, force: true });
  }
}

/** A relative link (the pair can be moved together); Windows needs an absolute junction. */
function linkArgs(folder: string, link: string): [string, string, 'junction' | 'dir'] {
  return process.platform === 'win32' ? [folder, link, 'junction'] : [path.basename(folder), link, 'dir'];
}

async function syncDir(dir: string): Promise<void> {
  try {
    const dh = await fs.open(dir, 'r');
    await dh.sync().catch(() => undefined);
    await dh.close();
  } catch {
    /* best effort: not every platform can fsync a folder */
  }
}

/** Is `link`'s content one of our hidden report folders for `target`? */
function ownLinkTarget(target: string, content: string): string | null {
  const name = process.platform === 'win32' ? path.basename(content) : content;
  if (process.platform !== 'win32' && content.includes('/')) return null;
  return ownName(path.basename(target)).exec(name)?.groups?.kind === 'zmqd' && !name.endsWith('-old') ? path.join(path.dirname(target), name) : null;
}

/** Names of what zmqd leaves beside a target NAME: `.NAME.zmqd-PID-HEX[-old]`, `.NAME.link-PID-HEX`, `.NAME.tmp-PID-HEX[-old]` (older versions). */
function ownName(base: string): RegExp {
  const b = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${b}\\.(?<kind>zmqd|link|tmp)-(?<pid>\\d+)-[0-9a-f]+(?<old>-old)?$`);
}

/** A target that is a symlink the user made (not one of ours) stands for the folder it points to. */
async function followForeignLink(abs: string, shown: string): Promise<string> {
  const lst = await fs.lstat(abs).catch(() => null);
  if (!lst?.isSymbolicLink()) return abs;
  const content = await fs.readlink(abs);
  if (ownLinkTarget(abs, content)) return abs;
  try {
    return await fs.realpath(abs);
  } catch {
    throw new UsageError(
      `报告文件夹 ${shown} 是一个指向不存在位置（${content}）的符号链接。请改正该链接或换一个报告文件夹。\nThe report folder ${shown} is a symbolic link to a place that does not exist (${content}); fix the link or choose another folder.`,
    );
  }
}

/** The report never goes into an input (the inbox, the previous period's folder), nor holds one, however spelt. */
async function refuseInputs(abs: string, shown: string, inputs: string[]): Promise<void> {
  const here = await realTarget(abs);
  // where the link points now: the folder that will be removed once the new report is in place
  const linked = await fs.realpath(abs).catch(() => here);
  for (const i of inputs) {
    const inp = await realTarget(i);
    const st = await fs.stat(inp).catch(() => null);
    for (const t of new Set([here, linked])) {
      if (isWithin(t, inp) && (st?.isDirectory() ?? true)) {
        throw new UsageError(
          `报告文件夹不能放在收件文件夹（或其他输入文件夹）内：${shown} 在 ${i} 内。\nThe report folder must not be inside the inbox (or another input folder): ${shown} is inside ${i}.`,
        );
      }
      if (isWithin(inp, t)) {
        throw new UsageError(
          `报告文件夹 ${shown} 包含输入 ${i}（收件文件夹、配置文件、允许名单、映射或执法数据），替换报告会删除它，拒绝执行。请把报告写到别的文件夹。\n` +
            `The report folder ${shown} holds an input, ${i} (the inbox, the config file, the allow-list, the map or enforcement data); replacing the report would delete it. Write the report to another folder.`,
        );
      }
    }
  }
}

/** What is at the target now, refusing anything that is not a report zmqd wrote. */
async function inspect(abs: string, shown: string): Promise<Existing> {
  const lst = await fs.lstat(abs).catch(() => null);
  if (!lst) return { kind: 'none' };
  if (lst.isSymbolicLink()) {
    const current = ownLinkTarget(abs, await fs.readlink(abs));
    if (!current) throw notReport(shown, ['(symbolic link)']);
    const st = await fs.stat(current).catch(() => null);
    if (!st) return { kind: 'link', current: null };
    await requireReport(current, shown);
    return { kind: 'link', current };
  }
  if (!lst.isDirectory()) throw new UsageError(`--out 已存在且不是文件夹：${shown}\n--out exists and is not a folder: ${shown}`);
  await requireReport(abs, shown);
  return { kind: 'dir' };
}

/** A folder zmqd may replace: empty, or nothing but what its marker lists (or, without a marker, a report of an older zmqd). */
async function requireReport(dir: string, shown: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => !LOCK_FILE.test(e.name));
  if (names.length === 0) return;
  const listed = await markerFiles(dir);
  const ours = (e: (typeof entries)[number]) => e.isFile() && (listed ? e.name === MARKER || listed.has(e.name) : LEGACY_REPORT.test(e.name));
  const foreign = names.filter((e) => !ours(e)).map((e) => e.name + (e.isDirectory() ? '/' : ''));
  const legacyOk = listed !== null || names.some((e) => e.name === 'summary.json');
  if (foreign.length === 0 && legacyOk) return;
  throw notReport(shown, foreign.length ? foreign : names.map((e) => e.name));
}

function notReport(shown: string, foreign: string[]): UsageError {
  const some = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` … (+${foreign.length - 5})` : '');
  return new UsageError(
    `${shown} 已存在，但不是 zmqd 写出的报告文件夹（其中有 ${some}），替换它会删除这些文件，拒绝执行。请用新的或空的文件夹作报告文件夹，或先把这些文件移走。\n` +
      `${shown} exists but is not a report folder zmqd wrote (it holds ${some}); replacing it would delete them, so nothing was done. Use a new or empty folder for the report, or move those files away first.`,
  );
}

/** The files a report's marker lists, or null without a readable marker. */
async function markerFiles(dir: string): Promise<Set<string> | null> {
  try {
    const p = path.join(dir, MARKER);
    const st = await fs.lstat(p);
    if (!st.isFile() || st.size > 1024 * 1024) return null;
    const m = JSON.parse(await fs.readFile(p, 'utf8')) as { writtenBy?: unknown; files?: unknown };
    if (m.writtenBy !== 'zmqd' || !Array.isArray(m.files) || !m.files.every((f) => typeof f === 'string' && !f.includes('/') && !f.includes('\\'))) return null;
    return new Set(m.files as string[]);
  } catch {
    return null;
  }
}

/**
 * Leftovers of killed runs for this target: hidden folders and links of processes no longer
 * running, except the folder the target links to. A real-folder report parked as `-old` by a run
 * killed between its two renames is put back when the target is missing.
 */
async function removeStale(target: string): Promise<void> {
  const dir = path.dirname(target);
  const re = ownName(path.basename(target));
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const lst = await fs.lstat(target).catch(() => null);
  const current = lst?.isSymbolicLink() ? ownLinkTarget(target, await fs.readlink(target)) : null;
  let present = lst !== null;
  for (const n of names.sort()) {
    const m = re.exec(n);
    if (!m) continue;
    const p = path.join(dir, n);
    if (p === current) continue;
    // another run still writing (its process alive) keeps its folder
    const pid = Number(m.groups!.pid);
    if (pid !== process.pid && alive(pid)) continue;
    if (m.groups!.old && !present) {
      await fs.rename(p, target).then(
        () => (present = true),
        () => undefined,
      );
      continue;
    }
    await fs.rm(p, { recursive: true, force: true });
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
