/**
 * A period's own activity from two cumulative reports (the annex's 说明 2: every figure is cumulative
 * to the reporting date).
 *
 * - `listed` is a stock: its increment is the change in the number of listed enterprises (may be negative).
 * - The 13 running counts: this report − the previous one, and they must never go down within a year.
 * - Across a year boundary (a Q1 report against last year's Q4 or annual report) the running counts
 *   are taken to restart on 1 January — that is why "never decreasing" is checked only within a
 *   year — so the increment of a running count is this report's own figure, and nothing is checked.
 *   `listed` still compares with the previous stock.
 */
import { FIGURE_KEYS, STOCK_KEYS, type FigureKey, type Figures } from '../layout/annex1.js';
import type { Period } from '../roster/period.js';

export interface IncrementRule {
  /** running counts restart: the previous report is of an earlier year */
  restart: boolean;
}

export function incrementRule(current: Period, previous: Period): IncrementRule {
  return { restart: previous.year < current.year };
}

/** This report's own activity since `prev`. */
export function unitIncrement(cur: Figures, prev: Figures, rule: IncrementRule): Figures {
  const out = {} as Figures;
  for (const k of FIGURE_KEYS) {
    out[k] = STOCK_KEYS.has(k) || !rule.restart ? cur[k] - prev[k] : cur[k];
    if (out[k] === 0) out[k] = 0; // no -0 in JSON
  }
  return out;
}

export interface Decrease {
  key: FigureKey;
  value: number;
  previous: number;
}

/** The running counts lower than in the previous report (none across a year boundary). */
export function decreases(cur: Figures, prev: Figures, rule: IncrementRule): Decrease[] {
  if (rule.restart) return [];
  const out: Decrease[] = [];
  for (const k of FIGURE_KEYS) {
    if (STOCK_KEYS.has(k)) continue;
    if (cur[k] < prev[k]) out.push({ key: k, value: cur[k], previous: prev[k] });
  }
  return out;
}
