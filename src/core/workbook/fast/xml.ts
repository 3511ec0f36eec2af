/**
 * Streaming XML for one zip part: compressed bytes → fflate `Inflate` in slices → a streaming
 * UTF-8 decoder (a UTF-8 character split between two chunks is decoded whole, which exceljs'
 * streaming reader gets wrong) → saxes in chunks. No inflated part is ever held whole.
 *
 * saxes runs in its default (non-namespace) mode; namespaces are resolved here, as XML says:
 * a declaration (`xmlns:p="…"`, `xmlns="…"`) holds on the element that makes it and inside it,
 * wherever it is made (openpyxl declares `xmlns:r` on each <sheet>, other producers on any
 * element). Element names reach the handler as local names when they are in the SpreadsheetML
 * or package-relationships namespace, transitional or strict, whatever the prefix (`x:c`, `ns2:c`
 * → `c`); elements of other namespaces arrive as null. An element whose prefix is declared
 * nowhere in scope is not XML we can read: FastReadError (the part is not namespace-well-formed).
 */
import { Inflate } from 'fflate';
import { SaxesParser } from 'saxes';
import { entryDataRange, type ZipEntryInfo } from '../zipdir.js';
import { Bail, SheetDataScanner } from './rows.js';
import { FastReadError } from './xml-error.js';
import { AttrList, Namespaces, type XmlHandler } from './events.js';

export { FastReadError } from './xml-error.js';

export { AttrList, Namespaces, NS_MAIN, NS_REL, type Attrs, type XmlHandler } from './events.js';

/** Compressed input fed to the inflater per step; its output (≤ ~1 MiB) is the decode/parse chunk. */
const FEED = 64 * 1024;
const STORED_CHUNK = 1024 * 1024;
/** bytes decoded into one string: well below V8's large-object size (128 KiB) */
const TEXT_PIECE = 48 * 1024;

/** A saxes parser that reports to `handler` with local names (see the top of this file). */
export function saxesFor(handler: XmlHandler, ns: Namespaces): SaxesParser {
  const attrs = new AttrList();
  // saxes in its default (non-namespace) mode, as exceljs runs it: the same documents are accepted
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    attrs.o = tag.attributes as unknown as Record<string, string>;
    ns.enter(attrs);
    handler.open(ns.local(tag.name), attrs, ns);
  });
  parser.on('closetag', (tag) => {
    handler.close(ns.local(tag.name));
    ns.leave();
  });
  parser.on('text', (t) => handler.text(t));
  // exceljs ignores CDATA (its text is lost); the fast reader keeps it
  parser.on('cdata', (t) => handler.text(t));
  return parser;
}

/**
 * Inflate one zip entry in slices and hand its text to `sink` in decoded chunks (a UTF-8
 * sequence split between two slices is decoded whole). The entry must inflate to exactly its
 * declared size (open.ts has verified the declared sizes against the caps; a part that
 * inflates to more is refused here before its output grows).
 */
export function streamText(bytes: Uint8Array, e: ZipEntryInfo, sink: (s: string) => void): void {
  const range = entryDataRange(bytes, e);
  if (!range) throw new FastReadError(`bad local header for ${e.name}`);
  const src = bytes.subarray(range.start, range.end);
  const decoder = new XmlDecoder(e.name);
  let size = 0;
  const push = (chunk: Uint8Array, final: boolean): void => {
    size += chunk.length;
    if (size > e.uncompressedSize) throw new FastReadError(`${e.name} inflates to more than its declared size`);
    // in pieces: V8 puts a string of 128 KiB or more in its large-object space, where each
    // allocation costs about a millisecond (a 100 MiB sheet took a second more, decoded whole)
    for (let off = 0; off < chunk.length || (off === 0 && final); off += TEXT_PIECE) {
      const end = Math.min(off + TEXT_PIECE, chunk.length);
      const s = decoder.decode(chunk.subarray(off, end), final && end === chunk.length);
      if (s.length) sink(s);
    }
  };
  if (e.method === 0) {
    if (src.length === 0) push(src, true);
    for (let off = 0; off < src.length; off += STORED_CHUNK) {
      const end = Math.min(off + STORED_CHUNK, src.length);
      push(src.subarray(off, end), end === src.length);
    }
  } else if (e.method === 8) {
    const inf = new Inflate((chunk, final) => push(chunk, final));
    if (src.length === 0) inf.push(src, true);
    for (let off = 0; off < src.length; off += FEED) {
      const end = Math.min(off + FEED, src.length);
      inf.push(src.subarray(off, end), end === src.length);
    }
  } else {
    throw new FastReadError(`compression method ${e.method}`);
  }
  if (size !== e.uncompressedSize) throw new FastReadError(`${e.name} inflates to ${size} bytes, not ${e.uncompressedSize}`);
  const rest = decoder.decode(new Uint8Array(0), true);
  if (rest.length) sink(rest);
}

