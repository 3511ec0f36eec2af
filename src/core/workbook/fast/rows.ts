/**
 * The hot loop: the content of <sheetData> (rows and cells, ~all of a big sheet) tokenised
 * without saxes, everything else of the worksheet still goes through saxes.
 *
 * Why: on a 100,000-row sheet saxes' per-character state machine and its tag and attribute
 * objects cost more than the rest of the reader together. This scanner jumps from '<' to '<'
 * and reads attribute values straight out of the chunk.
 *
 * Exactness: it emits to the same SheetParser exactly the events saxes (through xml.ts) would,
 * but only for a strict subset of XML: elements and attributes with plain ASCII names, in the
 * sheetData element's own prefix (or none), no comments, CDATA, processing instructions,
 * namespace declarations, carriage returns or characters outside XML 1.0. Anything else —
 * including every well-formedness error — throws Bail, and the caller parses the whole part
 * again with saxes, so odd and broken files get saxes' (and exceljs') verdict.
 * test/workbook/fast-rows.test.ts compares the two paths event for event and on mutated sheets.
 */
import type { Attrs, Namespaces, XmlHandler } from './events.js';

/** Not an error of the file: this scanner steps aside for saxes. */
export class Bail extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'Bail';
  }
}

/** Characters outside XML 1.0 Char, and CR (saxes normalises line ends; we leave that to it). */
const BAD_RX = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/;

const LONG_TEXT = 64 * 1024;
const LONG_CONSTRUCT = 4 * 1024 * 1024;

/**
 * Attributes read by the scanner, reused from tag to tag: names, and values as positions in the
 * chunk, cut out only when asked for (most row attributes never are: spans, ht, dyDescent …).
 * A value with an entity reference is decoded at once, so a bad one is refused even if unread.
 */
class FastAttrs implements Attrs {
  readonly n: string[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly val: (string | undefined)[] = [];
  src = '';
  len = 0;
  get(name: string): string | undefined {
    for (let i = 0; i < this.len; i++) {
      if (this.n[i] !== name) continue;
      let v = this.val[i];
      if (v === undefined) {
        v = this.src.slice(this.start[i], this.end[i]);
        if (v.indexOf('\n') >= 0 || v.indexOf('\t') >= 0) v = v.replace(/[\n\t]/g, ' ');
        this.val[i] = v;
      }
      return v;
    }
    return undefined;
  }
  names(): string[] {
    return this.n.slice(0, this.len);
  }
}

/** Names interned so the hot ones are not sliced out of the chunk again and again. */
const COMMON = [
  'row',
  'c',
  'v',
  'f',
  'is',
  't',
  'r',
  's',
  'rPr',
  'rPh',
  'spans',
  'ht',
  'hidden',
  'customHeight',
  'customFormat',
  'x14ac:dyDescent',
  'si',
  'ref',
  'xml:space',
  'sb',
  'eb',
  'val',
  'rFont',
  'sz',
  'color',
  'rgb',
  'theme',
  'family',
  'charset',
  'scheme',
  'b',
  'i',
  'u',
  'phoneticPr',
  'fontId',
  'type',
  'cm',
  'vm',
  'ph',
  'outlineLevel',
  'collapsed',
  'thickBot',
  'thickTop',
];
const BY_LENGTH: string[][] = [];
for (const n of COMMON) (BY_LENGTH[n.length] ??= []).push(n);

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

/** One-letter names, by character code. */
const SINGLE: (string | undefined)[] = [];
for (const n of COMMON) if (n.length === 1) SINGLE[n.charCodeAt(0)] = n;

/** The name at s[a, b): an interned string when common, else a slice; null when not a plain ASCII name (b > a). */
function nameAt(s: string, a: number, b: number, allowColon: boolean): string | null {
  const c0 = s.charCodeAt(a);
  if (b - a === 1) {
    const one = SINGLE[c0];
    if (one !== undefined) return one;
  }
  if (!isNameStart(c0)) return null;
  let colons = 0;
  for (let k = a + 1; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c === 58) {
      if (!allowColon || ++colons > 1 || k === b - 1 || !isNameStart(s.charCodeAt(k + 1))) return null;
    } else if (!isNameChar(c)) return null;
  }
  const list = BY_LENGTH[b - a];
  if (list) for (const n of list) if (s.startsWith(n, a)) return n;
  return s.slice(a, b);
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references, as saxes resolves them; anything else bails. */
function decodeEntities(t: string): string {
  let out = '';
  let last = 0;
  let amp = t.indexOf('&');
  while (amp >= 0) {
    const semi = t.indexOf(';', amp + 1);
    if (semi < 0) throw new Bail('entity');
    const ref = t.slice(amp + 1, semi);
    let rep: string | undefined;
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120;
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw new Bail('entity');
      const cp = parseInt(digits, hex ? 16 : 10);
      const ok = cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) throw new Bail('entity');
      rep = String.fromCodePoint(cp);
    } else {
      rep = PREDEFINED[ref];
      if (rep === undefined) throw new Bail('entity');
    }
    out += t.slice(last, amp) + rep;
    last = semi + 1;
    amp = t.indexOf('&', last);
  }
  return out + t.slice(last);
}

