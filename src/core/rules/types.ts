import type { Finding, Location } from '../findings/types.js';
import type { FindingExtra } from '../findings/make.js';
import type { Annex1Doc, Annex2Doc, Field } from '../reader/types.js';
import type { Annex2Entry } from '../annex2/entries.js';
import type { Annex1Parsed } from '../annex1/figures.js';
import type { Unit } from '../roster/units.js';
import type { FindingCode, ParamArgs } from '../findings/catalogue/index.js';

export interface RuleOptions {
  /** the date expiry and "within one year" are judged on */
  asOf: string;
  /** window for `entry-expiring` */
  expiringDays: number;
  /** USCCs accepted despite a failed checksum */
  allowList: ReadonlySet<string>;
  /** the unit the caller expects (--district), already a raw name */
  expectedUnit?: string;
  /** first day of the 39-unit roster */
  cutover?: string;
  /** the file name (not the path) for unit/period hints */
  fileName?: string;
  /** at most this many findings of one code per file (default 1,000; the rest are counted in one findings-omitted) */
  maxFindings?: number;
}

/** What every rule gets: the options, and a way to report at a location. */
export interface RuleContext extends RuleOptions {
  file: string;
  sheet: string;
  /** the reporting unit resolved from the file, when known (set by the district rule) */
  unit?: Unit;
  /** the date the roster is judged at (end of the period, else as-of) */
  rosterDate: string;
  report<C extends FindingCode>(code: C, loc: Location, ...rest: ParamArgs<C, FindingExtra>): void;
  findings: Finding[];
}

/** Where a finding about a cell goes. Built only when reporting: a Field computes its ref and header on demand. */
export function at(f: Field): Location {
  return { cell: f.ref, row: f.row, column: f.header };
}

export interface Annex2Rule {
  id: string;
  description: string;
  check(doc: Annex2Doc, entries: Annex2Entry[], ctx: RuleContext): void;
}

export interface Annex1Rule {
  id: string;
  description: string;
  check(doc: Annex1Doc, parsed: Annex1Parsed, ctx: RuleContext): void;
}
