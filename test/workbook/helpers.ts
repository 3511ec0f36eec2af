/** Builders for odd test files: exceljs-written workbooks, rewritten zips, hand-made zips and CFBs. */
import ExcelJS from 'exceljs';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { concat } from '../../scripts/fixtures/bad.js';
import type { Finding, Lang } from '../../src/core/findings/types.js';
import { labels } from '../../src/core/i18n/index.js';
import type { TooLarge, Unreadable } from '../../src/core/workbook/reasons.js';

export { concat };

export async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Unzip, let `edit` change the text of any part (return undefined to keep it, null to drop it), re-zip. */
export function rewriteZip(bytes: Uint8Array, edit: (name: string, text: string) => string | undefined | null): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    const isText = /\.(xml|rels)$/.test(name);
    const changed = isText ? edit(name, strFromU8(data)) : undefined;
    if (changed === null) continue;
    out[name] = changed === undefined ? data : strToU8(changed);
  }
  return zipSync(out);
}

export function partText(bytes: Uint8Array, name: string): string {
  const f = unzipSync(bytes, { filter: (e) => e.name === name })[name];
  if (!f) throw new Error(`no part ${name}`);
  return strFromU8(f);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Rewrite a SpreadsheetML part the way OpenXML SDK / WPS do: `x:` prefix on every element of the main namespace. */
export function prefixPart(xml: string, prefix = 'x'): string {
  return xml
    .replace(`xmlns="${MAIN}"`, `xmlns:${prefix}="${MAIN}"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (m, slash: string, name: string) => (name.includes(':') ? m : `<${slash}${prefix}:${name}`));
}

// ---------------------------------------------------------------------------------------
// Hand-made zip files

export interface RawEntry {
  name: string;
  /** the bytes as stored (already deflated when method = 8) */
  data: Uint8Array;
  method: 0 | 8;
  /** what the directory claims */
  uncompressedSize: number;
  crc?: number;
}

/** Write a zip from raw entries; `zip64` writes zip64 EOCD records and extra fields. */
export function makeZip(entries: RawEntry[], opts: { zip64?: boolean } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const dv = new DataView(local.buffer);
    dv.setUint32(0, 0x04034b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 0x0800, true);
    dv.setUint16(8, e.method, true);
    dv.setUint32(14, e.crc ?? 0, true);
    dv.setUint32(18, e.data.length, true);
    dv.setUint32(22, Math.min(e.uncompressedSize, 0xffffffff), true);
    dv.setUint16(26, name.length, true);
    local.set(name, 30);
    chunks.push(local, e.data);

    const z64 = opts.zip64 === true;
    const extra = z64 ? new Uint8Array(4 + 24) : new Uint8Array(0);
    if (z64) {
      const xv = new DataView(extra.buffer);
      xv.setUint16(0, 1, true);
      xv.setUint16(2, 24, true);
      setU64(xv, 4, e.uncompressedSize);
      setU64(xv, 12, e.data.length);
      setU64(xv, 20, offset);
    }
    const cd = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc ?? 0, true);
    cv.setUint32(20, z64 ? 0xffffffff : e.data.length, true);
    cv.setUint32(24, z64 ? 0xffffffff : e.uncompressedSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, z64 ? 0xffffffff : offset, true);
    cd.set(name, 46);
    cd.set(extra, 46 + name.length);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdStart = offset;
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  chunks.push(...central);
  offset += cdSize;
  if (opts.zip64) {
    const rec = new Uint8Array(56);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 0x06064b50, true);
    setU64(rv, 4, 44);
    rv.setUint16(12, 45, true);
    rv.setUint16(14, 45, true);
    setU64(rv, 24, entries.length);
    setU64(rv, 32, entries.length);
    setU64(rv, 40, cdSize);
    setU64(rv, 48, cdStart);
    const loc = new Uint8Array(20);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x07064b50, true);
    setU64(lv, 8, offset);
    lv.setUint32(16, 1, true);
    chunks.push(rec, loc);
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, opts.zip64 ? 0xffff : entries.length, true);
  ev.setUint16(10, opts.zip64 ? 0xffff : entries.length, true);
  ev.setUint32(12, opts.zip64 ? 0xffffffff : cdSize, true);
  ev.setUint32(16, opts.zip64 ? 0xffffffff : cdStart, true);
  chunks.push(eocd);
  return concat(chunks);
}

function setU64(dv: DataView, off: number, n: number): void {
  dv.setUint32(off, n % 0x1_0000_0000, true);
  dv.setUint32(off + 4, Math.floor(n / 0x1_0000_0000), true);
}

/**
 * Raw deflate of `mib` MiB of zeros, built without deflating them all: one MiB deflated
 * with a full flush ends byte-aligned with a reset dictionary, so the same bytes can be
 * repeated; a final empty fixed-Huffman block (03 00) closes the stream.
 */
export function deflatedZeros(mib: number): Uint8Array {
  const unit = new Uint8Array(deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH }));
  const out: Uint8Array[] = [];
  for (let i = 0; i < mib; i++) out.push(unit);
  out.push(new Uint8Array([0x03, 0x00]));
  return concat(out);
}

// ---------------------------------------------------------------------------------------
// Hand-made Compound File Binary (OLE2) files

/**
 * A minimal valid CFB (version 3, 512-byte sectors) whose directory lists `streams` as
 * empty streams under the root: sector 0 is the FAT, sectors 1.. the directory.
 */
export function makeCfb(streams: string[]): Uint8Array {
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const total = 512 * (2 + dirSectors);
  const b = new Uint8Array(total);
  const dv = new DataView(b.buffer);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory starts at sector 1
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0 at file offset 512)
  const fat = 512;
  for (let i = 0; i < 128; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true); // sector 0 is a FAT sector
  for (let s = 1; s <= dirSectors; s++) dv.setUint32(fat + s * 4, s === dirSectors ? 0xfffffffe : s + 1, true);
  // directory entries
  entries.forEach((name, i) => {
    const off = 1024 + i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(off + k * 2, name.charCodeAt(k), true);
    dv.setUint16(off + 0x40, (name.length + 1) * 2, true);
    b[off + 0x42] = i === 0 ? 5 : 2;
    b[off + 0x43] = 1;
    dv.setUint32(off + 0x44, 0xffffffff, true);
    dv.setUint32(off + 0x48, i > 0 && i < entries.length - 1 ? i + 1 : 0xffffffff, true);
    dv.setUint32(off + 0x4c, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true);
    dv.setUint32(off + 0x74, 0xfffffffe, true);
  });
  return b;
}

/** The reason of a file-unreadable or file-too-large finding as its message phrases it (the parameters carry it as data). */
export function reasonOf(f: Finding, lang: Lang = 'zh'): string {
  const l = labels(lang).file;
  return f.code === 'file-too-large' ? l.tooLarge(f.params as unknown as TooLarge) : l.unreadable(f.params as unknown as Unreadable);
}