/**
 * Feed it the text after `<sheetData …>`; it reports rows and cells to the handler and stops
 * at the matching `</sheetData>`, leaving that tag and everything after it in `rest`. (The
 * same for the content of `<sst>`, the shared strings.)
 */
export class SheetDataScanner {
  private buf = '';
  /** qualified names of the open elements inside sheetData */
  private readonly stack: string[] = [];
  private readonly attrs = new FastAttrs();
  private readonly closeName: string;
  /** the handler takes whole plain cells (plainCell) */
  private readonly plain: boolean;
  /** the handler takes whole plain shared strings (plainString) */
  private readonly plainSi: boolean;
  done = false;
  rest = '';

  /**
   * `container` is the element whose content is scanned ('sheetData', or 'sst' for the shared
   * strings), `prefix` its own ('x:' or ''), which every element inside must share.
   */
  constructor(
    private readonly h: XmlHandler,
    private readonly ns: Namespaces,
    private readonly prefix: string,
    private readonly container = 'sheetData',
  ) {
    this.closeName = `${prefix}${container}`;
    this.plain = prefix === '' && container === 'sheetData' && typeof h.plainCell === 'function';
    this.plainSi = prefix === '' && container === 'sst' && typeof h.plainString === 'function';
  }

  feed(chunk: string): void {
    if (BAD_RX.test(chunk)) throw new Bail('character');
    const s = this.buf.length > 0 ? this.buf + chunk : chunk;
    const len = s.length;
    let i = 0;
    while (i < len) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // a long text run: pass it on in pieces (the handlers concatenate text), keeping back
        // a possibly split entity or ']]>' so both are still seen whole
        if (len - i > LONG_TEXT) {
          const amp = s.lastIndexOf('&');
          const cut = amp >= i ? Math.min(amp, len - 2) : len - 2;
          if (cut > i) {
            this.text(s.slice(i, cut));
            i = cut;
          }
        }
        break;
      }
      if (lt > i) this.text(s.slice(i, lt));
      if (lt + 1 >= len) {
        i = lt;
        break;
      }
      const c = s.charCodeAt(lt + 1);
      let next: number;
      if (c === 47) {
        next = this.closeTag(s, lt);
        if (this.done) {
          this.rest = s.slice(lt);
          this.buf = '';
          return;
        }
      } else if (c === 33 || c === 63) throw new Bail('markup');
      else {
        next = this.plain && c === 99 ? this.plainCell(s, lt) : this.plainSi && c === 115 ? this.plainString(s, lt) : -1; // 'c', 's'
        if (next < 0) next = this.openTag(s, lt);
      }
      if (next < 0) {
        i = lt;
        break;
      }
      i = next;
    }
    this.buf = i >= len ? '' : i === 0 ? s : s.slice(i);
    // a single tag this long is no spreadsheet's: rescanning it chunk after chunk would be quadratic
    if (this.buf.length > LONG_CONSTRUCT) throw new Bail('long construct');
  }

  /** The part ended: only complete if </sheetData> was seen. */
  finish(): void {
    if (!this.done) throw new Bail('end of part inside sheetData');
  }

  private text(t: string): void {
    if (t.indexOf(']]>') >= 0) throw new Bail(']]>');
    this.h.text(t.indexOf('&') >= 0 ? decodeEntities(t) : t);
  }

  /**
   * `<c r="A1" s="3" t="s"><v>12</v></c>` at `lt`, exactly so (s and t optional, in this order;
   * a reference of capital letters, digits and $; a style of digits; a type of letters; a value
   * without & < >), given to the handler whole. Returns the index after it, or -1 for anything
   * else, including a cell not all in `s` yet: then the general path reads it, event by event.
   */
  private plainCell(s: string, lt: number): number {
    // (character codes compared one by one: startsWith is a call each time, and this runs for every cell)
    if (s.charCodeAt(lt + 2) !== 32 || s.charCodeAt(lt + 3) !== 114 || s.charCodeAt(lt + 4) !== 61 || s.charCodeAt(lt + 5) !== 34) return -1; // ' r="'
    let j = lt + 6;
    const r0 = j;
    // the reference, decoded on the way as decodeAddressPacked does (capital letters, then digits; $ anywhere)
    let col = 0,
      row = 0,
      hasCol = false,
      hasRow = false,
      valid = true;
    for (let c = s.charCodeAt(j); (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36; c = s.charCodeAt(++j)) {
      if (c >= 65 && c <= 90) {
        if (hasRow) valid = false;
        else {
          hasCol = true;
          col = col * 26 + c - 64;
        }
      } else if (c !== 36) {
        hasRow = true;
        row = row * 10 + c - 48;
      }
    }
    const r1 = j;
    if (j === r0 || s.charCodeAt(j) !== 34) return -1;
    const addr = valid && hasCol && hasRow && col <= 16384 && row >= 1 && row <= 1_048_576 ? row * 16384 + col - 1 : -1;
    j++;
    let st: string | undefined;
    if (s.charCodeAt(j) === 32 && s.charCodeAt(j + 1) === 115 && s.charCodeAt(j + 2) === 61 && s.charCodeAt(j + 3) === 34) {
      // ' s="'
      const a = (j += 4);
      for (let c = s.charCodeAt(j); c >= 48 && c <= 57; c = s.charCodeAt(++j));
      if (j === a || s.charCodeAt(j) !== 34) return -1;
      st = s.slice(a, j);
      j++;
    }
    let tt: string | undefined;
    if (s.charCodeAt(j) === 32 && s.charCodeAt(j + 1) === 116 && s.charCodeAt(j + 2) === 61 && s.charCodeAt(j + 3) === 34) {
      // ' t="'
      const a = (j += 4);
      for (let c = s.charCodeAt(j); (c >= 97 && c <= 122) || (c >= 65 && c <= 90); c = s.charCodeAt(++j));
      if (j === a || s.charCodeAt(j) !== 34) return -1;
      tt = s.slice(a, j);
      j++;
    }
    if (s.charCodeAt(j) !== 62 || s.charCodeAt(j + 1) !== 60 || s.charCodeAt(j + 2) !== 118 || s.charCodeAt(j + 3) !== 62) return -1; // '><v>'
    j += 4;
    const v0 = j;
    const len = s.length;
    for (; j < len; j++) {
      const c = s.charCodeAt(j);
      if (c === 60) break; // <
      if (c === 38 || c === 62) return -1; // & >
    }
    // '</v></c>'
    if (
      s.charCodeAt(j + 1) !== 47 ||
      s.charCodeAt(j + 2) !== 118 ||
      s.charCodeAt(j + 3) !== 62 ||
      s.charCodeAt(j + 4) !== 60 ||
      s.charCodeAt(j + 5) !== 47 ||
      s.charCodeAt(j + 6) !== 99 ||
      s.charCodeAt(j + 7) !== 62
    )
      return -1;
    this.h.plainCell!(s, r0, r1, addr, st, tt, s.slice(v0, j));
    return j + 8;
  }

  /**
   * `<si><t>text</t></si>` at `lt` (or `<t xml:space="preserve">`), exactly so, with text without
   * & < >, given to the handler whole. Returns the index after it, or -1 for anything else.
   */
  private plainString(s: string, lt: number): number {
    let j: number;
    if (s.startsWith('<si><t>', lt)) j = lt + 7;
    else if (s.startsWith('<si><t xml:space="preserve">', lt)) j = lt + 28;
    else return -1;
    const t0 = j;
    for (const len = s.length; j < len; j++) {
      const c = s.charCodeAt(j);
      if (c === 60) break; // <
      if (c === 38 || c === 62) return -1; // & >
    }
    if (!s.startsWith('</t></si>', j)) return -1;
    this.h.plainString!(s.slice(t0, j));
    return j + 9;
  }

  /** Local name of a qualified element name at s[a, b), or null. */
  private local(s: string, a: number, b: number): string | null {
    const p = this.prefix;
    if (p.length > 0) {
      if (b - a <= p.length || !s.startsWith(p, a)) return null;
      return nameAt(s, a + p.length, b, false);
    }
    return nameAt(s, a, b, false);
  }

  private closeTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    let end = gt;
    while (end > lt + 2 && isWs(s.charCodeAt(end - 1))) end--;
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      if (end - (lt + 2) === this.closeName.length && s.startsWith(this.closeName, lt + 2)) {
        this.done = true;
        return lt;
      }
      throw new Bail('close tag');
    }
    if (end - (lt + 2) !== top.length || !s.startsWith(top, lt + 2)) throw new Bail('close tag');
    this.stack.pop();
    this.h.close(this.prefix.length > 0 ? top.slice(this.prefix.length) : top);
    return gt + 1;
  }

  private openTag(s: string, lt: number): number {
    const len = s.length;
    let j = lt + 1;
    while (j < len) {
      const c = s.charCodeAt(j);
      if (c === 62 || c === 47 || isWs(c)) break;
      j++;
    }
    if (j >= len) return -1;
    const local = this.local(s, lt + 1, j);
    if (local === null || local === this.container) throw new Bail('element name');
    const a = this.attrs;
    a.len = 0;
    a.src = s;
    let selfClosing = false;
    for (;;) {
      const ws0 = j;
      while (j < len && isWs(s.charCodeAt(j))) j++;
      if (j >= len) return -1;
      const c = s.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (j + 1 >= len) return -1;
        if (s.charCodeAt(j + 1) !== 62) throw new Bail('/');
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === ws0) throw new Bail('attribute spacing');
      const ns0 = j;
      while (j < len) {
        const d = s.charCodeAt(j);
        if (d === 61 || isWs(d) || d === 62 || d === 47) break;
        j++;
      }
      if (j >= len) return -1;
      const an = nameAt(s, ns0, j, true);
      if (an === null || an.startsWith('xmlns')) throw new Bail('attribute name');
      while (j < len && isWs(s.charCodeAt(j))) j++;
      if (j >= len) return -1;
      if (s.charCodeAt(j) !== 61) throw new Bail('attribute');
      j++;
      while (j < len && isWs(s.charCodeAt(j))) j++;
      if (j >= len) return -1;
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new Bail('attribute quote');
      const ve = s.indexOf(q === 34 ? '"' : "'", j + 1);
      if (ve < 0) return -1;
      let amp = false;
      for (let k = j + 1; k < ve; k++) {
        const d = s.charCodeAt(k);
        if (d === 60) throw new Bail('< in attribute');
        if (d === 38) amp = true;
      }
      for (let k = 0; k < a.len; k++) if (a.n[k] === an) throw new Bail('duplicate attribute');
      a.n[a.len] = an;
      a.start[a.len] = j + 1;
      a.end[a.len] = ve;
      // whitespace is normalised before references are resolved, as XML (and saxes) do
      a.val[a.len] = amp ? decodeEntities(s.slice(j + 1, ve).replace(/[\n\t]/g, ' ')) : undefined;
      a.len++;
      j = ve + 1;
    }
    this.h.open(local, a, this.ns);
    if (selfClosing) this.h.close(local);
    else this.stack.push(this.prefix.length > 0 ? this.prefix + local : local);
    return j;
  }
}
