/**
 * The small parts: relationships, workbook.xml, styles.xml and sharedStrings.xml, each read
 * with the streaming parser of xml.ts into what the worksheet pass needs.
 */
import { decodeTextEscapes, own, resolveNumFmt, styleInfo, unescapeFormatCode, type StyleInfo } from './compat.js';
import type { SharedString } from './sheet.js';
import { FastReadError, type Attrs, type Namespaces, type SheetHandler, type XmlHandler } from './xml.js';
import type { SheetState } from '../grid.js';

// ------------------------------------------------------------------ relationships

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class RelsParser implements XmlHandler {
  readonly rels: Relationship[] = [];
  open(name: string | null, a: Attrs): void {
    if (name !== 'Relationship') return;
    const id = a.get('Id');
    const target = a.get('Target');
    if (id === undefined || target === undefined) return;
    this.rels.push({ id, type: a.get('Type') ?? '', target, external: a.get('TargetMode') === 'External' });
  }
  close(): void {}
  text(): void {}
}

/** The kind of a relationship type URI: its last path segment ('worksheet', 'styles', 'sharedStrings' …). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** Resolve a relationship target against the folder of the part that owns it ('xl/'), as a zip part name. */
export function resolveTarget(baseDir: string, target: string): string {
  const t = target.trim();
  const joined = t.startsWith('/') ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

// ------------------------------------------------------------------ workbook.xml

export interface SheetDef {
  name: string;
  state: SheetState;
  rId: string | undefined;
}

export class WorkbookParser implements XmlHandler {
  readonly sheets: SheetDef[] = [];
  date1904 = false;
  /** workbookPr's date1904 as written ('1', 'true' …) */
  date1904Attr: string | undefined;
  /** the root element is a SpreadsheetML <workbook> */
  get isWorkbook(): boolean {
    return this.root;
  }
  /** `<calcPr fullCalcOnLoad="1">`: the cached formula results are stale (GridWorkbook.staleResults) */
  fullCalcOnLoad = false;
  private depth = 0;
  private sheetsDepth = -1;
  private root = false;

  open(name: string | null, a: Attrs, ns: Namespaces): void {
    this.depth++;
    if (this.depth === 1) {
      this.root = name === 'workbook';
      return;
    }
    if (!this.root) return;
    if (this.sheetsDepth >= 0) {
      if (name === 'sheet' && this.depth === this.sheetsDepth + 1) {
        const sheetName = a.get('name');
        if (sheetName === undefined) throw new FastReadError('sheet without a name');
        const st = a.get('state');
        this.sheets.push({
          name: sheetName,
          state: st === 'hidden' || st === 'veryHidden' ? st : 'visible',
          rId: ns.relAttr(a, 'id'),
        });
      }
      return;
    }
    if (this.depth !== 2) return;
    if (name === 'sheets') this.sheetsDepth = this.depth;
    // exceljs reads only '1'; 'true' is the other spelling of xsd:boolean true
    else if (name === 'workbookPr') {
      const d = a.get('date1904');
      this.date1904Attr = d;
      this.date1904 = d === '1' || d === 'true';
    } else if (name === 'calcPr') {
      const f = a.get('fullCalcOnLoad');
      this.fullCalcOnLoad = f === '1' || f === 'true';
    }
  }
  close(): void {
    if (this.depth === this.sheetsDepth) this.sheetsDepth = -1;
    this.depth--;
  }
  text(): void {}
}

// ------------------------------------------------------------------ styles.xml

export class StylesParser implements XmlHandler {
  private readonly custom = new Map<number, string>();
  private readonly xfIds: number[] = [];
  private depth = 0;
  private numFmtsDepth = -1;
  private cellXfsDepth = -1;

  open(name: string | null, a: Attrs): void {
    this.depth++;
    if (this.depth !== 3) {
      if (this.depth === 2) {
        if (name === 'numFmts') this.numFmtsDepth = 2;
        else if (name === 'cellXfs') this.cellXfsDepth = 2;
      }
      return;
    }
    if (this.numFmtsDepth === 2 && name === 'numFmt') {
      const code = a.get('formatCode');
      if (code === undefined) throw new FastReadError('numFmt without formatCode');
      this.custom.set(parseInt(a.get('numFmtId') ?? '', 10), unescapeFormatCode(code));
    } else if (this.cellXfsDepth === 2 && name === 'xf') {
      this.xfIds.push(parseInt(a.get('numFmtId') ?? '', 10));
    }
  }
  close(): void {
    if (this.depth === 2) this.numFmtsDepth = this.cellXfsDepth = -1;
    this.depth--;
  }
  text(): void {}

  /** cellXfs index → the cell's number format facts (one shared object per distinct format). */
  styles(): StyleInfo[] {
    const byFmt = new Map<string | undefined, StyleInfo>();
    return this.xfIds.map((id) => {
      const fmt = resolveNumFmt(id, this.custom);
      let s = byFmt.get(fmt);
      if (!s) byFmt.set(fmt, (s = styleInfo(fmt)));
      return s;
    });
  }
}

// ------------------------------------------------------------------ sharedStrings.xml

const EMPTY = 0;
const TEXT = 1;
const RICH = 2;

/**
 * Shared strings as exceljs' SharedStringXform builds them, flattened: the text of the last
 * plain <t>, or the concatenated runs (<r>), with `_xHHHH_` decoded as exceljs' TextXform does;
 * <rPh> phonetic runs dropped; an <si> with neither is null.
 */
export class SharedStringsParser implements SheetHandler {
  readonly strings: SharedString[] = [];
  private depth = 0;

  /** right after <sst …>: its content can go to the fast scanner */
  get atSheetDataStart(): boolean {
    return this.depth === 1 && this.siDepth < 0 && this.strings.length === 0;
  }
  private siDepth = -1;
  private kind = EMPTY;
  private textVal = '';
  private richVal = '';
  private skipDepth = 0; // inside <rPh> or <rPr>
  private inRun = false;
  private runText: string | undefined;
  private buf: string | undefined; // collecting a <t>

  open(name: string | null): void {
    this.depth++;
    if (this.siDepth < 0) {
      if (name === 'si' && this.depth === 2) {
        this.siDepth = 2;
        this.kind = EMPTY;
        this.richVal = '';
      }
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    if (this.buf !== undefined) throw new FastReadError('element inside <t>');
    if (name === 't') this.buf = '';
    else if (name === 'rPh') this.skipDepth = 1;
    else if (this.inRun) {
      if (name === 'rPr') this.skipDepth = 1;
    } else if (name === 'r') {
      if (this.kind === TEXT) throw new FastReadError('rich-text run after plain text in a shared string');
      this.inRun = true;
      this.runText = undefined;
    }
  }

  close(name: string | null): void {
    const d = this.depth--;
    if (this.siDepth < 0) return;
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (d === this.siDepth) {
      this.siDepth = -1;
      this.strings.push(this.kind === TEXT ? own(this.textVal) : this.kind === RICH ? own(this.richVal) : null);
      return;
    }
    if (this.buf !== undefined) {
      // only </t> can close while collecting (no element opens inside <t>)
      const t = decodeTextEscapes(this.buf);
      this.buf = undefined;
      if (this.inRun) this.runText = t;
      else {
        this.kind = TEXT;
        this.textVal = t;
      }
      return;
    }
    if (this.inRun && name === 'r') {
      this.inRun = false;
      this.kind = RICH;
      if (this.runText !== undefined) this.richVal += this.runText;
    }
  }

  text(t: string): void {
    if (this.buf !== undefined && this.skipDepth === 0) this.buf += t;
  }

  /** A whole `<si><t>t</t></si>`: what its events do, without them. */
  plainString(t: string): void {
    if (this.depth !== 1 || this.siDepth >= 0) {
      // not an item of <sst>: the events, whatever they mean here
      this.open('si');
      this.open('t');
      if (t.length > 0) this.text(t);
      this.close('t');
      this.close('si');
      return;
    }
    this.strings.push(own(decodeTextEscapes(t)));
  }
}
