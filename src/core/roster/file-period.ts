/**
 * Which period each submission reports, and which period an aggregation is for.
 *
 * A file's own period comes from its name (`3季度`, `三季度`, `第三季度`, `Q3`, `2021年度`) and its
 * 填报时间. The name is what the district wrote on purpose, so it wins; the date fills in a year
 * the name leaves out, and decides alone only when the name says nothing. A date alone is loose
 * evidence: a December or January date cannot tell the Q4 report from the annual one (due 10 December),
 * and a date outside the usual reporting window (periodFromDateDetail's `sure`) may be a late report
 * of the quarter it names or an early one of the next.
 */
import { daysBetween } from '../values/dates.js';
import { periodEnd, periodFromDateDetail, periodFromText, formatPeriod, samePeriod, type Period } from './period.js';
import type { FilePeriodShown, PeriodEvidence } from '../findings/catalogue/aggregate.js';
import { isIsoDate, type IsoDate } from './units.js';

type Q = 1 | 2 | 3 | 4;

export interface FilePeriod {
  /** the period the evidence points to, when both year and kind are known */
  period: Period | null;
  /** the name named a quarter or 年度 */
  fromName: boolean;
  /** the 填报时间 decided the quarter (name silent) or supplied the year */
  fromDate: boolean;
  /** the year the name gave, when the name gave a quarter/annual but the date is needed for the year */
  nameQuarter?: Q;
  nameAnnual?: boolean;
  nameYear?: number;
  /** decided by the date alone and the date is outside the clear reporting window */
  loose: boolean;
  date?: IsoDate;
}

/** The period evidence in a file name and a 填报时间. */
export function filePeriod(name: string, reportDate?: IsoDate): FilePeriod {
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const hint = periodFromText(stem);
  const date = reportDate && isIsoDate(reportDate) ? reportDate : undefined;
  const out: FilePeriod = { period: null, fromName: false, fromDate: false, loose: false };
  if (date) out.date = date;
  if (hint?.year !== undefined) out.nameYear = hint.year;
  if (hint?.quarter) out.nameQuarter = hint.quarter;
  if (hint?.annual) out.nameAnnual = true;
  if (hint && (hint.quarter || hint.annual)) {
    out.fromName = true;
    let year = hint.year;
    if (year === undefined && date) {
      year = nearestYear(date, hint.quarter);
      out.fromDate = true;
    }
    if (year !== undefined) out.period = hint.quarter ? { year, quarter: hint.quarter } : { year };
    return out;
  }
  if (date) {
    const d = periodFromDateDetail(date);
    // a year in the name (without a quarter) still constrains: keep the date's quarter only if it agrees
    if (hint?.year !== undefined && hint.year !== d.period.year) {
      out.loose = true;
      return out;
    }
    out.period = d.period;
    out.fromDate = true;
    out.loose = !d.sure;
  }
  return out;
}

/** The year whose quarter end (or 31 December) lies nearest the date: a Q4 report dated 2022-01-10 is 2021's. */
function nearestYear(date: IsoDate, quarter?: Q): number {
  const y = Number(date.slice(0, 4));
  let best = y;
  let bestDist = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    const end = periodEnd(quarter ? { year: cand, quarter } : { year: cand });
    const dist = Math.abs(daysBetween(date, end));
    if (dist < bestDist) {
      bestDist = dist;
      best = cand;
    }
  }
  return best;
}

function nextQuarter(p: Period): Period {
  if (!p.quarter) return { year: p.year + 1 };
  return p.quarter === 4 ? { year: p.year + 1, quarter: 1 } : { year: p.year, quarter: (p.quarter + 1) as Q };
}

/** Whether a file's evidence allows it to belong to period `p`. No evidence allows anything. */
export function compatible(fp: FilePeriod, p: Period): boolean {
  if (fp.fromName) {
    if (fp.nameAnnual && p.quarter) return false;
    if (fp.nameQuarter && p.quarter !== fp.nameQuarter) return false;
    if (fp.period) return fp.period.year === p.year;
    return fp.nameYear === undefined || fp.nameYear === p.year;
  }
  if (fp.nameYear !== undefined && fp.nameYear !== p.year) return false;
  if (!fp.period) return true;
  const d = fp.period;
  if (samePeriod(d, p)) return true;
  // a December/January date: the annual report of that year as much as its Q4 report
  if (!p.quarter && d.quarter === 4 && d.year === p.year) return true;
  if (fp.loose) {
    const n = nextQuarter(d);
    if (samePeriod(n, p)) return true;
    if (!p.quarter && p.year === d.year && n.quarter === 4) return true;
  }
  return false;
}

