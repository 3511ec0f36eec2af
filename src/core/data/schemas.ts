/**
 * zod schemas turning a raw row (cells under recognised headers) into a typed record. A row that
 * cannot be used — no or bad USCC, an unreadable date, an unknown credit grade — fails with one
 * issue per bad cell; each issue's path is the field and its params carry the reason as data
 * (a RowIssue, phrased by the check labels). Values that are merely unrecognised (检查方式 "走访") come out as null and are
 * reported as warnings by the reader, which knows the text.
 */
import { z } from 'zod';
import { checkUscc, describeNumericUscc, looksLikeExponentNumber, type UsccIssue } from '../ids/uscc.js';
import { cellDate } from '../values/cell.js';
import { isDateFormat } from '../workbook/dates.js';
import type { DateFault, IsoDate } from '../values/dates.js';
import { GRADES, parseGrade, type Grade } from './grades.js';
import { parseMethod, parseRate, parseReview, parseRunning, parseSeverity, parseYear, parseYesNo } from './values.js';
import type { RawField } from './table.js';
import type { DataKind } from './types.js';

/**
 * The default of the stable-rate setting (`--stable-rate`, config `stableRate`): monitoring data counts
 * as stably compliant from this 达标率 on, when 稳定达标 itself is not given. The notice names no figure.
 */
export const COMPLIANCE_RATE_THRESHOLD = 95;

/**
 * Why a cell makes its row unusable, as data: the check labels phrase it (`rowIssues`). `text` is
 * the cell as written; a date's reason is the date reader's (its own two texts).
 */
export type RowIssue =
  | { why: 'uscc-number'; shown: string }
  | { why: 'uscc-empty' | 'date-empty' | 'grade-empty' | 'credit-no-time' }
  | { why: 'uscc-exponent' | 'uscc-old15' | 'uscc-invalid' | 'grade-unknown' | 'year-invalid' | 'review-unknown'; text: string }
  | { why: 'uscc-length'; text: string; length: number }
  | { why: 'uscc-charset'; text: string; bad: string }
  | { why: 'uscc-checksum'; text: string; expected: string }
  | { why: 'date-unreadable'; text: string; fault: DateFault }
  /** an issue of zod's own (a programming error): its message */
  | { why: 'other'; message: string };

type Ctx = z.core.$RefinementCtx;

function bad(ctx: Ctx, issue: RowIssue): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: issue.why, params: { issue } });
  return z.NEVER;
}

/** A raw cell under a recognised header (undefined when the file has no such column). */
const raw = z.custom<RawField | undefined>((v) => v === undefined || (typeof v === 'object' && v !== null && 'text' in v));
/** What a field's conversion reads of a RawField: its cell and cleaned text (undefined: the file has no such column). */
export type FieldIn = Pick<RawField, 'cell' | 'text'> | undefined;
const textOf = (f: FieldIn) => f?.text ?? '';

/** Why a cell makes its row unusable. */
export class Failed {
  constructor(readonly reason: RowIssue) {}
}

/** One field's conversion: its value, or why the row cannot be used. Pure: the same cell and text always give the same result. */
export type Convert<T = unknown> = (f: FieldIn) => T | Failed;

/**
 * Memoised by the cell's text: exports repeat the same codes, dates and words on thousands of rows,
 * and a data file can hold 100,000 of them. A failed result is cached as its reason.
 */
function memo<T>(fn: Convert<T>): Convert<T> {
  const cache = new Map<string, T | Failed>();
  return (f) => {
    const cell = f?.cell;
    const key = cell && cell.t !== 's' ? `${cell.t}:${String(cell.v)}:${cell.numFmt ?? ''}` : `s:${textOf(f)}`;
    let r = cache.get(key);
    if (r === undefined && !cache.has(key)) {
      r = fn(f);
      if (cache.size < 100_000) cache.set(key, r);
    }
    return r as T | Failed;
  };
}

/** A conversion as a zod field: a failure becomes the field's issue. */
function field<T>(convert: Convert<T>) {
  return raw.transform((f, ctx) => {
    const r = convert(f);
    return r instanceof Failed ? bad(ctx, r.reason) : r;
  });
}