/**
 * The bytes of an XML part → text, in the part's encoding: UTF-16 (big or little endian) when it
 * starts with a UTF-16 byte-order mark or with '<?' as 16-bit units, else UTF-8 (a UTF-8 BOM is
 * dropped). A UTF-8 part whose XML declaration names another encoding is refused: its text would
 * be guessed.
 */
export class XmlDecoder {
  private utf8: Utf8Chunks | null = null;
  private utf16: InstanceType<typeof TextDecoder> | null = null;
  private head: Uint8Array | null = null;
  private checked = false;

  constructor(private readonly part: string) {}

  decode(chunk: Uint8Array, final: boolean): string {
    if (this.utf8) return this.check(this.utf8.decode(chunk, final));
    if (this.utf16) return this.utf16.decode(chunk, { stream: !final });
    // the first bytes decide: wait for four of them (or the end)
    let bytes = chunk;
    if (this.head) {
      bytes = new Uint8Array(this.head.length + chunk.length);
      bytes.set(this.head);
      bytes.set(chunk, this.head.length);
      this.head = null;
    }
    if (bytes.length < 4 && !final) {
      this.head = bytes.slice();
      return '';
    }
    const [b0, b1, b2, b3] = bytes;
    let enc: 'utf-16le' | 'utf-16be' | null = null;
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0)) enc = 'utf-16le';
    else if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f)) enc = 'utf-16be';
    if (enc) {
      this.utf16 = new TextDecoder(enc);
      return this.utf16.decode(bytes, { stream: !final });
    }
    this.utf8 = new Utf8Chunks();
    return this.check(this.utf8.decode(bytes, final));
  }

  /** The XML declaration of a UTF-8 part, if it names an encoding, must name UTF-8. */
  private check(s: string): string {
    if (this.checked || s.length === 0) return s;
    this.checked = true;
    if (s.startsWith('<?xml')) {
      const end = s.indexOf('?>');
      const m = /\sencoding\s*=\s*["']([^"']*)["']/.exec(end < 0 ? s.slice(0, 200) : s.slice(0, end));
      if (m && !/^utf-?8$/i.test(m[1]!)) throw new FastReadError(`${this.part} declares the encoding ${m[1]} but is not in UTF-16; it is read only in UTF-8 or UTF-16`);
    }
    return s;
  }
}

/**
 * UTF-8 in chunks, decoded exactly as one streaming TextDecoder('utf-8') decodes them (replacement
 * characters and the dropped leading BOM included), but each chunk by a non-streaming decode:
 * Node decodes a whole input several times faster than a streamed one. A sequence cut by the end
 * of a chunk is held back and decoded with the next. Cutting before a byte ≥ 0xC0 never changes
 * the output: such a byte is never a continuation, so the decoder starts afresh there (after
 * ending any sequence in progress with U+FFFD, which the end of input does in the same way).
 */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private held: Uint8Array | null = null;
  private started = false;

  decode(chunk: Uint8Array, final: boolean): string {
    let bytes = chunk;
    if (this.held) {
      bytes = new Uint8Array(this.held.length + chunk.length);
      bytes.set(this.held);
      bytes.set(chunk, this.held.length);
      this.held = null;
    }
    let end = bytes.length;
    if (!final) {
      end = completeUpTo(bytes);
      if (end < bytes.length) this.held = bytes.slice(end);
    }
    let s = this.decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    return s;
  }
}

/** Where the bytes stop being complete: the start of a multi-byte sequence the end cuts short, else their length. */
function completeUpTo(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const c = b[i]!;
    if (c < 0x80) return n;
    if (c >= 0xc0) return i + (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) > n ? i : n;
    // a continuation byte: look further back
  }
  return n;
}

