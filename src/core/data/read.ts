/**
 * One enforcement-data file (bytes) → typed records + findings. xlsx or CSV, decided by the bytes.
 * A file that cannot be read at all (not a table, a legacy .xls, no USCC column …) is
 * `{ ok: false, reason }`: the CLI turns it into exit 2. Everything else — broken bytes, bad rows,
 * odd values — becomes a finding, and no row is dropped without one.
 */
import type { z } from 'zod';
import { openWorkbook } from '../workbook/open.js';
import { sniff, describeNonWorkbook } from '../workbook/sniff.js';
import type { GridSheet } from '../workbook/grid.js';
import { finding, messageOf } from '../findings/make.js';
import type { Finding, Params } from '../findings/types.js';
import { decodeText, looksBinary, ENCODING_NAME, type EncodingName } from './decode.js';
import { parseCsv } from './csv.js';
import { csvToSheet, findHeader, hasRequired, readRows, type HeaderFound, type RawRow } from './table.js';
import { DATA_FIELDS, KIND_LABEL, REQUIRED, fieldDef, type HeaderMap } from './aliases.js';
import { COMPLIANCE_RATE_THRESHOLD, creditSchema, inspectionSchema, issuesOf, monitoringSchema } from './schemas.js';
import type { CreditRating, DataKind, DataRowOf, Inspection, MonitoringRecord, SourceRef, Text } from './types.js';

export interface ReadDataOptions {
  kind: DataKind;
  /** the path as the user gave it (for findings and evidence) */
  file: string;
  allowList?: ReadonlySet<string>;
  map?: HeaderMap;
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
  /** rows that could not be used (each has its data-row-invalid finding in `findings`) */
  invalid: InvalidRow[];
  /** file-level findings and warnings about usable rows */
  findings: Finding[];
}

export type DataRead<K extends DataKind = DataKind> = DataFile<K> | { ok: false; reason: Text };

const kindParams = (kind: DataKind): Params => ({ kind: KIND_LABEL[kind].zh, kindEn: KIND_LABEL[kind].en });

export async function readDataFile<K extends DataKind>(bytes: Uint8Array, opts: ReadDataOptions & { kind: K }): Promise<DataRead<K>> {
  const sheets = await sheetsOf(bytes, opts);
  if ('reason' in sheets) return { ok: false, reason: sheets.reason };
  return readSheets(sheets, opts);
}

interface Sheets {
  sheets: GridSheet[];
  format: 'xlsx' | 'csv';
  encoding?: EncodingName;
  findings: Finding[];
}

