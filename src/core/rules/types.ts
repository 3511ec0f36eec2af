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

/**
 * What every rule gets: the options, and a way to report at a location. `C` is the codes the rule
 * declared: `report` takes only those (a rule that reports a code it did not declare fails tsc).
 */
export interface RuleContext<C extends FindingCode = FindingCode> extends RuleOptions {
  file: string;
  sheet: string;
  /** the reporting unit resolved from the file, when known (set by the district rule) */
  unit?: Unit;
  /** the date the roster is judged at (end of the period, else as-of) */
  rosterDate: string;
  report<K extends C>(code: K, loc: Location, ...rest: ParamArgs<K, FindingExtra>): void;
  findings: Finding[];
}

/** Where a finding about a cell goes. Built only when reporting: a Field computes its ref and header on demand. */
export function at(f: Field): Location {
  return { cell: f.ref, row: f.row, column: f.header };
}

/**
 * A rule over an Annex 2 list. Like an ESLint rule's `meta.messages`, `codes` lists every code the
 * rule may report (its own `report` calls and the helpers it hands its context to); the context
 * it is given takes only those. `description` is what the rule holds a list to, shown with its
 * codes in docs/reference.md (npm run docs).
 */
export interface Annex2Rule<C extends FindingCode = FindingCode> {
  id: string;
  description: string;
  codes: readonly C[];
  check(doc: Annex2Doc, entries: Annex2Entry[], ctx: RuleContext<C>): void;
}

/** A rule over an Annex 1 table: as Annex2Rule. */
export interface Annex1Rule<C extends FindingCode = FindingCode> {
  id: string;
  description: string;
  codes: readonly C[];
  check(doc: Annex1Doc, parsed: Annex1Parsed, ctx: RuleContext<C>): void;
}

/** Declare an Annex 2 rule: its context's `report` accepts only the codes it lists. */
export function defineAnnex2Rule<const C extends FindingCode>(rule: Annex2Rule<C>): Annex2Rule<C> {
  return rule;
}

/** Declare an Annex 1 rule: its context's `report` accepts only the codes it lists. */
export function defineAnnex1Rule<const C extends FindingCode>(rule: Annex1Rule<C>): Annex1Rule<C> {
  return rule;
}
