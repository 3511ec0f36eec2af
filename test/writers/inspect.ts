/**
 * Checks on a written .xlsx at the XML level, for what makes Excel/WPS offer a "repair"
 * (invalid sheet names, formulas without a cached result, long inline list validations), plus an
 * exceljs read-back. Reusable by any test of a workbook writer.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxParts {
  /** sheet names in workbook order */
  sheetNames: string[];
  /** xl/worksheets/sheetN.xml by sheet name */
  sheetXml: Map<string, string>;
  workbookXml: string;
  files: Record<string, Uint8Array>;
}

function decodeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function parts(bytes: Uint8Array): XlsxParts {
  const files = unzipSync(bytes);
  const workbookXml = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const sheetXml = new Map<string, string>();
  const sheetNames: string[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)) {
    const name = decodeXml(m[1]!);
    sheetNames.push(name);
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const path = (target?.[1] ?? target?.[2] ?? '').replace(/^\/?(xl\/)?/, 'xl/');
    sheetXml.set(name, strFromU8(files[path]!));
  }
  return { sheetNames, sheetXml, workbookXml, files };
}

/** Every problem found; an empty list means the file is clean. */
export function hygieneProblems(bytes: Uint8Array): string[] {
  const p = parts(bytes);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of p.sheetNames) {
    if (name.length === 0 || name.length > 31) problems.push(`sheet name length ${name.length}: ${name}`);
    if (/[:\\/?*[\]]/.test(name)) problems.push(`sheet name with a forbidden character: ${name}`);
    if (/^'|'$/.test(name)) problems.push(`sheet name with a leading/trailing apostrophe: ${name}`);
    if (seen.has(name.toLowerCase())) problems.push(`duplicate sheet name: ${name}`);
    seen.add(name.toLowerCase());
    const xml = p.sheetXml.get(name)!;
    // every formula cell carries a finite cached value
    for (const c of xml.matchAll(/<c\b[^>]*>(.*?)<\/c>/gs)) {
      const inner = c[1]!;
      if (!/<f[\s>]/.test(inner)) continue;
      const v = /<v>([^<]*)<\/v>/.exec(inner);
      if (!v) problems.push(`${name}: formula without cached result: ${c[0]}`);
      else if (!/\bt="(str|s|b|e)"/.test(c[0]) && !Number.isFinite(Number(v[1]))) problems.push(`${name}: non-finite cached result: ${c[0]}`);
    }
    for (const f of xml.matchAll(/<formula[12]>([^<]*)<\/formula[12]>/g)) {
      const text = decodeXml(f[1]!);
      if (text.length > 255) problems.push(`${name}: validation formula over 255 characters (${text.length})`);
    }
    for (const dv of xml.matchAll(/<dataValidation\b([^>]*)>/g)) {
      const attrs = dv[1]!;
      const title = /errorTitle="([^"]*)"/.exec(attrs)?.[1] ?? '';
      const ptitle = /promptTitle="([^"]*)"/.exec(attrs)?.[1] ?? '';
      const err = /\berror="([^"]*)"/.exec(attrs)?.[1] ?? '';
      const prompt = /\bprompt="([^"]*)"/.exec(attrs)?.[1] ?? '';
      if (decodeXml(title).length > 32 || decodeXml(ptitle).length > 32) problems.push(`${name}: validation title over 32 characters`);
      if (decodeXml(err).length > 255 || decodeXml(prompt).length > 255) problems.push(`${name}: validation message over 255 characters`);
    }
    if (/NaN|Infinity/.test(xml.replace(/<t[^>]*>[^<]*<\/t>/g, ''))) problems.push(`${name}: NaN/Infinity in the sheet XML`);
  }
  return problems;
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** `worksheet.model.merges` (present at run time but missing from exceljs's types). */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
}

/** The data validation that applies to a cell (exceljs may key them by cell or by range). */
export function validationAt(ws: ExcelJS.Worksheet, ref: string): ExcelJS.DataValidation | undefined {
  return ws.getCell(ref).dataValidation as ExcelJS.DataValidation | undefined;
}

/** A formula cell as {formula, result}: read from the model, since `cell.value` drops a result of 0. */
export function formulaOf(cell: ExcelJS.Cell): { formula?: string; result?: unknown } {
  const m = cell.model as unknown as { formula?: string; result?: unknown };
  return { formula: m.formula, result: m.result };
}