function usccReason(issue: UsccIssue | undefined, text: string): RowIssue {
  if (looksLikeExponentNumber(text)) return { why: 'uscc-exponent', text };
  switch (issue?.kind) {
    case 'old15':
      return { why: 'uscc-old15', text };
    case 'length':
      return { why: 'uscc-length', text, length: issue.length };
    case 'charset':
      return { why: 'uscc-charset', text, bad: issue.bad };
    case 'checksum':
      return { why: 'uscc-checksum', text, expected: issue.expected };
    default:
      return { why: 'uscc-invalid', text };
  }
}

/**
 * The USCC conversion of an allow list, shared by the files read with it: the inspection, credit
 * and monitoring exports of one run name the same enterprises, and checking a code is the
 * costliest conversion (exact: the result depends on the cell and the list alone).
 */
const USCC_BY_LIST = new WeakMap<ReadonlySet<string>, Convert<string>>();

function usccField(allowList?: ReadonlySet<string>): Convert<string> {
  if (!allowList) return newUsccField(undefined);
  let c = USCC_BY_LIST.get(allowList);
  if (!c) USCC_BY_LIST.set(allowList, (c = newUsccField(allowList)));
  return c;
}

function newUsccField(allowList: ReadonlySet<string> | undefined): Convert<string> {
  return memo((f) => {
    const cell = f?.cell;
    if (cell && cell.t === 'n' && typeof cell.v === 'number') {
      const shown = describeNumericUscc(cell.v);
      return new Failed({ why: 'uscc-number', shown });
    }
    const t = textOf(f);
    if (!t) return new Failed({ why: 'uscc-empty' });
    const r = checkUscc(t, allowList);
    if (!r.valid)
      return new Failed(
        usccReason(
          r.issues.find((i) => i.kind !== 'normalised'),
          t,
        ),
      );
    return r.normalised;
  });
}

function dateReason(f: FieldIn, reason: { fault: DateFault }): RowIssue {
  return { why: 'date-unreadable', text: textOf(f), fault: reason.fault };
}

/** A required date (the kind's date column: the labels name it). */
function dateField(): Convert<IsoDate> {
  return memo((f) => {
    const d = cellDate(f?.cell, isDateFormat);
    if (d.ok) return d.date;
    if (d.reason === 'empty') return new Failed({ why: 'date-empty' });
    return new Failed(dateReason(f, d));
  });
}

/** An optional date: undefined when empty, an issue when filled but unreadable. */
function optionalDateField(): Convert<IsoDate | undefined> {
  return memo((f) => {
    if (!f || (!f.text && !f.cell)) return undefined;
    const d = cellDate(f.cell, isDateFormat);
    if (d.ok) return d.date;
    if (d.reason === 'empty') return undefined;
    return new Failed(dateReason(f, d));
  });
}

/** A word read by `parse` (null when not recognised), memoised. */
function word<T>(parse: (text: string) => T): Convert<T> {
  return memo((f) => parse(textOf(f)));
}

/** A field read as its text (a name, a description). */
export const plainText: Convert<string> = textOf;

const grade: Convert<Grade> = (f) => {
  const g = parseGrade(textOf(f));
  if (g) return g;
  if (!textOf(f)) return new Failed({ why: 'grade-empty' });
  return new Failed({ why: 'grade-unknown', text: textOf(f) });
};

const year: Convert<number | undefined> = (f) => {
  const t = textOf(f);
  if (!t) return undefined;
  const y = parseYear(t);
  if (y === null) return new Failed({ why: 'year-invalid', text: t });
  return y;
};

const rate: Convert<number | undefined> = (f) => (textOf(f) ? parseRate(textOf(f)) : undefined);

/** 复核结果: an objection's outcome must not be guessed, so an unknown word makes the row unusable. */
const review: Convert<string> = (f) => {
  const r = parseReview(textOf(f));
  if (r) return r;
  return new Failed({ why: 'review-unknown', text: textOf(f) });
};

