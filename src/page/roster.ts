/**
 * The self-check page's district select. Its own module (only the roster), so the page's main
 * script does not carry the validation code, which runs in the worker.
 */
import { rosterFor } from '../core/roster/units.js';
import { periodEnd, previousPeriod, type Period } from '../core/roster/period.js';

/**
 * The units of the roster of the quarter that contains `asOf`, in official order, then those of
 * the previous quarter's roster that are no longer on it (a merged-away unit's last report is
 * still handed in a few days after the cut-over).
 */
export function rosterOn(asOf: string): { units: string[]; former: string[] } {
  const q: Period = { year: Number(asOf.slice(0, 4)), quarter: (Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
  const units = rosterFor(periodEnd(q)).map((u) => u.name);
  const former = rosterFor(periodEnd(previousPeriod(q)))
    .map((u) => u.name)
    .filter((n) => !units.includes(n));
  return { units, former };
}
