import type { Annex2Doc, Annex2Row, Field } from '../reader/types.js';
import { checkUscc, looksLikeExponentNumber, type UsccResult } from '../ids/uscc.js';
import { checkPermit, type PermitResult } from '../ids/permit.js';
import { cellDate } from '../values/cell.js';
import { parseDateRange, type DateParse } from '../values/dates.js';
import { toHalfWidth } from '../values/text.js';
import { isDateFormat } from '../workbook/dates.js';

export type CriterionN = 1 | 2 | 3 | 4 | 5;

/** One enterprise row of Annex 2, parsed once and shared by the rules, `check` and the reports. */
export interface Annex2Entry {
  row: number;
  hidden: boolean;
  fields: Annex2Row['fields'];
  seq: string;
  name: string;
  location: string;
  industry: string;
  /** the USCC as typed (cleaned text) */
  usccText: string;
  /** set when the USCC cell holds a number: digits are lost */
  usccNumeric?: number;
  uscc?: UsccResult;
  permitText: string;
  permit?: PermitResult;
  includedOn?: DateParse;
  /** 有效期至: a single date, or a range (its start is an inclusion date too) */
  validUntil?: { ok: true; from?: string; to: string } | DateParse;
  criterionText: string;
  /** 1..5, null when filled but unreadable, undefined when empty */
  criterion?: CriterionN | null;
}

const CRITERION_WORDS: Record<string, CriterionN> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5 };

/** 纳入情形 as written: 一, 1, 第一类, 情形二, 二（民生保障）, 五是…, 环保诚信 … */
export function parseCriterion(text: string): CriterionN | null | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  if (!t) return undefined;
  const m = /^(?:第|情形|条件|类别)?([一二三四五1-5ⅠⅡⅢⅣⅤ])(?:是|类|种|项|条|款|、|\.|．|\)|）|\(|（|$)/.exec(t);
  if (m) return CRITERION_WORDS[m[1]!]!;
  if (/疫情/.test(t)) return 1;
  if (/民生/.test(t)) return 2;
  if (/重大工程|重点领域/.test(t)) return 3;
  if (/在线监控/.test(t)) return 4;
  if (/环保诚信|信用/.test(t)) return 5;
  return null;
}

function text(f: Field | undefined): string {
  return f ? f.text : '';
}

export function parseEntry(row: Annex2Row, allowList?: ReadonlySet<string>): Annex2Entry {
  const f = row.fields;
  const e: Annex2Entry = {
    row: row.row,
    hidden: row.hidden,
    fields: f,
    seq: text(f.seq),
    name: text(f.name),
    location: text(f.location),
    industry: text(f.industry),
    usccText: text(f.uscc),
    permitText: text(f.permit),
    criterionText: text(f.criterion),
  };
  const uc = f.uscc?.cell;
  if (uc && uc.t === 'n' && typeof uc.v === 'number') e.usccNumeric = uc.v;
  // text like 9.15E+17 (a code that went through a number and back, e.g. via CSV) has lost digits the same way
  else if (looksLikeExponentNumber(e.usccText)) e.usccNumeric = Number(toHalfWidth(e.usccText).replace(/\s+/g, ""));
  else if (e.usccText) e.uscc = checkUscc(e.usccText, allowList);
  if (e.permitText) e.permit = checkPermit(e.permitText, e.uscc?.valid ? e.uscc.normalised : undefined);
  if (f.includedOn && (f.includedOn.text || f.includedOn.cell)) e.includedOn = cellDate(f.includedOn.cell, isDateFormat);
  if (f.validUntil && (f.validUntil.text || f.validUntil.cell)) {
    const cell = f.validUntil.cell;
    e.validUntil = cell && cell.t === 's' ? parseDateRange(f.validUntil.text) : cellDate(cell, isDateFormat);
  }
  e.criterion = parseCriterion(e.criterionText);
  return e;
}

export function parseEntries(doc: Annex2Doc, allowList?: ReadonlySet<string>): Annex2Entry[] {
  return doc.rows.map((r) => parseEntry(r, allowList));
}

/** The dates of an entry, for the validity rule. */
export function entryDates(e: Annex2Entry): { includedOn?: string; statedFrom?: string; statedUntil?: string } {
  const out: { includedOn?: string; statedFrom?: string; statedUntil?: string } = {};
  if (e.includedOn?.ok) out.includedOn = e.includedOn.date;
  const v = e.validUntil;
  if (v?.ok) {
    if ('to' in v) {
      out.statedUntil = v.to;
      if (v.from) out.statedFrom = v.from;
    } else out.statedUntil = v.date;
  }
  return out;
}