/** Each kind's fields, in the order of DATA_FIELDS (which is the order zod checks them and reports their issues in). */
function conversions(kind: DataKind, allowList?: ReadonlySet<string>): Record<string, Convert> {
  const common = { uscc: usccField(allowList), name: plainText };
  if (kind === 'inspections') {
    return {
      ...common,
      date: dateField(),
      method: word(parseMethod),
      severity: word(parseSeverity),
      violation: plainText,
      selfReported: word(parseYesNo),
    };
  }
  if (kind === 'credit') return { ...common, grade, year, date: optionalDateField() };
  if (kind === 'objections') return { ...common, source: plainText, result: memo(review), date: optionalDateField() };
  return {
    ...common,
    installed: word(parseYesNo),
    networked: word(parseYesNo),
    status: word(parseRunning),
    compliant: word(parseYesNo),
    rate,
    date: optionalDateField(),
  };
}

/** The schema of a raw row, as zod reports a bad one: one issue per bad cell, then (credit) a missing year and date. */
function rawRowSchema(kind: DataKind, convert: Record<string, Convert>) {
  const shape = Object.fromEntries(Object.entries(convert).map(([k, c]) => [k, field(c)]));
  const object = z.object(shape as { uscc: ReturnType<typeof field<string>> } & Record<string, ReturnType<typeof field>>);
  if (kind !== 'credit') return object;
  return object.superRefine((r, ctx) => {
    if (r.year === undefined && r.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'no rating year or date', params: { issue: { why: 'credit-no-time' } satisfies RowIssue } });
    }
  });
}

const yesNo = z.boolean().nullable();
const isoDate = z.string();

/** The typed values of a usable row, checked again once converted (the reader's fast path). */
const TYPED = {
  inspections: z.object({
    uscc: z.string(),
    name: z.string(),
    date: isoDate,
    method: z.enum(['onsite', 'offsite', 'assistance']).nullable(),
    severity: z.enum(['none', 'minor', 'serious']).nullable(),
    violation: z.string(),
    selfReported: yesNo,
  }),
  credit: z.object({
    uscc: z.string(),
    name: z.string(),
    grade: z.enum(GRADES as [Grade, ...Grade[]]),
    year: z.number().int().optional(),
    date: isoDate.optional(),
  }),
  monitoring: z.object({
    uscc: z.string(),
    name: z.string(),
    installed: yesNo,
    networked: yesNo,
    status: yesNo,
    compliant: yesNo,
    // NaN: a 达标率 that could not be read (reported as unrecognised)
    rate: z.union([z.number(), z.nan()]).optional(),
    date: isoDate.optional(),
  }),
  objections: z.object({
    uscc: z.string(),
    name: z.string(),
    source: z.string(),
    result: z.enum(['upheld', 'rejected', 'pending']),
    date: isoDate.optional(),
  }),
} as const;

export interface RowSchemas {
  /** raw row → typed values, with zod's issues for a row that cannot be used */
  raw: z.ZodType<Record<string, unknown>> & { shape: { uscc: z.ZodType<string> } };
  /** the fields' conversions in DATA_FIELDS order, sharing raw's caches (so either way gives the same values) */
  convert: [string, Convert][];
  /** typed values → the same values: the shape of a row converted without raw */
  typed: z.ZodType<Record<string, unknown>>;
}

/**
 * A kind's row schemas for one file. The conversions are memoised per call, so each file (each
 * allow list) gets its own; `raw` and `convert` share them.
 */
export function rowSchemas(kind: DataKind, allowList?: ReadonlySet<string>): RowSchemas {
  const convert = conversions(kind, allowList);
  return {
    raw: rawRowSchema(kind, convert) as unknown as RowSchemas['raw'],
    convert: Object.entries(convert),
    typed: TYPED[kind] as unknown as z.ZodType<Record<string, unknown>>,
  };
}

export function inspectionSchema(allowList?: ReadonlySet<string>) {
  return rowSchemas('inspections', allowList).raw;
}

export function creditSchema(allowList?: ReadonlySet<string>) {
  return rowSchemas('credit', allowList).raw;
}

export function monitoringSchema(allowList?: ReadonlySet<string>) {
  return rowSchemas('monitoring', allowList).raw;
}

/** The reason of a failed parse, per bad field, in row order of the fields. */
export function issuesOf(error: z.ZodError): { field: string; issue: RowIssue }[] {
  return error.issues.map((i) => {
    const params = (i as { params?: { issue?: RowIssue } }).params;
    return { field: String(i.path[0] ?? ''), issue: params?.issue ?? { why: 'other', message: i.message } };
  });
}
