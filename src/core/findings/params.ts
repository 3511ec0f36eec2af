import type { Period } from '../roster/period.js';

/**
 * Data types of the finding codes' parameters that the labels modules phrase (src/core/i18n):
 * kept apart from the catalogue so that the catalogue (which uses the labels) and the labels
 * (which phrase these types) do not import each other.
 */

/** A submission as messages name it: a file (or the name it was sent under), and the row when the row tells it apart. */
export interface Where {
  file: string;
  row?: number;
}

/** How a unit's several submissions were settled (district-duplicate). */
export type DuplicateDecision =
  /** the figures are identical: counted once */
  | { decision: 'identical'; counted: Where }
  /** the one with the clearly later 填报时间 was counted */
  | { decision: 'later'; counted: Where & { date: string }; others: (Where & { date: string })[] }
  /** none was counted: the dates are the same, or not every file has one */
  | { decision: 'undecided'; why: 'same-date' | 'undated' };

/** A file's own period as far as its name and 填报时间 tell it (all absent: unknown). */
export interface FilePeriodShown {
  year?: number;
  quarter?: Period['quarter'];
  annual?: boolean;
}

/** How a file's period was found. */
export type PeriodEvidence =
  { from: 'name+date'; name: string; date: string } | { from: 'name'; name: string } | { from: 'date'; date: string } | { from: 'name-year'; year: number } | { from: 'none' };

/** How the period of an aggregation was decided: --period, or the most files (of the previous set, or of this one). */
export type PeriodWhy = { by: 'option' } | { by: 'previous' | 'majority'; votes: number; of: number };

/** Why a unit has no usable previous figures. */
export type PreviousMissingWhy = 'missing' | 'unreadable' | 'duplicate';

/** Where a file names its reporting unit: the table's 地市 column, the 填报单位 line, the file name, --district. */
export type UnitSourceKind = 'cell' | 'meta' | 'file' | 'option';

/** The unit a file names, and where (district-mismatch). */
export interface NamedUnit {
  source: UnitSourceKind;
  unit: string;
}

/** What sheet-hidden-data says is hidden: a sheet, or rows (the first `shown` of them listed, all when absent). */
export type HiddenData = { sheet: string; rows?: undefined; shown?: undefined } | { sheet?: undefined; rows: number[]; shown?: number };
