import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import type { NotWorkbook } from './reasons.js';

/** What the first bytes of a file say it is. The file name's extension is never consulted. */
export type Sniffed = 'zip' | 'ole2' | 'empty' | 'text' | 'unknown';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  // local file header, or the end-of-central-directory record of an empty archive
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'ole2';
  return looksLikeText(bytes) ? 'text' : 'unknown';
}

/** BOM-marked, or the first 4 KiB hold no control bytes but tab/CR/LF/FF/ESC (so UTF-8 and GBK text both pass). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return true;
  }
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

/** What a file that is not a workbook appears to be, by its first bytes ('unknown' when nothing better is known). */
export function nonWorkbookKind(bytes: Uint8Array): NotWorkbook {
  const head = latin1(bytes.subarray(0, 2048)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const lower = head.toLowerCase().replace(/\x00/g, '');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b])) return 'archive';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml-2003';
  if (/<(!doctype\s+html|html|table|head|body|meta)[\s>]/.test(lower)) return 'html';
  if (sniff(bytes) === 'text') return 'text';
  return 'unknown';
}

/**
 * nonWorkbookKind phrased in both languages, for the findings that still carry their reason as
 * text (collect, data files); the file-unreadable finding carries the kind itself.
 */
export function describeNonWorkbook(bytes: Uint8Array): { zh: string; en: string } {
  const kind = nonWorkbookKind(bytes);
  return { zh: zh.file.notWorkbook[kind], en: en.file.notWorkbook[kind] };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}
