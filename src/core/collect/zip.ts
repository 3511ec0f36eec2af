/**
 * Unpack a zipped attachment with the reader's own zip-bomb limits (src/core/workbook/open.ts
 * READER_LIMITS): the central directory is read without inflating anything, declared sizes and
 * ratios are checked first, then every entry is inflated with a hard cap on its output. Names
 * without the UTF-8 flag are decoded as GB18030, as Chinese Windows writes them.
 */
import { READER_LIMITS, fmtBytes, type Limits } from '../workbook/open.js';
import { inflateEntry, readZipDirectory, type ZipEntryInfo, type ZipError } from '../workbook/zipdir.js';

export interface ZipFile {
  name: string;
  bytes: Uint8Array;
}

export type Unzipped = { ok: true; files: ZipFile[] } | { ok: false; reason: ArchiveRefusal };

/**
 * Why an archive attachment is not unpacked, as data (the collect labels phrase it). Sizes are
 * formatted (fmtBytes), the same in both languages. 'zip': the zip reader's own reason; 'recorded':
 * the reason as a collect state written by an earlier version holds it.
 */
export type ArchiveRefusal =
  | { why: 'nested' | 'encrypted' }
  | { why: 'format'; ext: string }
  | { why: 'zip'; error: ZipError }
  | { why: 'too-many'; count: number; limit: number }
  | { why: 'entry-too-large'; name: string; size: string; limit: string }
  | { why: 'too-large'; size: string; limit: string }
  | { why: 'inflate'; name: string; error: string }
  | { why: 'bomb'; size: string; ratio: number | null; atLeast: boolean; limit: number }
  | { why: 'recorded'; zh: string; en: string };

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

function refuse(reason: ArchiveRefusal): Unzipped {
  return { ok: false, reason };
}

export function unzipAttachment(bytes: Uint8Array, limits: Limits = READER_LIMITS): Unzipped {
  const dir = readZipDirectory(bytes);
  if ('error' in dir) return refuse({ why: 'zip', error: { error: dir.error } });
  const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
  if (entries.length > MAX_ZIP_FILES) return refuse({ why: 'too-many', count: entries.length, limit: MAX_ZIP_FILES });
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 1) return refuse({ why: 'encrypted' });
    declared += e.uncompressedSize;
    if (e.uncompressedSize > limits.maxBytes)
      return refuse({ why: 'entry-too-large', name: entryName(bytes, e), size: fmtBytes(e.uncompressedSize), limit: fmtBytes(limits.maxBytes) });
    if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > limits.maxRatio * e.compressedSize) return bomb(e.uncompressedSize, e.compressedSize, limits);
  }
  if (declared > limits.maxInflated) return refuse({ why: 'too-large', size: fmtBytes(declared), limit: fmtBytes(limits.maxInflated) });
  const files: ZipFile[] = [];
  let total = 0;
  for (const e of entries) {
    // the declared sizes may lie: cap each entry's real output by the ratio and the remaining total
    const cap = Math.min(limits.maxBytes, limits.maxInflated - total, Math.max(RATIO_FLOOR, limits.maxRatio * e.compressedSize));
    const r = inflateEntry(bytes, e, { maxBytes: cap, keep: true });
    if (!r.ok) return refuse({ why: 'inflate', name: entryName(bytes, e), error: r.error });
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
  return refuse({ why: 'bomb', size: fmtBytes(size), ratio: Number.isFinite(ratio) ? ratio : null, atLeast, limit: limits.maxRatio });
}
