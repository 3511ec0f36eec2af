/**
 * `check`: every entry of every Annex 2 list judged against the enforcement data. Pure: the lists
 * come validated (validateFile), the data files read (readDataFile); this joins them, raises the
 * check findings at each entry's row, flags an enterprise listed by two districts, and counts.
 */
import type { Annex2Entry, CriterionN } from '../annex2/entries.js';
import { entryDates } from '../annex2/entries.js';
import { validityOf, type ValidityStatus } from '../annex2/validity.js';
import { describeNumericUscc } from '../ids/uscc.js';
import { finding, type FindingExtra } from '../findings/make.js';
import type { ParamArgs } from '../findings/catalogue/index.js';
import { appendAll, capFindings } from '../findings/cap.js';
import type { Finding, Location } from '../findings/types.js';
import type { FileResult } from '../validate/validate.js';
import type { DataFile } from '../data/read.js';
import type { DataKind, Text } from '../data/types.js';
import type { EncodingName } from '../data/decode.js';
import { assessEntry, indexData, type Assessment, type EnforcementIndex, type Evidence, type Judgement, type Note, type NoteCode } from '../eligibility/index.js';
import { COMPLIANCE_RATE_THRESHOLD } from '../data/schemas.js';
import type { DataFiles } from '../eligibility/data.js';
import type { IsoDate } from '../values/dates.js';
import { othersListing } from '../report/across.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = ['check-file-skipped', 'uscc-duplicate-across-districts'] as const satisfies readonly FindingCode[];

/** What an entry needs, most urgent first: the order of the text report and the workbook. */
export type Action = 'remove' | 'renew' | 'verify' | 'attention' | 'ok';
export const ACTIONS: readonly Action[] = ['remove', 'renew', 'verify', 'attention', 'ok'];
export const ACTION_LABEL: Record<Action, Text> = {
  remove: { zh: '应移出', en: 'remove' },
  renew: { zh: '已过期', en: 'expired' },
  verify: { zh: '待核实', en: 'to verify' },
  attention: { zh: '需关注', en: 'attention' },
  ok: { zh: '符合', en: 'eligible' },
};

export interface CheckedEntry {
  file: string;
  sheet: string;
  district: string | null;
  row: number;
  name: string;
  /** normalised when valid, else as written */
  uscc: string;
  includedOn: IsoDate | null;
  validUntil: IsoDate | null;
  validity: ValidityStatus;
  declaredCriterion: CriterionN | null;
  metCriteria: CriterionN[];
  /** extension: the criteria met on the inclusion date (null without one) */
  metCriteriaAtInclusion: CriterionN[] | null;
  eligible: boolean | null;
  eligibleAtInclusion: boolean | null;
  mustRemove: boolean;
  neverAgain: boolean;
  /** extension: an objection to the listing upheld on review (三(三)) */
  objectionUpheld: boolean;
  /** extension: an objection not reviewed yet */
  objectionPending: boolean;
  /** extension: the sources the enterprise is absent from */
  notInData: DataKind[];
  /** extension: each verdict with the conditions it was judged on and their records */
  verdicts: { whileListed: VerdictDetail | null; atInclusion: VerdictDetail | null };
  action: Action;
  reasons: Text[];
  findings: Finding[];
}

/** One verdict and what it rests on: each criterion considered, with its reason and records; what bars it. */
export interface VerdictDetail {
  date: IsoDate;
  eligible: boolean | null;
  /** the verdict's sentence, with its records (one of the entry's reasons) */
  summary: Text;
  criteria: { criterion: CriterionN; declared: boolean; status: 'met' | 'not-met' | 'unknown'; reason: Text; evidence: Evidence[] }[];
  bars: { code: string; reason: Text; evidence: Evidence[] }[];
}

export interface DataSourceSummary {
  kind: DataKind;
  file: string;
  format: 'xlsx' | 'csv';
  encoding: EncodingName | null;
  sheets: string[];
  rows: number;
  invalid: number;
}

export interface CheckSummary {
  entries: number;
  eligible: number;
  ineligible: number;
  unverifiable: number;
  expired: number;
  expiring: number;
  mustRemove: number;
  neverAgain: number;
  /** extension: entries with an objection upheld on review */
  objectionUpheld: number;
}

