/**
 * One enforcement-data file (bytes) → typed records + findings. xlsx or CSV, decided by the bytes.
 * A file that cannot be read at all (not a table, a legacy .xls, no USCC column …) is
 * `{ ok: false, reason }`: the CLI turns it into exit 2. Everything else — broken bytes, bad rows,
 * odd values — becomes a finding, and no row is dropped without one.
 *
 * Exports run to hundreds of thousands of rows, so rows are read one at a time and never held
 * as a grid: an xlsx is streamed (streamWorkbook; a file that cannot be streamed exactly is read
 * through openWorkbook's grid instead, with the same result), a CSV is parsed record by record.
 * Each row's cells are converted field by field, with the conversions cached per cell (by text,
 * shared-string index or cell object: exports repeat the same values), and the typed row checked
 * by zod; only a row that cannot be used goes through the raw-row schema, whose issues name the
 * bad cells. With `keep`, only the listed enterprises' records are kept.
 */
import { openWorkbook, streamWorkbook } from '../workbook/open.js';
import { sniff, describeNonWorkbook } from '../workbook/sniff.js';
import { colLetters, type GridCell, type GridSheet } from '../workbook/grid.js';
import { CellRow, type SheetVisitor } from '../workbook/fast/index.js';
import { finding, messageOf } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import { decodeText, looksBinary, ENCODING_NAME, type EncodingName } from './decode.js';
import { checkCsvRecords, CsvLimitError, parseCsv, scanCsv } from './csv.js';
import { csvToSheet, csvValue, fieldText, findHeader, hasRequired, HEADER_SCAN_ROWS, rowPreview, type HeaderFound, type RawField, type RawRow, type TableRow } from './table.js';
import { DATA_FIELDS, REQUIRED, fieldDef, type HeaderMap } from './aliases.js';
import { Failed, issuesOf, plainText, rowSchemas, type Convert, type RowSchemas } from './schemas.js';
import { DATA_KINDS, type CreditRating, type DataKind, type DataRowOf, type Inspection, type MonitoringRecord, type Objection, type SourceRef, type Text } from './types.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = [
  'data-encoding-invalid',
  'data-csv-unterminated',
  'data-sheet-skipped',
  'data-no-rows',
  'data-column-duplicate',
  'data-row-ragged',
  'data-value-unrecognised',
  'data-row-invalid',
] as const satisfies readonly FindingCode[];

export interface ReadDataOptions {
  kind: DataKind;
  /** the path as the user gave it (for findings and evidence) */
  file: string;
  allowList?: ReadonlySet<string>;
  map?: HeaderMap;
  /** false: read through a whole grid (openWorkbook, or the CSV as a sheet) instead of streaming rows; the result is the same (for differential tests) */
  stream?: boolean;
  /**
   * Keep the records of these enterprises (USCCs) only: the others' usable rows are read, checked
   * and reported on as always, and counted in `usable`, but not kept. An export of a whole city
   * is mostly enterprises no list names.
   */
  keep?: ReadonlySet<string>;
}

export interface InvalidRow {
  src: SourceRef;
  /** the USCC of the row, when it is readable */
  uscc?: string;
  finding: Finding;
}

export interface DataFile<K extends DataKind = DataKind> {
  ok: true;
  kind: K;
  file: string;
  format: 'xlsx' | 'csv';
  encoding?: EncodingName;
  /** sheets read (xlsx) */
  sheets: string[];
  records: DataRowOf[K][];
  /** usable rows: the records, and those `keep` left out */
  usable: number;
  /** rows that could not be used (each has its data-row-invalid finding in `findings`) */
  invalid: InvalidRow[];
  /** file-level findings and warnings about usable rows */
  findings: Finding[];
}

export type DataRead<K extends DataKind = DataKind> = DataFile<K> | { ok: false; reason: Text };