/** Parse one zip entry as XML with saxes, streaming. */
export function parseEntry(bytes: Uint8Array, e: ZipEntryInfo, handler: XmlHandler): void {
  const parser = saxesFor(handler, new Namespaces());
  streamText(bytes, e, (s) => parser.write(s));
  parser.close();
}

/** What the hybrid pass needs to know about the handler. */
export interface SheetHandler extends XmlHandler {
  /** true right after the start tag of the element whose content is scanned (open, nothing inside it seen yet) */
  readonly atSheetDataStart: boolean;
}

/** A start tag that may be the element: `<sheetData` or `<p:sheetData`, then a delimiter. */
function startTagRx(element: string): RegExp {
  return new RegExp(`<([A-Za-z_][\\w.-]*:)?${element}(?=[\\s>/])`, 'g');
}
/** how much of the text not yet given to saxes is kept back, so that a start tag split between chunks is seen whole */
const TAIL = 256;
/** a <sheetData …> start tag longer than this is no spreadsheet's (waiting for its end would rescan it chunk after chunk) */
const LONG_TAG = 4 * 1024 * 1024;

/**
 * Parse a worksheet part: saxes for everything but the content of <sheetData>, which goes to
 * the SheetDataScanner (rows.ts). If the scanner bails out, the part is parsed again from the
 * start with saxes alone, into a fresh handler. Returns the handler that saw the whole part,
 * and how: 'fast' or 'saxes'.
 */
export function parseSheetEntry<H extends SheetHandler>(bytes: Uint8Array, e: ZipEntryInfo, make: () => H, element = 'sheetData'): { handler: H; mode: 'fast' | 'saxes' } {
  return parseSheetText((sink) => streamText(bytes, e, sink), make, element);
}

/** parseSheetEntry over any source of text chunks (`produce` calls `sink` with each chunk in order). */
export function parseSheetText<H extends SheetHandler>(produce: (sink: (s: string) => void) => void, make: () => H, element = 'sheetData'): { handler: H; mode: 'fast' | 'saxes' } {
  const handler = make();
  try {
    hybridParse(produce, handler, element);
    return { handler, mode: 'fast' };
  } catch (err) {
    if (!(err instanceof Bail)) throw err;
  }
  const again = make();
  const parser = saxesFor(again, new Namespaces());
  produce((s) => parser.write(s));
  parser.close();
  return { handler: again, mode: 'saxes' };
}

function hybridParse(produce: (sink: (s: string) => void) => void, handler: SheetHandler, element: string): void {
  const rx = startTagRx(element);
  const ns = new Namespaces();
  const parser = saxesFor(handler, ns);
  let pending = ''; // text not yet given to anyone, while looking for <sheetData>
  let scanner: SheetDataScanner | null = null;
  let after = false; // past </sheetData>: everything to saxes

  const lookForSheetData = (): void => {
    for (;;) {
      rx.lastIndex = 0;
      const m = rx.exec(pending);
      if (!m) {
        if (pending.length > TAIL) {
          parser.write(pending.slice(0, pending.length - TAIL));
          pending = pending.slice(pending.length - TAIL);
        }
        return;
      }
      const end = tagEnd(pending, m.index + m[0].length);
      if (end < 0) {
        // the tag is not complete yet: give saxes what comes before it
        if (m.index > 0) {
          parser.write(pending.slice(0, m.index));
          pending = pending.slice(m.index);
        }
        if (pending.length > LONG_TAG) throw new Bail('a start tag without end');
        return;
      }
      parser.write(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
      if (handler.atSheetDataStart) {
        // saxes saw this very tag open the element (not text in a comment …): its content is ours
        scanner = new SheetDataScanner(handler, ns, m[1] ?? '', element);
        const rest = pending;
        pending = '';
        if (rest.length) feedScanner(rest);
        return;
      }
    }
  };

  const feedScanner = (s: string): void => {
    scanner!.feed(s);
    if (scanner!.done) {
      after = true;
      parser.write(scanner!.rest);
      scanner = null;
    }
  };

  produce((s) => {
    if (after) parser.write(s);
    else if (scanner) feedScanner(s);
    else {
      pending += s;
      lookForSheetData();
    }
  });
  if (scanner) (scanner as SheetDataScanner).finish();
  if (pending.length) parser.write(pending);
  parser.close();
}

/** Index of the '>' ending the start tag whose attributes begin at `from` (quotes respected), or -1. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}
