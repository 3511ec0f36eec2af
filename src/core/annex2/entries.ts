import type { Annex2Doc, Annex2Row, Field } from '../reader/types.js';
import { checkUscc, looksLikeExponentNumber, withHiddenChars, type UsccResult } from '../ids/uscc.js';
import { checkPermit, type PermitResult } from '../ids/permit.js';
import { cellDate, cellText } from '../values/cell.js';
import { parseDateRange, type DateParse } from '../values/dates.js';
import { hasHiddenChars, toHalfWidth } from '../values/text.js';
import { isDateFormat } from '../workbook/dates.js';
import type { GridCell } from '../workbook/grid.js';

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

/**
 * Parses that repeat from row to row, by cell: the readers share one cell object per distinct
 * value, and a list's dates span a few hundred days and its 纳入情形 a handful of words. The
 * shared results are frozen: nothing may change one entry's date through another's.
 */
export class EntryMemo {
  private readonly includedOn = new Map<GridCell, DateParse>();
  private readonly validUntil = new Map<GridCell, NonNullable<Annex2Entry['validUntil']>>();
  private readonly criteria = new Map<string, CriterionN | null | undefined>();
  included(cell: GridCell | undefined): DateParse {
    if (!cell) return cellDate(cell, isDateFormat);
    let d = this.includedOn.get(cell);
    if (!d) this.includedOn.set(cell, (d = Object.freeze(cellDate(cell, isDateFormat))));
    return d;
  }
  /** 有效期至: a text cell may hold a range */
  until(cell: GridCell | undefined, text: string): NonNullable<Annex2Entry['validUntil']> {
    if (!cell) return cellDate(cell, isDateFormat);
    let d = this.validUntil.get(cell);
    if (!d) this.validUntil.set(cell, (d = Object.freeze(cell.t === 's' ? parseDateRange(text) : cellDate(cell, isDateFormat))));
    return d;
  }
  criterion(text: string): CriterionN | null | undefined {
    let c = this.criteria.get(text);
    if (c === undefined && !this.criteria.has(text)) this.criteria.set(text, (c = parseCriterion(text)));
    return c;
  }
}

export function parseEntry(row: Annex2Row, allowList?: ReadonlySet<string>, memo = new EntryMemo()): Annex2Entry {
  const f = row.fields;
  // each field read once: a row's fields are made when read
  const usccField = f.uscc;
  const includedField = f.includedOn;
  const untilField = f.validUntil;
  const usccText = text(usccField);
  const permitText = text(f.permit);
  const criterionText = text(f.criterion);
  let usccNumeric: number | undefined;
  let uscc: UsccResult | undefined;
  const uc = usccField?.cell;
  if (uc && uc.t === 'n' && typeof uc.v === 'number') usccNumeric = uc.v;
  // text like 9.15E+17 (a code that went through a number and back, e.g. via CSV) has lost digits the same way
  else if (looksLikeExponentNumber(usccText)) usccNumeric = Number(toHalfWidth(usccText).replace(/\s+/g, ''));
  else if (usccText) {
    uscc = checkUscc(usccText, allowList);
    // the cleaned text is the cell's own string unless cleaning changed something (rare): only then look
    if (uc && uc.v !== usccText && hasHiddenChars(cellText(uc))) uscc = withHiddenChars(uscc);
  }
  // every property set here, in one order: one object shape for all entries
  return {
    row: row.row,
    hidden: row.hidden,
    fields: f,
    seq: text(f.seq),
    name: text(f.name),
    location: text(f.location),
    industry: text(f.industry),
    usccText,
    usccNumeric,
    uscc,
    permitText,
    permit: permitText ? checkPermit(permitText, uscc?.valid ? uscc.normalised : undefined) : undefined,
    includedOn: includedField && (includedField.text || includedField.cell) ? memo.included(includedField.cell) : undefined,
    validUntil: untilField && (untilField.text || untilField.cell) ? memo.until(untilField.cell, untilField.text) : undefined,
    criterionText,
    criterion: memo.criterion(criterionText),
  };
}

export function parseEntries(doc: Annex2Doc, allowList?: ReadonlySet<string>): Annex2Entry[] {
  const memo = new EntryMemo();
  return doc.rows.map((r) => parseEntry(r, allowList, memo));
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
