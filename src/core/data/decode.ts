/**
 * Bytes of a CSV/text export → text. The encoding is detected, never assumed: Chinese Excel/WPS
 * save CSV as GBK/GB18030, Excel's "Unicode text" as UTF-16 LE with a BOM, newer tools as UTF-8.
 * Order: a BOM decides; else NUL-byte patterns mean UTF-16 without a BOM; else strict UTF-8; else
 * strict GB18030 (a superset of GBK and GB2312). When no encoding decodes every byte, the one that
 * leaves fewer broken lines wins, and the broken lines are reported rather than dropped.
 */
export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** 1-based physical lines holding bytes that are not valid in `encoding` (decoded as U+FFFD) */
  badLines: number[];
}

const LABEL: Record<EncodingName, string> = { 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', gb18030: 'gb18030' };

/** Human name of an encoding, for messages. */
export const ENCODING_NAME: Record<EncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GBK/GB18030',
};

function strict(bytes: Uint8Array, enc: EncodingName): string | null {
  try {
    return new TextDecoder(LABEL[enc], { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function lenient(bytes: Uint8Array, enc: EncodingName): string {
  return new TextDecoder(LABEL[enc], { ignoreBOM: true }).decode(bytes);
}

/** The lines (as split at \r\n, \r or \n) holding a U+FFFD, counted in place rather than split: a large export is not copied line by line. */
function linesWithReplacement(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let bad = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad = true;
    else if (c === 10 || c === 13) {
      if (bad) out.push(line);
      bad = false;
      line++;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    }
  }
  if (bad) out.push(line);
  return out;
}

function decodeAs(bytes: Uint8Array, enc: EncodingName): Decoded {
  const ok = strict(bytes, enc);
  if (ok !== null) return { text: ok, encoding: enc, badLines: [] };
  return lenientDecoded(bytes, enc);
}

function lenientDecoded(bytes: Uint8Array, enc: EncodingName): Decoded {
  const text = lenient(bytes, enc);
  return { text, encoding: enc, badLines: linesWithReplacement(text) };
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero byte in every other position. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0,
    oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  const u16 = utf16Guess(bytes);
  if (u16) return decodeAs(bytes, u16);
  // Strict readings first: a clean file (nearly all of them) is decoded once more at most, and
  // no lenient copy of the text is made unless neither encoding reads every byte.
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', badLines: [] };
  const gb = strict(bytes, 'gb18030');
  if (gb !== null) return { text: gb, encoding: 'gb18030', badLines: [] };
  // Neither is clean: a damaged file. Keep the reading with fewer broken lines (GB18030 on a tie:
  // the usual encoding of Chinese CSV exports).
  const u = lenientDecoded(bytes, 'utf-8');
  const g = lenientDecoded(bytes, 'gb18030');
  return u.badLines.length < g.badLines.length ? u : g;
}

/** True when the bytes contain NULs or other control bytes that no text export has (a binary file). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Guess(bytes) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a && b !== 0x1b)) bad++;
  }
  return bad > 0;
}