export interface CheckResult {
  asOf: IsoDate;
  /** the 达标率 threshold the monitoring data was judged with */
  stableRate: number;
  entries: CheckedEntry[];
  /** findings not tied to an entry: whole files, data files, rows that are not entries */
  findings: Finding[];
  data: DataSourceSummary[];
  summary: CheckSummary;
}

export interface CheckInput {
  lists: FileResult[];
  data: DataFiles;
  asOf: IsoDate;
  expiringDays: number;
  /** the 达标率 (percent) that counts as stably compliant where an export has no 稳定达标 column (default 95) */
  stableRate?: number;
  /** at most this many findings of one code per file among the findings not tied to an entry (default 1,000) */
  maxFindings?: number;
}

/**
 * The enterprises the lists can be judged on: the valid USCCs of their entries. Only their data
 * records are ever looked up (readDataFile's `keep`, indexData's `wanted`).
 */
export function listedUsccs(lists: readonly FileResult[]): Set<string> {
  const listed = new Set<string>();
  for (const r of lists) for (const e of r.annex2?.entries ?? []) if (e.uscc?.valid) listed.add(e.uscc.normalised);
  return listed;
}

export function runCheckCore(input: CheckInput): CheckResult {
  const stableRate = input.stableRate ?? COMPLIANCE_RATE_THRESHOLD;
  const index = indexData(input.data, listedUsccs(input.lists), stableRate);
  const entries: CheckedEntry[] = [];
  const findings: Finding[] = [];
  for (const r of input.lists) {
    if (!r.annex2) {
      if (r.kind === 'annex1') findings.push(finding('check-file-skipped', { file: r.file }));
      else appendAll(findings, r.findings);
      continue;
    }
    const rows = new Set(r.annex2.entries.map((e) => e.row));
    for (const f of r.findings) if (f.row === undefined || !rows.has(f.row)) findings.push(f);
    for (const e of r.annex2.entries) entries.push(checkEntry(r, e, index, input));
  }
  acrossDistricts(entries);
  for (const e of entries) e.action = actionOf(e);
  appendAll(findings, dataFindings(input.data, new Set(entries.map((e) => e.uscc))));
  // an export of 100,000 unusable rows gives the first of each kind and their count, not 100,000 findings
  return { asOf: input.asOf, stableRate, entries, findings: capFindings(findings, input.maxFindings), data: dataSummary(input.data), summary: summarise(entries) };
}

function checkEntry(r: FileResult, e: Annex2Entry, index: EnforcementIndex, input: CheckInput): CheckedEntry {
  const validity = validityOf(entryDates(e), input.asOf, input.expiringDays);
  const uscc = e.uscc?.valid ? e.uscc.normalised : undefined;
  const a = assessEntry({ name: e.name, uscc, declared: e.criterion, validity }, index, input.asOf);
  const sheet = r.annex2!.doc.sheet;
  const out: CheckedEntry = {
    file: r.file,
    sheet,
    district: r.district,
    row: e.row,
    name: e.name,
    uscc: uscc ?? (e.usccNumeric !== undefined ? describeNumericUscc(e.usccNumeric) : e.usccText),
    includedOn: validity.includedOn ?? null,
    validUntil: validity.validUntil ?? null,
    validity: validity.status,
    declaredCriterion: e.criterion ?? null,
    metCriteria: a.metCriteria,
    metCriteriaAtInclusion: a.metAtInclusion,
    eligible: a.eligible,
    eligibleAtInclusion: a.eligibleAtInclusion,
    mustRemove: a.mustRemove,
    neverAgain: a.neverAgain,
    objectionUpheld: a.objectionUpheld,
    objectionPending: a.objectionPending,
    notInData: a.notInData,
    verdicts: {
      whileListed: a.asOf && a.summaries.whileListed ? detail(a.asOf, a.eligible, e.criterion, a.summaries.whileListed) : null,
      atInclusion: a.atInclusion && a.summaries.atInclusion ? detail(a.atInclusion, a.eligibleAtInclusion, e.criterion, a.summaries.atInclusion) : null,
    },
    action: 'ok',
    reasons: a.reasons,
    findings: [...r.findings.filter((f) => f.row === e.row), ...noteFindings(a, e, r.file, sheet)],
  };
  return out;
}

