/**
 * What the streaming XML reader (xml.ts) reports to its handlers, and the namespace scoping it keeps:
 * the handler interface, the attributes of a start tag, prefix → namespace. A module of its own so
 * that the <sheetData> scanner (rows.ts), which xml.ts runs, can implement the handler without
 * importing xml.ts back.
 */
import { FastReadError } from './xml-error.js';

/** The attributes of the current start tag (a reused view: copy what you keep). */
export interface Attrs {
  get(name: string): string | undefined;
  names(): string[];
}

/** Attrs over saxes' attribute object. */
export class AttrList implements Attrs {
  o: Record<string, string> = {};
  get(name: string): string | undefined {
    return this.o[name];
  }
  names(): string[] {
    return Object.keys(this.o);
  }
}

export const NS_MAIN = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
]);
export const NS_REL = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);

export interface XmlHandler {
  /** `name` is the local name of a SpreadsheetML element, null for any other element */
  open(name: string | null, attrs: Attrs, ns: Namespaces): void;
  close(name: string | null): void;
  text(t: string): void;
  /**
   * Optional, for the scanner of <sheetData>: a whole cell `<c r="…" s="…" t="…"><v>…</v></c>`
   * (s and t optional, in this order; no entities), to be handled exactly as its five events
   * (open c, open v, text if not empty, close v, close c) would be. The reference is
   * `src.slice(r0, r1)`, and `addr` what decodeAddressPacked gives for it (-1: not valid).
   */
  plainCell?(src: string, r0: number, r1: number, addr: number, s: string | undefined, t: string | undefined, v: string): void;
  /**
   * Optional, for the scanner of <sst>: a whole shared string `<si><t>…</t></si>` (the <t> with
   * no attribute but xml:space="preserve"; no entities), to be handled exactly as its events
   * (open si, open t, text if not empty, close t, close si) would be.
   */
  plainString?(t: string): void;
}

/**
 * Prefix → namespace URI for the element being read, with XML's scoping: `enter` on each start
 * tag (after which the tag's own declarations hold), `leave` on each end tag. Declarations are
 * rare (the root, a few elements), so they cost an undo record only where one is made.
 */
export class Namespaces {
  private readonly uris = new Map<string, string>();
  /** is an unprefixed element in the main namespace? (true when no default namespace is declared: a file without any declaration is read as SpreadsheetML) */
  defaultMain = true;
  private depth = 0;
  /** for each element that declared something: its depth and what its declarations hid */
  private readonly undo: { depth: number; prefixes: [string, string | undefined][]; defaultMain: boolean }[] = [];

  /** A start tag: its declarations now hold (until the matching leave). */
  enter(attrs: AttrList): void {
    this.depth++;
    let rec: (typeof this.undo)[number] | undefined;
    // (for…in: no array per element, as names() would make)
    for (const k in attrs.o) {
      if (k.charCodeAt(0) !== 120 || !k.startsWith('xmlns')) continue; // 'x'
      if (k.length > 5 && k.charCodeAt(5) !== 58) continue; // 'xmlnsfoo' is an ordinary attribute
      rec ??= { depth: this.depth, prefixes: [], defaultMain: this.defaultMain };
      const uri = attrs.get(k)!;
      if (k.length === 5) this.defaultMain = uri === '' ? false : NS_MAIN.has(uri);
      else {
        const p = k.slice(6);
        rec.prefixes.push([p, this.uris.get(p)]);
        this.uris.set(p, uri);
      }
    }
    if (rec) this.undo.push(rec);
  }

  /** An end tag: the declarations of the element it ends no longer hold. */
  leave(): void {
    const top = this.undo[this.undo.length - 1];
    if (top !== undefined && top.depth === this.depth) {
      this.undo.pop();
      this.defaultMain = top.defaultMain;
      for (let i = top.prefixes.length - 1; i >= 0; i--) {
        const [p, old] = top.prefixes[i]!;
        if (old === undefined) this.uris.delete(p);
        else this.uris.set(p, old);
      }
    }
    this.depth--;
  }

  /** The URI a prefix stands for here, or undefined when it is not declared. */
  uri(prefix: string): string | undefined {
    return this.uris.get(prefix);
  }

  /** The local name of a qualified element name when it is in the main namespace, else null; throws for an undeclared prefix. */
  local(name: string): string | null {
    const colon = name.indexOf(':');
    if (colon < 0) return this.defaultMain ? name : null;
    const uri = this.uris.get(name.slice(0, colon));
    if (uri === undefined) throw new FastReadError(`the namespace prefix of <${name}> is not declared`);
    return NS_MAIN.has(uri) ? name.slice(colon + 1) : null;
  }

  /** Value of an attribute in the relationships namespace (`r:id`), whatever its prefix. */
  relAttr(attrs: Attrs, local: string): string | undefined {
    for (const k of attrs.names()) {
      const c = k.indexOf(':');
      if (c > 0 && k.slice(c + 1) === local && NS_REL.has(this.uris.get(k.slice(0, c)) ?? '')) return attrs.get(k);
    }
    return undefined;
  }
}
