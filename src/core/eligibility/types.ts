import type { CriterionN } from '../annex2/entries.js';
import type { CreditRating, Inspection, MonitoringRecord, SourceRef, Text } from '../data/types.js';
import type { IsoDate } from '../values/dates.js';

/** Three-valued outcome: a condition holds, does not hold, or the data cannot tell. */
export type Tri = 'met' | 'not-met' | 'unknown';

/** One condition's outcome, with the sentence that explains it and the records it rests on. */
export interface Cond {
  status: Tri;
  text: Text;
  evidence: SourceRef[];
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
  /** false when no --monitoring file was given: monitoring conditions are then "cannot tell" */
  monitoringGiven: boolean;
  /** unusable data rows with a readable USCC, by USCC: evidence that was left out */
  invalid: Map<string, SourceRef[]>;
}

/** The question asked of the data: this enterprise, on this date. Events after `date` do not count. */
export interface At {
  uscc: string;
  date: IsoDate;
  data: EnforcementIndex;
}
