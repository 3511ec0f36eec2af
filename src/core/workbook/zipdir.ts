/**
 * Read a zip's central directory without inflating anything, and inflate single entries
 * with a hard cap on the output. Used to refuse zip bombs before exceljs (JSZip) inflates
 * every part in memory with no limit.
 */
import { Inflate } from 'fflate';
import type { ZipFailure } from './reasons.js';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 = stored, 8 = deflate; anything else is unsupported by JSZip */
  method: number;
  localHeaderOffset: number;
  /** general-purpose bit flags; bit 0 = encrypted */
  flags: number;
}

export type ZipDirectory = { entries: ZipEntryInfo[] };
/** Why the directory cannot be read (phrased by the labels modules, `file.zipError`). */
export type ZipError = { error: ZipFailure };

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const BROKEN: ZipError = { error: 'broken' };

const utf8 = new TextDecoder('utf-8');

function u64(dv: DataView, off: number): number {
  // sizes above 2^53 are nonsense for us anyway; Number keeps them comparable
  return dv.getUint32(off, true) + dv.getUint32(off + 4, true) * 0x1_0000_0000;
}

export function readZipDirectory(bytes: Uint8Array): ZipDirectory | ZipError {
  const len = bytes.length;
  if (len < 22) return BROKEN;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // The EOCD record is the last 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let p = len - 22; p >= Math.max(0, len - 22 - 0xffff); p--) {
    if (dv.getUint32(p, true) === SIG_EOCD && p + 22 + dv.getUint16(p + 20, true) <= len) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return BROKEN;

  if (dv.getUint16(eocd + 4, true) !== 0 || dv.getUint16(eocd + 6, true) !== 0) {
    return { error: 'spanned-zip' };
  }
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  let cdEnd = eocd; // where the central directory must end (EOCD, or the zip64 record)

  if (eocd >= 20 && dv.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) {
    const z64 = u64(dv, eocd - 20 + 8);
    if (z64 + 56 > len || dv.getUint32(z64, true) !== SIG_ZIP64_EOCD) return BROKEN;
    count = u64(dv, z64 + 32);
    cdSize = u64(dv, z64 + 40);
    cdOffset = u64(dv, z64 + 48);
    cdEnd = z64;
  } else if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return BROKEN; // zip64 markers without a zip64 record
  }

  if (cdSize > cdEnd) return BROKEN;
  // Data prepended to the archive shifts every offset (as JSZip tolerates): trust the
  // position implied by the directory size when the recorded offset is wrong.
  let shift = 0;
  const expected = cdEnd - cdSize;
  if (cdOffset !== expected) {
    if (cdOffset + 4 <= len && dv.getUint32(cdOffset, true) === SIG_CENTRAL && cdOffset + cdSize <= cdEnd) {
      // recorded offset is valid on its own
    } else if (expected + 4 <= len && dv.getUint32(expected, true) === SIG_CENTRAL) {
      shift = expected - cdOffset;
      cdOffset = expected;
    } else if (count > 0) {
      return BROKEN;
    }
  }
  if (count > cdSize / 46 + 1) return BROKEN;

  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > len || dv.getUint32(p, true) !== SIG_CENTRAL) return BROKEN;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > len) return BROKEN;
    const name = utf8.decode(bytes.subarray(nameStart, extraStart));

    // zip64 extended information: only the fields that are 0xFFFFFFFF above, in this order
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let q = extraStart;
      const extraEnd = extraStart + extraLen;
      while (q + 4 <= extraEnd) {
        const id = dv.getUint16(q, true);
        const size = dv.getUint16(q + 2, true);
        if (id === 0x0001) {
          let r = q + 4;
          const end = Math.min(r + size, extraEnd);
          if (uncompressedSize === 0xffffffff && r + 8 <= end) {
            uncompressedSize = u64(dv, r);
            r += 8;
          }
          if (compressedSize === 0xffffffff && r + 8 <= end) {
            compressedSize = u64(dv, r);
            r += 8;
          }
          if (localHeaderOffset === 0xffffffff && r + 8 <= end) {
            localHeaderOffset = u64(dv, r);
          }
          break;
        }
        q += 4 + size;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset: localHeaderOffset + shift, flags });
    p = next;
  }
  return { entries };
}

/** Start and end of an entry's compressed bytes, from its local header. */
export function entryDataRange(bytes: Uint8Array, e: ZipEntryInfo): { start: number; end: number } | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localHeaderOffset;
  if (h < 0 || h + 30 > bytes.length || dv.getUint32(h, true) !== SIG_LOCAL) return null;
  const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) return null;
  return { start, end };
}

export interface InflateOptions {
  /** stop (with `exceeded: true`) as soon as the output would pass this many bytes */
  maxBytes: number;
  /** keep the output (otherwise it is only counted) */
  keep?: boolean;
  /** stop quietly once this many bytes were produced (for peeking at a part's start) */
  stopAfter?: number;
}

export type InflateResult = { ok: true; size: number; exceeded: boolean; data?: Uint8Array } | { ok: false; error: string };

/** Feeding 4 KiB of compressed input at a time keeps any single output chunk ≤ ~4 MiB. */
const FEED = 4096;

/** Inflate one entry, never holding more than `maxBytes` of output. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntryInfo, opts: InflateOptions): InflateResult {
  const range = entryDataRange(bytes, e);
  if (!range) return { ok: false, error: 'bad local header' };
  const src = bytes.subarray(range.start, range.end);
  const keep = opts.keep === true;
  const stopAfter = opts.stopAfter ?? Infinity;

  if (e.method === 0) {
    const size = src.length;
    if (size > opts.maxBytes) return { ok: true, size, exceeded: true };
    const n = Math.min(size, stopAfter);
    return { ok: true, size: n, exceeded: false, ...(keep ? { data: src.slice(0, n) } : {}) };
  }
  if (e.method !== 8) return { ok: false, error: `compression method ${e.method}` };

  const chunks: Uint8Array[] = [];
  let size = 0;
  let exceeded = false;
  const inf = new Inflate((chunk) => {
    size += chunk.length;
    if (size > opts.maxBytes) exceeded = true;
    else if (keep) chunks.push(chunk);
  });
  try {
    for (let off = 0; off < src.length && !exceeded && size < stopAfter; off += FEED) {
      const end = Math.min(off + FEED, src.length);
      inf.push(src.subarray(off, end), end === src.length);
    }
    if (src.length === 0) inf.push(new Uint8Array(0), true);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (exceeded) return { ok: true, size, exceeded: true };
  if (!keep) return { ok: true, size, exceeded: false };
  const data = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    data.set(c, o);
    o += c.length;
  }
  return { ok: true, size, exceeded: false, data };
}
