/**
 * Unpack a zipped attachment with the reader's own zip-bomb limits (src/core/workbook/open.ts
 * READER_LIMITS): the central directory is read without inflating anything, declared sizes and
 * ratios are checked first, then every entry is inflated with a hard cap on its output. Names
 * without the UTF-8 flag are decoded as GB18030, as Chinese Windows writes them.
 */
import { READER_LIMITS, fmtBytes, type Limits } from '../workbook/open.js';
import { inflateEntry, readZipDirectory, type ZipEntryInfo } from '../workbook/zipdir.js';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';

export interface ZipFile {
  name: string;
  bytes: Uint8Array;
}

export type Unzipped = { ok: true; files: ZipFile[] } | { ok: false; reason: { zh: string; en: string } };

/** At most this many files are taken from one archive. */
export const MAX_ZIP_FILES = 200;
const RATIO_FLOOR = 1024 * 1024;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** The entry's name from its local header, decoded as UTF-8 when flagged or valid, else GB18030. */
function entryName(bytes: Uint8Array, e: ZipEntryInfo): string {
  const h = e.localHeaderOffset;
  if (h < 0 || h + 30 > bytes.length) return e.name;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = dv.getUint16(h + 26, true);
  const raw = bytes.subarray(h + 30, Math.min(bytes.length, h + 30 + len));
  if (e.flags & 0x800) return e.name;
  try {
    return utf8Strict.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

function refuse(zh: string, en: string): Unzipped {
  return { ok: false, reason: { zh, en } };
}

export function unzipAttachment(bytes: Uint8Array, limits: Limits = READER_LIMITS): Unzipped {
  const dir = readZipDirectory(bytes);
  if ('error' in dir) return refuse(zh.file.zipError(dir.error), en.file.zipError(dir.error));
  const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
  if (entries.length > MAX_ZIP_FILES) return refuse(`含 ${entries.length} 个文件，超过上限 ${MAX_ZIP_FILES}`, `it holds ${entries.length} files, above the limit of ${MAX_ZIP_FILES}`);
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 1) return refuse('压缩包已加密', 'the archive is encrypted');
    declared += e.uncompressedSize;
    if (e.uncompressedSize > limits.maxBytes) return refuse(`其中“${entryName(bytes, e)}”解压后 ${fmtBytes(e.uncompressedSize)}，超过上限 ${fmtBytes(limits.maxBytes)}`, `"${entryName(bytes, e)}" inflates to ${fmtBytes(e.uncompressedSize)}, above the ${fmtBytes(limits.maxBytes)} limit`);
    if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > limits.maxRatio * e.compressedSize) return bomb(e.uncompressedSize, e.compressedSize, limits);
  }
  if (declared > limits.maxInflated) return refuse(`解压后共 ${fmtBytes(declared)}，超过上限 ${fmtBytes(limits.maxInflated)}`, `it inflates to ${fmtBytes(declared)}, above the ${fmtBytes(limits.maxInflated)} limit`);
  const files: ZipFile[] = [];
  let total = 0;
  for (const e of entries) {
    // the declared sizes may lie: cap each entry's real output by the ratio and the remaining total
    const cap = Math.min(limits.maxBytes, limits.maxInflated - total, Math.max(RATIO_FLOOR, limits.maxRatio * e.compressedSize));
    const r = inflateEntry(bytes, e, { maxBytes: cap, keep: true });
    if (!r.ok) return refuse(`“${entryName(bytes, e)}”无法解压（${r.error}），压缩包可能已损坏`, `"${entryName(bytes, e)}" cannot be inflated (${r.error}); the archive may be damaged`);
    if (r.exceeded) return bomb(r.size, e.compressedSize, limits, true);
    total += r.size;
    const name = entryName(bytes, e).split(/[\\/]/).pop() ?? '';
    if (!name || name.startsWith('.') || name.startsWith('~$') || entryName(bytes, e).startsWith('__MACOSX/')) continue;
    files.push({ name, bytes: r.data! });
  }
  return { ok: true, files };
}

function bomb(size: number, compressed: number, limits: Limits, atLeast = false): Unzipped {
  const ratio = compressed > 0 ? Math.round(size / compressed) : Infinity;
  return refuse(
    `疑似压缩炸弹：解压后${atLeast ? '至少' : ''} ${fmtBytes(size)}，压缩比 ${Number.isFinite(ratio) ? ratio : '∞'}，超过上限 ${limits.maxRatio} 倍`,
    `a suspected zip bomb: it inflates to ${atLeast ? 'at least ' : ''}${fmtBytes(size)}, a ratio of ${Number.isFinite(ratio) ? ratio : 'infinity'}, above the limit of ${limits.maxRatio}`,
  );
}
