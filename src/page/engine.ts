/**
 * What the self-check page does with the files a clerk drops, in the page's Web Worker: the same
 * validateFile, validateJson, findings workbook and templates as `zmqd validate` / `zmqd template`,
 * with no DOM and no Node API (so it also runs under vitest). The page has no LibreOffice: a legacy
 * .xls/.et gets the error that says how to save it as .xlsx, as the command line does without it.
 */
import { validateFile, type FileResult } from '../core/validate/validate.js';
import { MAX_FILE_BYTES, tooLargeFinding } from '../core/validate/input.js';
import { DEFAULT_ALLOW_LIST } from '../core/ids/allow-list.js';
import { resolveUnit } from '../core/roster/resolve.js';
import { finding } from '../core/findings/make.js';
import type { Lang } from '../core/findings/types.js';
import type { RuleOptions } from '../core/rules/types.js';
import type { AnnexDoc } from '../core/reader/types.js';
import { ANNEX2_COLUMNS } from '../core/layout/annex2.js';
import { ANNEX1_FIGURES } from '../core/layout/annex1.js';
import { colLetters } from '../core/workbook/grid.js';
import { validateJson, type ValidateJson } from '../core/report/validate-json.js';
import { buildValidateReport } from '../writers/findings-report.js';
import { buildTemplate, TEMPLATE_FILES, type TemplateAnnex } from '../writers/templates.js';

/** A file as the page has it: its name, size, and a way to read its bytes. */
export interface PageFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export interface PageOptions {
  asOf: string;
  /** a unit name of the roster (the district select), or undefined */
  district?: string;
}

/** The rule options of `zmqd validate --as-of D [--district N]` with the defaults of its other options. */
export function pageRuleOptions(o: PageOptions): RuleOptions {
  return { asOf: o.asOf, expiringDays: 90, allowList: new Set(DEFAULT_ALLOW_LIST), expectedUnit: o.district || undefined, cutover: undefined };
}

/** Validate the files in order, as validatePaths does; `onFile` is told before each one starts. */
export async function validatePageFiles(files: readonly PageFile[], o: PageOptions, onFile?: (index: number, name: string) => void): Promise<FileResult[]> {
  const opts = pageRuleOptions(o);
  const results: FileResult[] = [];
  for (const [i, f] of files.entries()) {
    onFile?.(i, f.name);
    if (f.size > MAX_FILE_BYTES) {
      results.push({ file: f.name, name: f.name, kind: null, district: null, rows: 0, findings: [tooLargeFinding(f.name, f.size)] });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await f.bytes();
    } catch (err) {
      const fnd = finding('file-unreadable', { file: f.name }, { reason: 'open-failed', detail: err instanceof Error ? err.message : String(err) });
      results.push({ file: f.name, name: f.name, kind: null, district: null, rows: 0, findings: [fnd] });
      continue;
    }
    results.push(await validateFile({ file: f.name, name: f.name, bytes }, { ...opts, fileName: f.name }));
  }
  return results;
}

/** The findings in both languages: the language switch does not validate again. */
export function bothLanguages(results: FileResult[], asOf: string): Record<Lang, ValidateJson> {
  return { zh: validateJson(results, asOf, 'zh'), en: validateJson(results, asOf, 'en') };
}

/** The workbook of `zmqd validate --report` for these results. */
export function reportBytes(json: ValidateJson, lang: Lang): Promise<Uint8Array> {
  return buildValidateReport(json, lang);
}

/** The blank template of `zmqd template annex1|annex2 [--district N]`, with its official file name. */
export async function templateFile(annex: TemplateAnnex, district?: string): Promise<{ name: string; bytes: Uint8Array }> {
  const r = district ? resolveUnit(district) : undefined;
  const unit = r && r.kind === 'ok' ? r.unit.name : undefined;
  return { name: TEMPLATE_FILES[annex], bytes: await buildTemplate(annex, unit) };
}

// ---------------------------------------------------------------- sheet preview

/** One column of the preview: where it is in the sheet and the header the file has. */
export interface PreviewColumn {
  col: number;
  letter: string;
  header: string;
}

/** One row of the preview: its worksheet row number and the texts of the preview's columns. */
export interface PreviewRow {
  row: number;
  cells: string[];
}

/** What the page can show of a file's table: the columns read, the header row(s), the lines above. */
export interface PreviewInfo {
  sheet: string;
  columns: PreviewColumn[];
  headerRow: number;
  /** 填报单位 / 填报时间 … as read, with their cells */
  meta: { ref: string; text: string }[];
  /** number of data rows (the rows of the window requests) */
  rowCount: number;
}

/** The preview of a file, kept in the worker: the annex as read, rendered a window at a time. */
export class Preview {
  readonly info: PreviewInfo;
  private readonly rowsOf: (from: number, count: number) => PreviewRow[];

  constructor(doc: AnnexDoc) {
    const meta = (['unit', 'date', 'contact', 'phone'] as const).flatMap((k) => (doc.meta[k] ? [{ ref: doc.meta[k]!.ref, text: doc.meta[k]!.text }] : []));
    if (doc.kind === 'annex2') {
      const keys = ANNEX2_COLUMNS.map((c) => c.key).filter((k) => doc.columns[k]);
      keys.sort((a, b) => doc.columns[a]!.col - doc.columns[b]!.col);
      const columns = keys.map((k) => ({ col: doc.columns[k]!.col, letter: colLetters(doc.columns[k]!.col), header: doc.columns[k]!.header }));
      this.info = { sheet: doc.sheet, columns, headerRow: doc.headerRow, meta, rowCount: doc.rows.length };
      this.rowsOf = (from, count) => doc.rows.slice(from, from + count).map((r) => ({ row: r.row, cells: keys.map((k) => r.fields[k]?.text ?? '') }));
    } else {
      const keys = ANNEX1_FIGURES.map((c) => c.key).filter((k) => doc.columns[k]);
      keys.sort((a, b) => doc.columns[a]!.col - doc.columns[b]!.col);
      const columns = [
        { col: doc.districtCol, letter: colLetters(doc.districtCol), header: '' },
        ...keys.map((k) => ({ col: doc.columns[k]!.col, letter: colLetters(doc.columns[k]!.col), header: doc.columns[k]!.header })),
      ];
      const rows = doc.total ? [...doc.rows, doc.total] : doc.rows;
      this.info = { sheet: doc.sheet, columns, headerRow: doc.headerRows[doc.headerRows.length - 1] ?? 0, meta, rowCount: rows.length };
      this.rowsOf = (from, count) => rows.slice(from, from + count).map((r) => ({ row: r.row, cells: [r.district.text, ...keys.map((k) => r.figures[k]?.text ?? '')] }));
    }
  }

  rows(from: number, count: number): PreviewRow[] {
    return this.rowsOf(Math.max(0, from), Math.max(0, count));
  }

  /** The window of `count` rows that shows worksheet row `row` near its top (the header row: the first window). */
  around(row: number, count: number): { from: number; rows: PreviewRow[] } {
    // rows are in sheet order: find the first at or after `row`
    let lo = 0,
      hi = this.info.rowCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rowsOf(mid, 1)[0]!.row < row) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, Math.min(lo - 3, this.info.rowCount - count));
    return { from, rows: this.rows(from, count) };
  }
}

/** The previews of a validation's results (null for a file with no table read). */
export function previewsOf(results: FileResult[]): (Preview | null)[] {
  return results.map((r) => {
    const doc = r.annex2?.doc ?? r.annex1?.doc;
    return doc ? new Preview(doc) : null;
  });
}
