import { openWorkbook, type OpenOptions } from '../workbook/open.js';
import { recognise } from '../reader/detect.js';
import type { Annex1Doc, Annex2Doc, AnnexDoc, Meta } from '../reader/types.js';
import { parseEntries, type Annex2Entry } from '../annex2/entries.js';
import { parseAnnex1, type Annex1Parsed } from '../annex1/figures.js';
import { finding, sortFindings } from '../findings/make.js';
import { appendAll, capFindings, FindingCap } from '../findings/cap.js';
import { catalogue } from '../findings/catalogue/index.js';
import type { Finding } from '../findings/types.js';
import type { RuleContext, RuleOptions } from '../rules/types.js';
import { annex1Rules } from '../rules/annex1/index.js';
import { annex2Rules } from '../rules/annex2/index.js';
import { decideUnit, type UnitSource } from '../rules/common/unit.js';
import type { Unit } from '../roster/units.js';
import { parseDateText } from '../values/dates.js';
import { isCityBureau } from '../roster/city.js';
import { filePeriod } from '../roster/file-period.js';
import { periodEnd } from '../roster/period.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = ['file-unreadable'] as const satisfies readonly FindingCode[];

export interface FileInput {
  /** the path as the user gave it (shown in findings) */
  file: string;
  /** the file's base name, a source of the unit and the period */
  name: string;
  bytes: Uint8Array;
}

export interface Annex2Result {
  doc: Annex2Doc;
  entries: Annex2Entry[];
}
export interface Annex1Result {
  doc: Annex1Doc;
  parsed: Annex1Parsed;
}

export interface FileResult {
  file: string;
  name: string;
  kind: 'annex1' | 'annex2' | null;
  /** canonical unit name, or null when unknown or when the table covers several units */
  district: string | null;
  unit?: Unit;
  /** data rows: enterprises (Annex 2) or unit rows (Annex 1) */
  rows: number;
  /** 填报时间 / 填表时间, when readable */
  reportDate?: string;
  meta?: Meta;
  findings: Finding[];
  annex1?: Annex1Result;
  annex2?: Annex2Result;
}

/** Validate one file's bytes: open, recognise, read, run every rule. Never throws. */
export async function validateFile(input: FileInput, opts: RuleOptions & { reader?: OpenOptions['reader'] }): Promise<FileResult> {
  const result: FileResult = { file: input.file, name: input.name, kind: null, district: null, rows: 0, findings: [] };
  try {
    await validateInto(result, input, opts);
  } catch (err) {
    // a defect of ours must not stop the other files: report it as this file's problem
    result.findings.push(finding('file-unreadable', {}, { reason: 'internal', detail: firstLine(err) }));
  }
  for (const f of result.findings) f.file = input.file;
  // the rules' findings were capped as they came (makeContext); the reader's are capped here, in report order
  result.findings = capFindings(sortFindings(result.findings), opts.maxFindings);
  return result;
}

async function validateInto(result: FileResult, input: FileInput, opts: RuleOptions & { reader?: OpenOptions['reader'] }): Promise<void> {
  const docs = await readDocs(result, input, opts);
  const primary = docs[0];
  if (!primary) return;
  result.kind = primary.kind;
  const cap = new FindingCap(opts.maxFindings);
  for (const doc of docs) {
    const ctx = makeContext(result, doc, input, opts, cap);
    result.reportDate ??= ctx.reportDate;
    result.meta ??= doc.meta;
    if (doc.kind === 'annex2') {
      const entries = parseEntries(doc, opts.allowList);
      ctx.unit = decideUnit(unitSources(doc, input, opts), ctx);
      for (const rule of annex2Rules) rule.check(doc, entries, ctx);
      result.annex2 = { doc, entries };
    } else {
      const parsed = parseAnnex1(doc);
      ctx.unit = decideUnit(unitSources(doc, input, opts, parsed), ctx);
      for (const rule of annex1Rules) rule.check(doc, parsed, ctx);
      result.annex1 = { doc, parsed };
    }
    if (doc === primary) {
      result.unit = ctx.unit;
      result.district = ctx.unit?.name ?? null;
      result.rows = doc.rows.length;
    }
  }
  appendAll(result.findings, cap.omittedFindings());
}

/**
 * Open the workbook and read its annexes. Only the annexes come out: the workbook itself (a map per
 * row of every sheet) becomes garbage before the rules run, which on a 100,000-row list is most of the
 * memory a validation would otherwise hold at its peak.
 */
async function readDocs(result: FileResult, input: FileInput, opts: { reader?: OpenOptions['reader'] }): Promise<AnnexDoc[]> {
  const opened = await openWorkbook(input.bytes, { fileName: input.name, reader: opts.reader });
  appendAll(result.findings, opened.findings);
  if (!opened.ok) return [];
  const rec = recognise(opened.workbook);
  appendAll(result.findings, rec.findings);
  return rec.docs;
}

function makeContext(result: FileResult, doc: AnnexDoc, input: FileInput, opts: RuleOptions, cap: FindingCap): RuleContext & { reportDate?: string } {
  const d = doc.meta.date ? parseDateText(doc.meta.date.text) : undefined;
  const reportDate = d && d.ok ? d.date : undefined;
  // the roster is that of the period the file reports (its name, else its 填报时间), not of the day it was filed:
  // a 2025 Q3 report filed on 2025-10-09 still comes from the 41-unit roster
  const period = filePeriod(input.name, reportDate).period;
  const sheet = doc.sheet;
  const ctx: RuleContext & { reportDate?: string } = {
    ...opts,
    file: input.file,
    sheet,
    rosterDate: period ? periodEnd(period) : (reportDate ?? opts.asOf),
    reportDate,
    findings: result.findings,
    report(code, loc, ...rest) {
      // past the cap a finding is only counted: 100,000 bad rows do not become 100,000 findings in memory
      if (cap.admit(code, undefined, rest[1]?.severity ?? catalogue[code].severity)) result.findings.push(finding(code, { sheet, ...loc }, ...rest));
    },
  };
  return ctx;
}

function unitSources(doc: AnnexDoc, input: FileInput, opts: RuleOptions, parsed?: Annex1Parsed): UnitSource[] {
  const out: UnitSource[] = [];
  if (doc.kind === 'annex1' && parsed && parsed.rows.length === 1) {
    const u = parsed.rows[0]!;
    if (u.unitText) out.push({ kind: 'cell', text: u.unitText, ref: u.row.district.ref });
  }
  const meta = doc.meta.unit;
  if (meta && !isCityBureau(meta.text)) out.push({ kind: 'meta', text: meta.text, ref: meta.ref });
  out.push({ kind: 'file', text: input.name });
  if (opts.expectedUnit) out.push({ kind: 'option', text: opts.expectedUnit });
  return out;
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 200);
}