async function sheetsOf(bytes: Uint8Array, opts: ReadDataOptions): Promise<Sheets | { reason: Text }> {
  const kind = sniff(bytes);
  if (kind === 'empty') return { reason: { zh: '文件为空（0 字节）', en: 'the file is empty (0 bytes)' } };
  if (kind === 'zip' || kind === 'ole2') {
    const opened = await openWorkbook(bytes, { fileName: opts.file });
    if (!opened.ok) {
      const f = opened.findings[0]!;
      return { reason: { zh: messageOf(f, 'zh'), en: messageOf(f, 'en') } };
    }
    return { sheets: opened.workbook.sheets, format: 'xlsx', findings: [...opened.findings] };
  }
  if (looksBinary(bytes)) {
    const d = describeNonWorkbook(bytes);
    return { reason: { zh: `${d.zh}，也不是 CSV 文本`, en: `${d.en}, nor CSV text` } };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  if (/<(!doctype\s+html|html|table)[\s>]/.test(head)) {
    return { reason: { zh: '文件内容是网页（HTML 表格，常见于“导出为 Excel”），请在 Excel/WPS 中打开后另存为 .xlsx 或 CSV', en: 'the file is a web page (an HTML table, as some "export to Excel" functions produce); open it in Excel/WPS and save it as .xlsx or CSV' } };
  }
  const decoded = decodeText(bytes);
  const findings: Finding[] = [];
  const base = { ...kindParams(opts.kind), encoding: ENCODING_NAME[decoded.encoding] };
  for (const line of decoded.badLines.slice(0, 20)) findings.push(finding('data-encoding-invalid', { file: opts.file, row: line }, { ...base, row: line }));
  if (decoded.badLines.length > 20) {
    findings.push(finding('data-encoding-invalid', { file: opts.file, row: decoded.badLines[20] }, { ...base, row: decoded.badLines[20], more: decoded.badLines.length - 20 }));
  }
  const csv = parseCsv(decoded.text);
  if (csv.unterminatedQuoteLine !== undefined) findings.push(finding('data-csv-unterminated', { file: opts.file, row: csv.unterminatedQuoteLine }, kindParams(opts.kind)));
  return { sheets: [csvToSheet(csv.records, '')], format: 'csv', encoding: decoded.encoding, findings };
}

function readSheets<K extends DataKind>(s: Sheets, opts: ReadDataOptions & { kind: K }): DataRead<K> {
  const { kind } = opts;
  const findings = [...s.findings];
  const found: { sheet: GridSheet; header: HeaderFound }[] = [];
  let best: HeaderFound | null = null;
  for (const sheet of s.sheets) {
    const header = findHeader(sheet, kind, opts.map);
    if (header && hasRequired(kind, Object.keys(header.columns))) found.push({ sheet, header });
    else {
      if (header && (!best || Object.keys(header.columns).length > Object.keys(best.columns).length)) best = header;
      if (s.format === 'xlsx' && sheet.rows.size > 0) findings.push(finding('data-sheet-skipped', { file: opts.file, sheet: sheet.name }, { ...kindParams(kind), sheet: sheet.name }));
    }
  }
  if (found.length === 0) return { ok: false, reason: missingColumns(kind, best, s) };
  // the skipped-sheet notes only matter when some sheet was read
  const out: DataFile<K> = { ok: true, kind, file: opts.file, format: s.format, sheets: [], records: [], invalid: [], findings };
  if (s.encoding) out.encoding = s.encoding;
  const schema = SCHEMAS[kind](opts.allowList) as unknown as RowSchema;
  for (const { sheet, header } of found) {
    const sheetName = s.format === 'xlsx' ? sheet.name : undefined;
    if (sheetName !== undefined) out.sheets.push(sheetName);
    for (const d of header.duplicates) {
      const def = fieldDef(kind, d.field);
      findings.push(finding('data-column-duplicate', { file: opts.file, sheet: sheetName, cell: d.ref, column: d.header }, { ...kindParams(kind), column: d.header, used: header.columns[d.field]!.header, field: def.header, fieldEn: def.en }));
    }
    for (const row of readRows(sheet, header, sheetName)) readRow(row, opts, schema, out, found.length > 1);
  }
  if (out.records.length === 0 && out.invalid.length === 0) findings.push(finding('data-no-rows', { file: opts.file }, kindParams(kind)));
  return out;
}

function missingColumns(kind: DataKind, best: HeaderFound | null, s: Sheets): Text {
  const label = KIND_LABEL[kind];
  if (!best) {
    const seen = firstRowTexts(s.sheets);
    return {
      zh: `没有找到${label.zh}的表头（须有“统一社会信用代码”列）${seen ? `；文件开头是：${seen}` : ''}。如表头写法不同，请用 --map 指定对应关系`,
      en: `no ${label.en} header was found (a 统一社会信用代码 column is needed)${seen ? `; the file begins: ${seen}` : ''}. If the headers are spelt differently, map them with --map`,
    };
  }
  const have = new Set(Object.keys(best.columns));
  const lacking = REQUIRED[kind].filter((g) => !g.some((f) => have.has(f)));
  const names = lacking.map((g) => g.map((f) => `“${fieldDef(kind, f).header}”`).join('或')).join('、');
  const namesEn = lacking.map((g) => g.map((f) => fieldDef(kind, f).header).join(' or ')).join(', ');
  const found = Object.values(best.columns).map((c) => c.header).join('、');
  return {
    zh: `${label.zh}的表头（第 ${best.row} 行：${found}）缺少 ${names} 列，无法核查。如文件中该列的表头写法不同，请用 --map 指定，如 {"${kind}": {"文件中的表头": "${fieldDef(kind, lacking[0]![0]!).header}"}}`,
    en: `the ${label.en} header (row ${best.row}: ${found}) lacks ${namesEn}, so nothing can be checked. If the file spells that header differently, map it with --map, e.g. {"${kind}": {"header in the file": "${fieldDef(kind, lacking[0]![0]!).header}"}}`,
  };
}

function firstRowTexts(sheets: GridSheet[]): string {
  for (const sh of sheets) {
    const rows = [...sh.rows.keys()].sort((a, b) => a - b);
    const r = rows[0];
    if (r === undefined) continue;
    const cells = [...sh.rows.get(r)!.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => String(c.v ?? '')).filter(Boolean);
    return cells.slice(0, 8).join('、').slice(0, 120);
  }
  return '';
}

const SCHEMAS = { inspections: inspectionSchema, credit: creditSchema, monitoring: monitoringSchema };

type RowSchema = z.ZodObject<{ uscc: z.ZodType<string> }> & z.ZodType<Record<string, unknown>>;

/** `multiSheet`: name the sheet in the evidence only when the file holds several data sheets (else the row is enough). */
function readRow<K extends DataKind>(row: RawRow, opts: ReadDataOptions & { kind: K }, schema: RowSchema, out: DataFile<K>, multiSheet: boolean): void {
  const { kind, file } = opts;
  const src: SourceRef = { file, row: row.row };
  if (multiSheet && row.sheet !== undefined) src.sheet = row.sheet;
  const loc = { file, sheet: row.sheet, row: row.row };
  if (row.extra > 0) out.findings.push(finding('data-row-ragged', loc, { ...kindParams(kind), row: row.row, extra: row.extra }));
  // every column key present (absent columns as undefined): zod rejects missing keys
  const input = Object.fromEntries(DATA_FIELDS[kind].map((f) => [f.key, row.fields[f.key]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const first = row.fields[issues[0]?.field ?? ''];
    const reason = { zh: issues.map((i) => i.reason.zh).join('；'), en: issues.map((i) => i.reason.en).join('; ') };
    const f = finding('data-row-invalid', { ...loc, cell: first?.ref, column: first?.header }, { ...kindParams(kind), row: row.row, reason: reason.zh, reasonEn: reason.en }, { value: first?.text });
    const inv: InvalidRow = { src, finding: f };
    const u = schema.shape.uscc.safeParse(row.fields.uscc);
    if (u.success) inv.uscc = u.data;
    out.invalid.push(inv);
    out.findings.push(f);
    return;
  }
  const v = parsed.data as Record<string, unknown>;
  const record = build(kind, v, row, src);
  for (const w of unrecognised(kind, v, row)) {
    out.findings.push(finding('data-value-unrecognised', { ...loc, cell: w.field.ref, column: w.field.header }, { ...kindParams(kind), row: row.row, column: w.field.header, value: w.field.text, effect: w.effect.zh, effectEn: w.effect.en, expected: w.expected }, { value: w.field.text }));
  }
  (out.records as DataRowOf[DataKind][]).push(record);
}

function build(kind: DataKind, v: Record<string, unknown>, row: RawRow, src: SourceRef): DataRowOf[DataKind] {
  const t = (k: string) => row.fields[k]?.text ?? '';
  if (kind === 'inspections') {
    const r: Inspection = {
      uscc: v.uscc as string, name: v.name as string, date: v.date as string,
      method: v.method as Inspection['method'], methodText: t('method'),
      severity: v.severity as Inspection['severity'], severityText: t('severity'),
      violationText: v.violation as string, selfReported: v.selfReported as boolean | null, src,
    };
    return r;
  }
  if (kind === 'credit') {
    const year = v.year as number | undefined;
    const date = v.date as string | undefined;
    const r: CreditRating = {
      uscc: v.uscc as string, name: v.name as string, grade: v.grade as CreditRating['grade'], gradeText: t('grade'),
      // A rating for year Y is made after the year ends: in force from 1 January of Y+1 unless dated.
      effective: date ?? `${year! + 1}-01-01`, basis: date ? 'date' : 'year', src,
    };
    if (year !== undefined) r.year = year;
    return r;
  }
  const rate = v.rate as number | undefined;
  const hasInstalledColumn = row.fields.installed !== undefined;
  const r: MonitoringRecord = {
    uscc: v.uscc as string, name: v.name as string,
    // A row in a monitoring export stands for an installed system when the export has no 是否安装 column.
    installed: hasInstalledColumn ? (v.installed as boolean | null) : true,
    networked: v.networked as boolean | null,
    stable: v.status as boolean | null,
    compliant: (v.compliant as boolean | null) ?? (rate !== undefined && !Number.isNaN(rate) ? rate >= COMPLIANCE_RATE_THRESHOLD : null),
    src,
  };
  if (rate !== undefined && !Number.isNaN(rate)) r.rate = rate;
  if (v.date) r.date = v.date as string;
  return r;
}

interface Unrec {
  field: NonNullable<RawRow['fields'][string]>;
  effect: Text;
  expected: string;
}

/** Filled cells whose value we could not read: the row is used, that value is not. */
function unrecognised(kind: DataKind, v: Record<string, unknown>, row: RawRow): Unrec[] {
  const out: Unrec[] = [];
  const check = (key: string, value: unknown, effect: Text, expected: string) => {
    const f = row.fields[key];
    if (f && f.text && (value === null || (typeof value === 'number' && Number.isNaN(value)))) out.push({ field: f, effect, expected });
  };
  if (kind === 'inspections') {
    check('method', v.method, { zh: '该次检查不计为现场检查或体检式帮扶，其违法记录仍计入', en: 'the inspection is not counted as on-site or as an assistance visit; its violation record still counts' }, '现场检查 / 非现场检查 / 体检式帮扶');
    check('severity', v.severity, { zh: v.violation ? '按违法行为的内容判断' : '无法判断有无违法，相关条件记为“无法判断”', en: v.violation ? 'judged from the violation text' : 'whether there was a violation cannot be told' }, '无 / 一般 / 严重');
    check('selfReported', v.selfReported, { zh: '视为未注明是否主动报告', en: 'treated as not stated' }, '是 / 否');
  } else if (kind === 'monitoring') {
    const un = { zh: '该项记为“无法判断”', en: 'that condition cannot be told' };
    check('installed', v.installed, un, '是 / 否');
    check('networked', v.networked, un, '是 / 否');
    check('status', v.status, un, '稳定 / 异常');
    check('compliant', v.compliant, un, '是 / 否');
    check('rate', v.rate, { zh: '达标率不计', en: 'the rate is ignored' }, '如 98.5%');
  }
  return out;
}

/** Column headers of a kind, for help texts. */
export function headersOf(kind: DataKind): string[] {
  return DATA_FIELDS[kind].map((f) => f.header);
}
