import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError, WRITE_REASONS } from '../io.js';
import { OutputFolder } from '../outdir.js';

/**
 * Before anything is read: the report folder (as far as its pattern is known before the period is: the
 * folder above a `{period}` part) must not lie in an input, must not be an existing file, and its nearest
 * existing folder must be a writable folder. OutputFolder.open checks the final path again when writing.
 */
export async function refuseUnwritableOut(pattern: string, vars: { asOf: string; period?: string }, inputs: string[]): Promise<void> {
  let known = pattern.replace(/\{asOf\}/g, vars.asOf);
  if (vars.period) known = known.replace(/\{period\}/g, vars.period);
  const complete = !known.includes('{period}');
  // with the period still unknown, only the folders above its part are known
  const fixed = complete ? path.resolve(known) : path.resolve(known.slice(0, known.indexOf('{period}')).replace(/[^\\/]*$/, '') || '.');
  // a known target is judged by the report folder's own rule below (real paths, the input named);
  // with the period still unknown, only the folders above it can be compared with the inputs
  if (!complete)
    for (const i of inputs) {
      const inp = path.resolve(i);
      if (fixed === inp || fixed.startsWith(inp + path.sep)) {
        throw new UsageError(`报告文件夹不能放在收件文件夹内，也不能包含它：${known}\nThe report folder must not be inside the inbox, nor contain it: ${known}`);
      }
    }
  const cannot = (code: string) => {
    const [zh, en] = WRITE_REASONS[code] ?? ['请检查路径和权限', 'check the path and permissions'];
    return new UsageError(`无法创建报告文件夹 ${known}：${zh}（${code}）。未读取任何文件。\nCannot create the report folder ${known}: ${en} (${code}). Nothing was read.`);
  };
  const st = await fs.stat(fixed).catch((err: unknown) => ((err as NodeJS.ErrnoException).code === 'ENOENT' ? null : (err as NodeJS.ErrnoException)));
  if (st instanceof Error) throw cannot(st.code ?? 'error');
  if (st && !st.isDirectory()) {
    if (complete) throw new UsageError(`--out 已存在且不是文件夹：${known}\n--out exists and is not a folder: ${known}`);
    throw cannot('ENOTDIR');
  }
  // the nearest folder that exists is where the report (or the folders above it) will be created
  let dir = complete ? path.dirname(fixed) : fixed;
  for (;;) {
    const d = await fs.stat(dir).catch((err: unknown) => err as NodeJS.ErrnoException);
    if (!(d instanceof Error)) {
      if (!d.isDirectory()) throw cannot('ENOTDIR');
      break;
    }
    if (d.code !== 'ENOENT') throw cannot(d.code ?? 'error');
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  await fs.access(dir, fsConstants.W_OK | fsConstants.X_OK).catch((err: unknown) => {
    throw cannot((err as NodeJS.ErrnoException).code ?? 'EACCES');
  });
  // the same refusals as when the report is written (an input inside or around it, a folder that is not a
  // report zmqd wrote), now, before minutes of reading
  if (complete) await OutputFolder.check(known, inputs);
}
