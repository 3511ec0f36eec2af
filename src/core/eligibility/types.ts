import type { CriterionN } from '../annex2/entries.js';
import type { CreditRating, DataKind, Inspection, MonitoringRecord, Objection, SourceRef, Text } from '../data/types.js';
import type { IsoDate } from '../values/dates.js';

/** Three-valued outcome: a condition holds, does not hold, or the data cannot tell. */
export type Tri = 'met' | 'not-met' | 'unknown';

/** A record a verdict rests on: where it is, and its date (a rating known by its year only: the year). */
export interface Evidence extends SourceRef {
  kind: DataKind;
  date?: IsoDate;
  year?: number;
}

/** One condition's outcome, with the sentence that explains it and the records it rests on. */
export interface Cond {
  status: Tri;
  text: Text;
  evidence: Evidence[];
  /** identifies a base condition on a date, so a reason states it once and refers back after */
  key?: string;
  /** what to say when the same condition was already stated ('' = nothing) */
  brief?: Text;
  /** a composite: the parts that decide it, and how they combine */
  parts?: Cond[];
  op?: 'and' | 'or';
}

export interface CriterionResult extends Cond {
  n: CriterionN;
}

/** The enforcement data, indexed by USCC; each list sorted by date. */
export interface EnforcementIndex {
  inspections: Map<string, Inspection[]>;
  credit: Map<string, CreditRating[]>;
  monitoring: Map<string, MonitoringRecord[]>;
  objections: Map<string, Objection[]>;
  /** false when no --monitoring file was given: monitoring conditions are then "cannot tell" */
  monitoringGiven: boolean;
  /** false when no --objections file was given */
  objectionsGiven: boolean;
  /** the 达标率 (percent) from which monitoring data without a 稳定达标 column counts as stably compliant */
  stableRate: number;
  /** unusable data rows with a readable USCC, by USCC: evidence that was left out */
  invalid: Map<string, SourceRef[]>;
}

/**
 * The question asked of the data: this enterprise, on this date. Events after `date` do not count.
 * `moment` says which of the two questions (docs/check.md "两个问题、两个日期"): 'inclusion' — was
 * the listing right? every condition judged on `date`, the 纳入日期; 'listed' — may it stay? judged on
 * the as-of date, the on-site inspection of 二/三 carried from inclusion and their violations counted
 * since `includedOn`.
 */
export interface At {
  uscc: string;
  date: IsoDate;
  data: EnforcementIndex;
  moment: 'inclusion' | 'listed';
  /** the inclusion date, when known (for 'inclusion' it is `date`) */
  includedOn?: IsoDate;
}