/** Whether the file carries any period evidence at all. */
export function hasEvidence(fp: FilePeriod): boolean {
  return fp.fromName || fp.period !== null || fp.nameYear !== undefined;
}

export interface PeriodDecision {
  period: Period;
  /** 'option' = --period; 'files' = the majority of the files; 'assumed' = no evidence, taken from the caller */
  source: 'option' | 'files' | 'assumed';
  /** files compatible with the period / files with any evidence */
  votes: number;
  evidence: number;
}

/**
 * The aggregation's period: the option when given, else the period most files are compatible with
 * (ties: more files naming it in their file name, then the later period), else `fallback`.
 * `null` when nothing decides it.
 */
export function decidePeriod(fps: readonly FilePeriod[], option?: Period, fallback?: Period): PeriodDecision | null {
  const withEvidence = fps.filter(hasEvidence);
  if (option) return { period: option, source: 'option', votes: withEvidence.filter((f) => compatible(f, option)).length, evidence: withEvidence.length };
  const cands: Period[] = [];
  for (const f of withEvidence) {
    if (f.period && !cands.some((c) => samePeriod(c, f.period!))) cands.push(f.period);
  }
  let best: { p: Period; votes: number; named: number } | undefined;
  for (const p of cands) {
    const votes = withEvidence.filter((f) => compatible(f, p)).length;
    const named = withEvidence.filter((f) => f.fromName && f.period && samePeriod(f.period, p)).length;
    if (!best || votes > best.votes || (votes === best.votes && (named > best.named || (named === best.named && later(p, best.p))))) best = { p, votes, named };
  }
  if (best) return { period: best.p, source: 'files', votes: best.votes, evidence: withEvidence.length };
  if (fallback) return { period: fallback, source: 'assumed', votes: 0, evidence: withEvidence.length };
  return null;
}

function later(a: Period, b: Period): boolean {
  const ea = periodEnd(a),
    eb = periodEnd(b);
  // the annual report and Q4 share an end date: prefer the annual one (it is the later deadline's report)
  return ea > eb || (ea === eb && !a.quarter && !!b.quarter);
}

/** Whether `a` ends strictly before `b` (a valid --previous for b). */
export function endsBefore(a: Period, b: Period): boolean {
  return periodEnd(a) < periodEnd(b);
}

/** How a file's own period was found, for messages. */
export function periodEvidence(fp: FilePeriod, name: string): PeriodEvidence {
  if (fp.fromName && fp.fromDate) return { from: 'name+date', name, date: fp.date ?? '' };
  if (fp.fromName) return { from: 'name', name };
  if (fp.fromDate) return { from: 'date', date: fp.date ?? '' };
  if (fp.nameYear !== undefined) return { from: 'name-year', year: fp.nameYear };
  return { from: 'none' };
}

/** A file's period as messages show it: the full period, or what is known of it (the labels phrase it). */
export function shownPeriod(fp: FilePeriod): FilePeriodShown {
  if (fp.period) return fp.period.quarter ? { year: fp.period.year, quarter: fp.period.quarter } : { year: fp.period.year, annual: true };
  if (fp.nameAnnual) return fp.nameYear ? { year: fp.nameYear, annual: true } : { annual: true };
  if (fp.nameQuarter) return { quarter: fp.nameQuarter };
  if (fp.nameYear !== undefined) return { year: fp.nameYear };
  return {};
}

/** A file's period as the value of a finding: 2025Q3, 2025, Q3, or what is known of it. */
export function filePeriodCode(fp: FilePeriod): string {
  if (fp.period) return formatPeriod(fp.period);
  if (fp.nameAnnual) return fp.nameYear ? String(fp.nameYear) : '年度';
  if (fp.nameQuarter) return `Q${fp.nameQuarter}`;
  if (fp.nameYear !== undefined) return String(fp.nameYear);
  return '';
}