function detail(j: Judgement, eligible: boolean | null, declared: CriterionN | null | undefined, summary: Text): VerdictDetail {
  return {
    date: j.date,
    eligible,
    summary,
    criteria: j.criteria.map((c) => ({ criterion: c.n, declared: c.n === declared, status: c.status, reason: c.text, evidence: c.evidence })),
    bars: j.bars.map((b) => ({ code: b.code, reason: b.text, evidence: b.evidence })),
  };
}

function noteFindings(a: Assessment, e: Annex2Entry, file: string, sheet: string): Finding[] {
  const at = (key: 'uscc' | 'name'): Location => {
    const f = e.fields[key] ?? e.fields.name ?? e.fields.uscc;
    return f ? { file, sheet, cell: f.ref, row: e.row, column: f.header } : { file, sheet, row: e.row };
  };
  return a.notes.map((n) => (n.code === 'not-in-data' ? finding(n.code, at('uscc'), n.params, { value: n.params.value }) : noteFinding(n, at('name'))));
}

/** A note's finding: its code with the parameters the note holds for that code. */
function noteFinding<C extends NoteCode>(n: Note<C>, loc: Location): Finding {
  // (tsc does not follow a code and its parameters through a union of notes: Note<C> pairs them)
  return finding(n.code as C, loc, ...([n.params] as ParamArgs<C, FindingExtra>));
}

/** The same USCC on two districts' lists (a district unknown: its file stands for it). */
function acrossDistricts(entries: CheckedEntry[]): void {
  for (const [e, others] of othersListing(
    entries,
    (x) => x.uscc,
    (x) => x.district ?? x.file,
  )) {
    e.findings.push(
      finding('uscc-duplicate-across-districts', { file: e.file, sheet: e.sheet, row: e.row, column: '统一社会信用代码' }, { name: e.name, others }, { value: e.uscc }),
    );
    e.reasons.push({
      zh: `该企业同时列在${others.join('、')}的清单中，请与相关区县核实由谁纳入`,
      en: `the enterprise is also on the list of ${others.join(', ')}; agree which unit lists it`,
    });
  }
}

function actionOf(e: CheckedEntry): Action {
  if (e.neverAgain || e.mustRemove || e.objectionUpheld || e.eligible === false) return 'remove';
  if (e.validity === 'expired') return 'renew';
  if (e.eligible === null || e.eligibleAtInclusion === false || (e.includedOn !== null && e.eligibleAtInclusion === null) || e.objectionPending) return 'verify';
  if (e.validity === 'expiring' || e.findings.some((f) => f.severity !== 'info')) return 'attention';
  return 'ok';
}

/**
 * The data files' findings. An unusable row matters when it may belong to a listed enterprise: an
 * error when its USCC is unreadable or listed (the message says the verdict may be wrong), only a
 * warning when it names an enterprise on no list.
 */
function dataFindings(data: DataFiles, listed: Set<string>): Finding[] {
  const out: Finding[] = [];
  for (const f of [data.inspections, data.credit, data.monitoring, data.objections] as (DataFile | undefined)[]) {
    if (!f) continue;
    const invalid = new Map(f.invalid.map((i) => [i.finding, i]));
    for (const x of f.findings) {
      const inv = invalid.get(x);
      if (!inv || inv.uscc === undefined) out.push(x);
      else if (listed.has(inv.uscc)) out.push({ ...x, params: { ...x.params, listed: 1 } });
      else out.push({ ...x, severity: 'warning' });
    }
  }
  return out;
}

function dataSummary(data: DataFiles): DataSourceSummary[] {
  return ([data.inspections, data.credit, data.monitoring, data.objections] as (DataFile | undefined)[])
    .filter((f): f is DataFile => f !== undefined)
    .map((f) => ({ kind: f.kind, file: f.file, format: f.format, encoding: f.encoding ?? null, sheets: f.sheets, rows: f.usable, invalid: f.invalid.length }));
}

function summarise(entries: CheckedEntry[]): CheckSummary {
  const n = (p: (e: CheckedEntry) => boolean) => entries.filter(p).length;
  return {
    entries: entries.length,
    eligible: n((e) => e.eligible === true),
    ineligible: n((e) => e.eligible === false),
    unverifiable: n((e) => e.eligible === null),
    expired: n((e) => e.validity === 'expired'),
    expiring: n((e) => e.validity === 'expiring'),
    mustRemove: n((e) => e.mustRemove),
    neverAgain: n((e) => e.neverAgain),
    objectionUpheld: n((e) => e.objectionUpheld),
  };
}