export async function readDataFile<K extends DataKind>(bytes: Uint8Array, opts: ReadDataOptions & { kind: K }): Promise<DataRead<K>> {
  const kind = sniff(bytes);
  if (kind === 'empty') return { ok: false, reason: { zh: '文件为空（0 字节）', en: 'the file is empty (0 bytes)' } };
  if (kind === 'zip' || kind === 'ole2') {
    if (opts.stream !== false) {
      const reader = new TableReader(opts, 'xlsx');
      if (streamWorkbook(bytes, (name) => reader.sheet(name))) return reader.finish([]);
    }
    const opened = await openWorkbook(bytes, { fileName: opts.file });
    if (!opened.ok) {
      const f = opened.findings[0]!;
      return { ok: false, reason: { zh: messageOf(f, 'zh'), en: messageOf(f, 'en') } };
    }
    const reader = new TableReader(opts, 'xlsx');
    for (const sheet of opened.workbook.sheets) visitGrid(sheet, reader.sheet(sheet.name));
    return reader.finish([...opened.findings]);
  }
  if (looksBinary(bytes)) {
    const d = describeNonWorkbook(bytes);
    return { ok: false, reason: { zh: `${d.zh}，也不是 CSV 文本`, en: `${d.en}, nor CSV text` } };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  if (/<(!doctype\s+html|html|table)[\s>]/.test(head)) {
    return {
      ok: false,
      reason: {
        zh: '文件内容是网页（HTML 表格，常见于“导出为 Excel”），请在 Excel/WPS 中打开后另存为 .xlsx 或 CSV',
        en: 'the file is a web page (an HTML table, as some "export to Excel" functions produce); open it in Excel/WPS and save it as .xlsx or CSV',
      },
    };
  }
  const decoded = decodeText(bytes);
  const findings: Finding[] = [];
  const base = { kind: opts.kind, encoding: ENCODING_NAME[decoded.encoding] };
  for (const line of decoded.badLines.slice(0, 20)) findings.push(finding('data-encoding-invalid', { file: opts.file, row: line }, { ...base, row: line }));
  if (decoded.badLines.length > 20) {
    findings.push(finding('data-encoding-invalid', { file: opts.file, row: decoded.badLines[20] }, { ...base, row: decoded.badLines[20], more: decoded.badLines.length - 20 }));
  }
  const reader = new TableReader(opts, 'csv', decoded.encoding);
  const visitor = reader.sheet(undefined);
  let unterminated: number | undefined;
  try {
    checkCsvRecords(decoded.text);
    if (opts.stream !== false) unterminated = visitCsv(decoded.text, visitor);
    else {
      const csv = parseCsv(decoded.text);
      unterminated = csv.unterminatedQuoteLine;
      visitGrid(csvToSheet(csv.records, ''), visitor);
    }
  } catch (err) {
    // past Excel's row or column limits, or a record of megabytes: refused whole, with the reason
    if (err instanceof CsvLimitError) return { ok: false, reason: { zh: err.zh, en: err.en } };
    throw err;
  }
  if (unterminated !== undefined) findings.push(finding('data-csv-unterminated', { file: opts.file, row: unterminated }, { kind: opts.kind, row: unterminated }));
  return reader.finish(findings);
}

/** A grid's rows, ascending, to a visitor. */
function visitGrid(sheet: GridSheet, v: SheetVisitor): void {
  for (const r of [...sheet.rows.keys()].sort((a, b) => a - b)) v.row(r, sheet.rows.get(r)!);
  v.end?.();
}

/** More distinct cells than this are not cached (a column of unique values gains nothing from it). */
const CACHE_CAP = 250_000;

/** A CSV's records as rows of text cells (what csvToSheet would hold), one at a time. Returns the line of an unterminated quote. */
function visitCsv(text: string, v: SheetVisitor): number | undefined {
  const row = new CellRow();
  const { unterminatedQuoteLine } = scanCsv(text, (line, values) => {
    row.clear();
    for (let i = 0; i < values.length; i++) {
      const value = csvValue(values[i]!);
      if (value !== '') row.set(i + 1, { t: 's', v: value });
    }
    v.row(line, row);
  });
  v.end?.();
  return unterminatedQuoteLine;
}

const UNSET: unique symbol = Symbol('unset');

/** A cell as one field holds it: its cleaned text, and its value once a row needed it. */
interface Entry {
  text: string;
  value: unknown;
}

/** Entries by key, up to CACHE_CAP of them, the last one looked up first: a column often repeats the value above. */
class EntryCache<K> {
  private readonly map = new Map<K, Entry>();
  private last: K | undefined;
  private lastEntry: Entry | undefined;
  get(key: K, cell: GridCell): Entry {
    if (key === this.last && this.lastEntry) return this.lastEntry;
    let e = this.map.get(key);
    if (e === undefined) {
      e = { text: fieldText(cell), value: UNSET };
      if (this.map.size < CACHE_CAP) this.map.set(key, e);
    }
    this.last = key;
    return (this.lastEntry = e);
  }
}

/**
 * One field's conversion, cached per cell: exports repeat the same cells (codes, dates, words)
 * row after row. A text cell is cached by its string — everything a conversion reads of it
 * follows from that — and any other cell by the object (the fast reader makes equal cells one
 * object). Exact: a conversion is pure, and its own memo still sees each key first exactly
 * when it would without this cache. A plain-text field (a name) is not cached: its text is as
 * quick to make as to look up.
 */
class FieldConversion {
  private readonly byText = new EntryCache<string>();
  private readonly byCell = new EntryCache<GridCell>();
  private readonly cached: boolean;
  /** the entry of an uncached field, reused row after row (a row's entries live only while it is read) */
  private readonly scratch: Entry = { text: '', value: UNSET };
  /** entries by shared-string index (CellRow.sharedIndex): an array load instead of hashing the text */
  private bySst: (Entry | undefined)[] = [];
  private absent: unknown = UNSET;
  private empty: unknown = UNSET;
  /** what the conversion reads, reused: it keeps nothing of it */
  private readonly arg: { cell: GridCell | undefined; text: string } = { cell: undefined, text: '' };

  constructor(private readonly convert: Convert) {
    this.cached = convert !== plainText;
  }

  entry(cell: GridCell): Entry {
    if (!this.cached) {
      this.scratch.text = fieldText(cell);
      this.scratch.value = UNSET;
      return this.scratch;
    }
    const v = cell.v;
    return cell.t === 's' && typeof v === 'string' ? this.byText.get(v, cell) : this.byCell.get(cell, cell);
  }

  /** entry(), for the shared string of index `sst` (-1: not known to be one) */
  entryOf(cell: GridCell, sst: number): Entry {
    if (sst < 0 || !this.cached) return this.entry(cell);
    let e = this.bySst[sst];
    if (e === undefined) {
      if (sst >= this.bySst.length) {
        // grown whole and filled: an array written at scattered indexes would turn into a slow dictionary
        const grown = new Array<Entry | undefined>(Math.max(sst + 1, this.bySst.length * 2, 1024)).fill(undefined);
        for (let i = 0; i < this.bySst.length; i++) grown[i] = this.bySst[i];
        this.bySst = grown;
      }
      this.bySst[sst] = e = this.entry(cell);
    }
    return e;
  }

  /** The field's value: the file has no such column (`present` false), the cell is empty (no entry), or the entry's. */
  value(present: boolean, cell: GridCell | undefined, e: Entry | undefined): unknown {
    if (!present) return this.absent === UNSET ? (this.absent = this.convert(undefined)) : this.absent;
    if (e === undefined) {
      if (this.empty === UNSET) {
        this.arg.cell = undefined;
        this.arg.text = '';
        this.empty = this.convert(this.arg);
      }
      return this.empty;
    }
    if (e.value === UNSET) {
      this.arg.cell = cell;
      this.arg.text = e.text;
      e.value = this.convert(this.arg);
    }
    return e.value;
  }
}

/** A row's values (in DATA_FIELDS order) as the object the typed schema checks: one literal per kind, so every row has the same shape. */
const TYPED_ROW: Record<DataKind, (v: unknown[]) => Record<string, unknown>> = {
  inspections: (v) => ({ uscc: v[0], name: v[1], date: v[2], method: v[3], severity: v[4], violation: v[5], selfReported: v[6] }),
  credit: (v) => ({ uscc: v[0], name: v[1], grade: v[2], year: v[3], date: v[4] }),
  monitoring: (v) => ({ uscc: v[0], name: v[1], installed: v[2], networked: v[3], status: v[4], compliant: v[5], rate: v[6], date: v[7] }),
  objections: (v) => ({ uscc: v[0], name: v[1], source: v[2], result: v[3], date: v[4] }),
};
for (const kind of DATA_KINDS) {
  const keys = DATA_FIELDS[kind].map((f) => f.key);
  if (Object.keys(TYPED_ROW[kind](keys)).join() !== keys.join()) throw new Error(`TYPED_ROW.${kind} does not follow DATA_FIELDS`);
}

/** Where each field is in a sheet and what the current row holds in it (index = the field's in DATA_FIELDS). */
interface Layout {
  header: HeaderFound;
  /** column per field, 0 when the sheet has none */
  cols: number[];
  letters: string[];
  headers: string[];
  cells: (GridCell | undefined)[];
  entries: (Entry | undefined)[];
  values: unknown[];
}

/**
 * The rows of one file's sheets (a CSV is one sheet without a name) → its DataFile. Sheets come
 * one after the other; each sheet's findings are kept apart and put in the order a whole-file
 * reader gives them in finish().
 */
class TableReader<K extends DataKind> {
  readonly kind: K;
  readonly file: string;
  readonly schemas: RowSchemas;
  readonly conversions: FieldConversion[];
  readonly keys: string[];
  readonly index: Record<string, number> = {};
  readonly records: DataRowOf[K][] = [];
  readonly invalid: InvalidRow[] = [];
  /** usable rows, kept or not */
  usable = 0;
  private readonly texts = new Map<GridCell, string>();
  private readonly sheets: SheetTable<K>[] = [];

  constructor(
    readonly opts: ReadDataOptions & { kind: K },
    private readonly format: 'xlsx' | 'csv',
    private readonly encoding?: EncodingName,
  ) {
    this.kind = opts.kind;
    this.file = opts.file;
    this.schemas = rowSchemas(opts.kind, opts.allowList);
    this.keys = this.schemas.convert.map(([k]) => k);
    this.keys.forEach((k, i) => (this.index[k] = i));
    this.conversions = this.schemas.convert.map(([, c]) => new FieldConversion(c));
  }

  /** The visitor for the next sheet (`name` undefined for a CSV). */
  sheet(name: string | undefined): SheetVisitor {
    const t = new SheetTable(this, name);
    this.sheets.push(t);
    return t;
  }

  /** A cell's cleaned text, cached by cell object. */
  text(cell: GridCell): string {
    let t = this.texts.get(cell);
    if (t === undefined) {
      t = fieldText(cell);
      if (this.texts.size < CACHE_CAP) this.texts.set(cell, t);
    }
    return t;
  }

  finish(fileFindings: Finding[]): DataRead<K> {
    const { kind, file } = this;
    const found = this.sheets.filter((s) => s.found);
    if (found.length === 0) {
      let best: HeaderFound | null = null;
      for (const s of this.sheets) {
        const h = s.header;
        if (h && (!best || Object.keys(h.columns).length > Object.keys(best.columns).length)) best = h;
      }
      return { ok: false, reason: missingColumns(kind, best, this.sheets.find((s) => s.preview !== undefined)?.preview ?? '') };
    }
    const findings = [...fileFindings];
    for (const s of this.sheets) {
      if (!s.found && this.format === 'xlsx' && s.rows > 0) findings.push(finding('data-sheet-skipped', { file, sheet: s.name }, { kind, sheet: s.name! }));
    }
    // the skipped-sheet notes only matter when some sheet was read
    const out: DataFile<K> = { ok: true, kind, file, format: this.format, sheets: [], records: this.records, usable: this.usable, invalid: this.invalid, findings };
    if (this.encoding) out.encoding = this.encoding;
    // name the sheet in the evidence only when the file holds several data sheets (else the row is enough)
    const multiSheet = found.length > 1;
    for (const s of found) {
      if (s.name !== undefined) out.sheets.push(s.name);
      for (const f of s.findings) findings.push(f);
      if (multiSheet && s.name !== undefined) {
        for (let i = s.records[0]; i < s.records[1]; i++) this.records[i]!.src.sheet = s.name;
        for (let i = s.invalid[0]; i < s.invalid[1]; i++) this.invalid[i]!.src.sheet = s.name;
      }
    }
    if (this.usable === 0 && this.invalid.length === 0) findings.push(finding('data-no-rows', { file }, { kind }));
    return out;
  }
}

/** One sheet: the header among its first rows (held until row 30 has passed), then its rows one by one. */
class SheetTable<K extends DataKind> implements SheetVisitor, RowView {
  /** rows seen (a sheet with none is not reported as skipped) */
  rows = 0;
  /** the first row's values, for the message when no sheet has a header */
  preview: string | undefined;
  header: HeaderFound | null = null;
  found = false;
  /** duplicate-column findings, then the rows' findings */
  readonly findings: Finding[] = [];
  /** [first, end) of this sheet's records and invalid rows in the file's lists */
  readonly records: [number, number];
  readonly invalid: [number, number];
  private pending: TableRow[] | null = [];
  private layout: Layout | undefined;

  constructor(
    private readonly t: TableReader<K>,
    readonly name: string | undefined,
  ) {
    this.records = [t.records.length, t.records.length];
    this.invalid = [t.invalid.length, t.invalid.length];
  }

  row(r: number, cells: ReadonlyMap<number, GridCell>): void {
    if (this.rows++ === 0) this.preview = rowPreview(cells);
    if (this.pending) {
      // (the map is the stream's, reused for the next row: keep a copy)
      if (r <= HEADER_SCAN_ROWS) {
        this.pending.push([r, new Map(cells)]);
        return;
      }
      this.decide();
    }
    if (this.layout) this.dataRow(r, cells);
  }

  end(): void {
    if (this.pending) this.decide();
    this.records[1] = this.t.records.length;
    this.invalid[1] = this.t.invalid.length;
  }

  /** The header, from the rows held; then those of them below it. */
  private decide(): void {
    const pending = this.pending!;
    this.pending = null;
    const { kind, file } = this.t;
    const header = findHeader(pending, kind, this.t.opts.map);
    this.header = header;
    if (!header || !hasRequired(kind, Object.keys(header.columns))) return;
    this.found = true;
    for (const d of header.duplicates) {
      const def = fieldDef(kind, d.field);
      this.findings.push(
        finding(
          'data-column-duplicate',
          { file, sheet: this.name, cell: d.ref, column: d.header },
          { kind, column: d.header, used: header.columns[d.field]!.header, field: def.key },
        ),
      );
    }
    const n = this.t.keys.length;
    const layout: Layout = {
      header,
      cols: [],
      letters: [],
      headers: [],
      cells: new Array<GridCell | undefined>(n).fill(undefined),
      entries: new Array<Entry | undefined>(n).fill(undefined),
      values: new Array(n).fill(undefined),
    };
    for (const key of this.t.keys) {
      const pos = header.columns[key];
      layout.cols.push(pos ? pos.col : 0);
      layout.letters.push(pos ? colLetters(pos.col) : '');
      layout.headers.push(pos ? pos.header : '');
    }
    this.layout = layout;
    for (const [r, cells] of pending) if (r > header.row) this.dataRow(r, cells);
  }

  /** A row below the header: skipped when blank in every recognised column, else a record or an invalid row. */
  private dataRow(r: number, cells: ReadonlyMap<number, GridCell>): void {
    const L = this.layout!;
    const t = this.t;
    const conv = t.conversions;
    const n = L.cols.length;
    let any = false;
    const row = cells instanceof CellRow ? cells : undefined;
    for (let i = 0; i < n; i++) {
      const col = L.cols[i]!;
      if (col === 0) continue;
      const cell = cells.get(col);
      const e = cell === undefined ? undefined : row ? conv[i]!.entryOf(cell, row.sharedIndex(col)) : conv[i]!.entry(cell);
      L.cells[i] = cell;
      L.entries[i] = e;
      if (e !== undefined && e.text !== '') any = true;
    }
    if (!any) return;
    this.extra = 0;
    // (a streamed row knows its last column: most rows have none beyond the header)
    if (!(cells instanceof CellRow) || cells.lastColumn() > L.header.width) cells.forEach(this.countExtra);
    const extra = this.extra;

    // every field, as zod evaluates them: all of them, even after one fails
    let failed = false;
    for (let i = 0; i < n; i++) {
      const v = conv[i]!.value(L.cols[i] !== 0, L.cells[i], L.entries[i]);
      if (v instanceof Failed) failed = true;
      L.values[i] = v;
    }
    // credit: the raw schema's refinement (a rating needs a year or a date)
    if (t.kind === 'credit' && !failed && L.values[t.index.year!] === undefined && L.values[t.index.date!] === undefined) failed = true;
    if (failed) {
      readRawRow(this.rawRow(r, cells, extra), t, this.findings);
      return;
    }

    const { kind, file } = t;
    if (extra > 0) this.findings.push(finding('data-row-ragged', { file, sheet: this.name, row: r }, { kind, row: r, extra }));
    const parsed = t.schemas.typed.safeParse(TYPED_ROW[kind](L.values));
    if (!parsed.success) throw new Error(`${file} row ${r}: the ${kind} converted to values of the wrong shape (${parsed.error.message})`);
    const v = parsed.data;
    this.current = r;
    const keep = t.opts.keep === undefined || t.opts.keep.has(v.uscc as string);
    const record = keep ? build(kind, v, this, { file, row: r }) : undefined;
    for (const w of unrecognised(kind, v, this)) {
      this.findings.push(
        finding(
          'data-value-unrecognised',
          { file, sheet: this.name, row: r, cell: w.field.ref, column: w.field.header },
          { kind, row: r, column: w.field.header, value: w.field.text, effect: w.effect, expected: w.expected },
          { value: w.field.text },
        ),
      );
    }
    t.usable++;
    if (record) (t.records as DataRowOf[DataKind][]).push(record);
  }

  /** the row dataRow is building (for text and field) */
  private current = 0;
  /** cells of the current row beyond the header's width that hold something */
  private extra = 0;

  // an arrow bound once per sheet, so forEach takes it as it is, without a closure per row
  private readonly countExtra = (cell: GridCell, c: number): void => {
    if (c > this.layout!.header.width && this.t.text(cell) !== '') this.extra++;
  };

  /** RowView of the current row: a field's text, '' without the column */
  text(i: number): string {
    return this.layout!.cols[i] ? (this.layout!.entries[i]?.text ?? '') : '';
  }

  /** RowView of the current row: the field with its reference, undefined without the column */
  field(i: number): RawField | undefined {
    const L = this.layout!;
    return L.cols[i] ? { ref: `${L.letters[i]}${this.current}`, header: L.headers[i]!, cell: L.cells[i], text: L.entries[i]?.text ?? '' } : undefined;
  }

  /** The row as the raw schema reads it: every recognised column, in the header's order, with its reference. */
  private rawRow(r: number, cells: ReadonlyMap<number, GridCell>, extra: number): RawRow {
    const fields: RawRow['fields'] = {};
    for (const [field, pos] of Object.entries(this.layout!.header.columns)) {
      const cell = cells.get(pos.col);
      fields[field] = { ref: `${colLetters(pos.col)}${r}`, header: pos.header, cell, text: cell === undefined ? '' : this.t.text(cell) };
    }
    const row: RawRow = { row: r, fields, extra };
    if (this.name !== undefined) row.sheet = this.name;
    return row;
  }
}

/** What build and unrecognised read of a row: a field's text ('' without the column), and the field with its reference. */
interface RowView {
  /** by the field's index in DATA_FIELDS (FIELD_INDEX) */
  text(i: number): string;
  field(i: number): RawField | undefined;
}

function rawView(row: RawRow, kind: DataKind): RowView {
  const key = (i: number) => DATA_FIELDS[kind][i]!.key;
  return { text: (i) => row.fields[key(i)]?.text ?? '', field: (i) => row.fields[key(i)] };
}

/** Each kind's field keys → their index in DATA_FIELDS (a RowView is read by index: this runs for every row). */
const FIELD_INDEX = Object.fromEntries(DATA_KINDS.map((kind) => [kind, Object.fromEntries(DATA_FIELDS[kind].map((f, i) => [f.key, i]))])) as Record<
  DataKind,
  Record<string, number>
>;
const IX = {
  inspections: { method: FIELD_INDEX.inspections.method!, severity: FIELD_INDEX.inspections.severity!, selfReported: FIELD_INDEX.inspections.selfReported! },
  credit: { grade: FIELD_INDEX.credit.grade! },
  objections: { result: FIELD_INDEX.objections.result! },
  monitoring: {
    installed: FIELD_INDEX.monitoring.installed!,
    networked: FIELD_INDEX.monitoring.networked!,
    status: FIELD_INDEX.monitoring.status!,
    compliant: FIELD_INDEX.monitoring.compliant!,
    rate: FIELD_INDEX.monitoring.rate!,
  },
};

/** Why no sheet can be read: no header at all (with what the file begins with), or the best header's missing columns. */
function missingColumns(kind: DataKind, best: HeaderFound | null, seen: string): Text {
  const label = { zh: zh.check.dataKind[kind], en: en.check.dataKind[kind] };
  if (!best) {
    return {
      zh: `没有找到${label.zh}的表头（须有“统一社会信用代码”列）${seen ? `；文件开头是：${seen}` : ''}。如表头写法不同，请用 --map 指定对应关系`,
      en: `no ${label.en} header was found (a 统一社会信用代码 column is needed)${seen ? `; the file begins: ${seen}` : ''}. If the headers are spelt differently, map them with --map`,
    };
  }
  const have = new Set(Object.keys(best.columns));
  const lacking = REQUIRED[kind].filter((g) => !g.some((f) => have.has(f)));
  const names = lacking.map((g) => g.map((f) => `“${fieldDef(kind, f).header}”`).join('或')).join('、');
  const namesEn = lacking.map((g) => g.map((f) => fieldDef(kind, f).header).join(' or ')).join(', ');
  const found = Object.values(best.columns)
    .map((c) => c.header)
    .join('、');
  return {
    zh: `${label.zh}的表头（第 ${best.row} 行：${found}）缺少 ${names} 列，无法核查。如文件中该列的表头写法不同，请用 --map 指定，如 {"${kind}": {"文件中的表头": "${fieldDef(kind, lacking[0]![0]!).header}"}}`,
    en: `the ${label.en} header (row ${best.row}: ${found}) lacks ${namesEn}, so nothing can be checked. If the file spells that header differently, map it with --map, e.g. {"${kind}": {"header in the file": "${fieldDef(kind, lacking[0]![0]!).header}"}}`,
  };
}

/**
 * A row the fast path could not use, read exactly as a whole-file reader reads every row: the
 * raw-row schema gives the issues (one per bad cell) of its data-row-invalid finding. (Should
 * the schema take the row after all, it becomes a record the same way.)
 */
function readRawRow<K extends DataKind>(row: RawRow, t: TableReader<K>, findings: Finding[]): void {
  const { kind, file } = t;
  const schema = t.schemas.raw;
  const src: SourceRef = { file, row: row.row };
  const loc = { file, sheet: row.sheet, row: row.row };
  if (row.extra > 0) findings.push(finding('data-row-ragged', loc, { kind, row: row.row, extra: row.extra }));
  // every column key present (absent columns as undefined): zod rejects missing keys
  const input = Object.fromEntries(DATA_FIELDS[kind].map((f) => [f.key, row.fields[f.key]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const first = row.fields[issues[0]?.field ?? ''];
    const f = finding('data-row-invalid', { ...loc, cell: first?.ref, column: first?.header }, { kind, row: row.row, issues: issues.map((i) => i.issue) }, { value: first?.text });
    const inv: InvalidRow = { src, finding: f };
    const u = schema.shape.uscc.safeParse(row.fields.uscc);
    if (u.success) inv.uscc = u.data;
    t.invalid.push(inv);
    findings.push(f);
    return;
  }
  const v = parsed.data as Record<string, unknown>;
  const view = rawView(row, kind);
  const record = build(kind, v, view, src);
  for (const w of unrecognised(kind, v, view)) {
    findings.push(
      finding(
        'data-value-unrecognised',
        { ...loc, cell: w.field.ref, column: w.field.header },
        { kind, row: row.row, column: w.field.header, value: w.field.text, effect: w.effect, expected: w.expected },
        { value: w.field.text },
      ),
    );
  }
  t.usable++;
  if (t.opts.keep === undefined || t.opts.keep.has(record.uscc)) (t.records as DataRowOf[DataKind][]).push(record);
}

function build(kind: DataKind, v: Record<string, unknown>, row: RowView, src: SourceRef): DataRowOf[DataKind] {
  const t = (i: number) => row.text(i);
  if (kind === 'inspections') {
    const r: Inspection = {
      uscc: v.uscc as string,
      name: v.name as string,
      date: v.date as string,
      method: v.method as Inspection['method'],
      methodText: t(IX.inspections.method),
      severity: v.severity as Inspection['severity'],
      severityText: t(IX.inspections.severity),
      violationText: v.violation as string,
      selfReported: v.selfReported as boolean | null,
      src,
    };
    return r;
  }
  if (kind === 'credit') {
    const year = v.year as number | undefined;
    const date = v.date as string | undefined;
    const r: CreditRating = {
      uscc: v.uscc as string,
      name: v.name as string,
      grade: v.grade as CreditRating['grade'],
      gradeText: t(IX.credit.grade),
      // A rating for year Y is made after the year ends: in force from 1 January of Y+1 unless dated.
      effective: date ?? `${year! + 1}-01-01`,
      basis: date ? 'date' : 'year',
      src,
    };
    if (year !== undefined) r.year = year;
    return r;
  }
  if (kind === 'objections') {
    const r: Objection = {
      uscc: v.uscc as string,
      name: v.name as string,
      source: v.source as string,
      result: v.result as Objection['result'],
      resultText: t(IX.objections.result),
      src,
    };
    if (v.date) r.date = v.date as string;
    return r;
  }
  const rate = v.rate as number | undefined;
  const hasInstalledColumn = row.field(IX.monitoring.installed) !== undefined;
  const r: MonitoringRecord = {
    uscc: v.uscc as string,
    name: v.name as string,
    // A row in a monitoring export stands for an installed system when the export has no 是否安装 column.
    installed: hasInstalledColumn ? (v.installed as boolean | null) : true,
    networked: v.networked as boolean | null,
    stable: v.status as boolean | null,
    // as stated: a 达标率 alone is judged against the stable-rate setting by the criteria engine
    compliant: v.compliant as boolean | null,
    src,
  };
  if (rate !== undefined && !Number.isNaN(rate)) r.rate = rate;
  if (v.date) r.date = v.date as string;
  return r;
}

/** What becomes of a value that cannot be read (the check labels phrase it). */
export type UnreadEffect = 'method' | 'severityWithText' | 'severityWithoutText' | 'selfReported' | 'unknown' | 'rate';

interface Unrec {
  field: RawField;
  effect: UnreadEffect;
  expected: string;
}

const NONE: readonly Unrec[] = Object.freeze([]);

/** The field when its cell is filled (the file has the column) and its value could not be read: null, or NaN for a number. */
function unread(out: Unrec[] | undefined, row: RowView, i: number, value: unknown, effect: UnreadEffect, expected: string): Unrec[] | undefined {
  if (row.text(i) && (value === null || (typeof value === 'number' && Number.isNaN(value)))) (out ??= []).push({ field: row.field(i)!, effect, expected });
  return out;
}

/** Filled cells whose value we could not read: the row is used, that value is not. */
function unrecognised(kind: DataKind, v: Record<string, unknown>, row: RowView): readonly Unrec[] {
  let out: Unrec[] | undefined;
  if (kind === 'inspections') {
    out = unread(out, row, IX.inspections.method, v.method, 'method', '现场检查 / 非现场检查 / 体检式帮扶');
    out = unread(out, row, IX.inspections.severity, v.severity, v.violation ? 'severityWithText' : 'severityWithoutText', '无 / 一般 / 严重');
    out = unread(out, row, IX.inspections.selfReported, v.selfReported, 'selfReported', '是 / 否');
  } else if (kind === 'monitoring') {
    out = unread(out, row, IX.monitoring.installed, v.installed, 'unknown', '是 / 否');
    out = unread(out, row, IX.monitoring.networked, v.networked, 'unknown', '是 / 否');
    out = unread(out, row, IX.monitoring.status, v.status, 'unknown', '稳定 / 异常');
    out = unread(out, row, IX.monitoring.compliant, v.compliant, 'unknown', '是 / 否');
    out = unread(out, row, IX.monitoring.rate, v.rate, 'rate', '如 98.5%');
  }
  return out ?? NONE;
}

/** Column headers of a kind, for help texts. */
export function headersOf(kind: DataKind): string[] {
  return DATA_FIELDS[kind].map((f) => f.header);
}
