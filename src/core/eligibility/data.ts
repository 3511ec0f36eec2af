/** The enforcement data indexed by USCC, and the records that count on a date. */
import type { CreditRating, Inspection, MonitoringRecord, Objection, SourceRef } from '../data/types.js';
import type { DataFile } from '../data/read.js';
import { COMPLIANCE_RATE_THRESHOLD } from '../data/schemas.js';
import { withinOneYear } from '../values/dates.js';
import type { At, EnforcementIndex } from './types.js';

function group<T extends { uscc: string }>(records: T[], key: (r: T) => string, wanted?: ReadonlySet<string>): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of records) {
    if (wanted && !wanted.has(r.uscc)) continue;
    const list = m.get(r.uscc);
    if (list) list.push(r);
    else m.set(r.uscc, [r]);
  }
  // stable: by date, then file order
  for (const list of m.values()) if (list.length > 1) list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return m;
}

export interface DataFiles {
  inspections: DataFile<'inspections'>;
  credit: DataFile<'credit'>;
  monitoring?: DataFile<'monitoring'>;
  objections?: DataFile<'objections'>;
}

/**
 * `wanted`: the only enterprises that will be looked up (those on the lists): records of others
 * are left out of the index, which a 500,000-row export makes worth it.
 */
export function indexData(files: DataFiles, wanted?: ReadonlySet<string>, stableRate = COMPLIANCE_RATE_THRESHOLD): EnforcementIndex {
  const invalid = new Map<string, SourceRef[]>();
  for (const f of [files.inspections, files.credit, files.monitoring, files.objections]) {
    for (const inv of f?.invalid ?? []) {
      if (!inv.uscc) continue;
      // pushed, not copied: 100,000 unusable rows of one enterprise must not take quadratic time
      const list = invalid.get(inv.uscc);
      if (list) list.push(inv.src);
      else invalid.set(inv.uscc, [inv.src]);
    }
  }
  return {
    inspections: group(files.inspections.records, (r) => r.date, wanted),
    credit: group(files.credit.records, (r) => r.effective, wanted),
    monitoring: group(files.monitoring?.records ?? [], (r) => r.date ?? '', wanted),
    objections: group<Objection>(files.objections?.records ?? [], (r) => r.date ?? '', wanted),
    monitoringGiven: files.monitoring !== undefined,
    objectionsGiven: files.objections !== undefined,
    stableRate,
    invalid,
  };
}

/** Inspections on or before the date. */
export function inspectionsUpTo(at: At): Inspection[] {
  return (at.data.inspections.get(at.uscc) ?? []).filter((i) => i.date <= at.date);
}

/** Inspections within one year of the date (withinOneYear: after the same calendar day a year earlier, on or before the date). */
export function inspectionsWithinYear(at: At): Inspection[] {
  return (at.data.inspections.get(at.uscc) ?? []).filter((i) => withinOneYear(i.date, at.date));
}

export function inInspections(at: At): boolean {
  return at.data.inspections.has(at.uscc);
}

export function inCredit(at: At): boolean {
  return at.data.credit.has(at.uscc);
}

const GRADE_RANK = { trustworthy: 0, good: 1, warning: 2, bad: 3 } as const;

/**
 * The rating in force on the date: the latest made on or before it. Two ratings taking effect on the
 * same day (a duplicated export) → the worse one, so a doubtful record never helps an enterprise.
 */
export function ratingInForce(at: At): CreditRating | undefined {
  const made = (at.data.credit.get(at.uscc) ?? []).filter((r) => r.effective <= at.date);
  const last = made[made.length - 1];
  if (!last) return undefined;
  return worstRating(made.filter((r) => r.effective === last.effective));
}

/**
 * Ratings known by their 评价年度 only whose year is the date's own year: published some time during
 * the year after (Chongqing's practice) or — as some exports label them — during that very year, so
 * whether one was in force on the date cannot be told without its 评价日期.
 */
export function pendingRatings(at: At): CreditRating[] {
  const y = Number(at.date.slice(0, 4));
  return (at.data.credit.get(at.uscc) ?? []).filter((r) => r.basis === 'year' && r.year === y);
}

/** The worst of several ratings (a duplicated export: a doubtful record never helps an enterprise). */
export function worstRating(rs: CreditRating[]): CreditRating {
  return rs.reduce((w, r) => (GRADE_RANK[r.grade] > GRADE_RANK[w.grade] ? r : w));
}

/** The earliest rating of the enterprise (to explain why none was in force yet). */
export function firstRating(at: At): CreditRating | undefined {
  return at.data.credit.get(at.uscc)?.[0];
}

/**
 * Monitoring records in force on the date: among dated rows, those of the latest date on or before it;
 * and, on the as-of date only, undated rows — a snapshot of the present, which says nothing of the
 * inclusion date. Several rows (several outlets or monitoring points) all count.
 */
export function monitoringInForce(at: At): MonitoringRecord[] {
  const rows = at.data.monitoring.get(at.uscc) ?? [];
  const dated = rows.filter((r) => r.date !== undefined && r.date <= at.date);
  const latest = dated[dated.length - 1]?.date;
  return rows.filter((r) => (r.date === undefined ? at.moment === 'listed' : r.date === latest));
}

/** Inspections since the inclusion date (inclusive) up to the date; all up to the date when it is unknown. */
export function inspectionsSince(at: At): Inspection[] {
  return inspectionsUpTo(at).filter((i) => at.includedOn === undefined || i.date >= at.includedOn);
}

/** The objections of the enterprise reviewed on or before the date (undated ones: on the as-of date only). */
export function objectionsUpTo(at: At): Objection[] {
  return (at.data.objections.get(at.uscc) ?? []).filter((o) => (o.date === undefined ? at.moment === 'listed' : o.date <= at.date));
}
