/**
 * The 体检式 on-site assistance visit each listed enterprise should get within its validity (三(四)).
 * Missing is worth a warning only once more than half the validity has passed: before that there is
 * still time.
 */
import type { Inspection } from '../data/types.js';
import { daysBetween, type IsoDate } from '../values/dates.js';
import { inspectionsUpTo } from './data.js';
import type { At } from './types.js';

export interface AssistanceResult {
  visits: Inspection[];
  /** true when no visit since inclusion and more than half the validity has passed */
  missing: boolean;
  /** share of the validity gone on the as-of date (0..1+) */
  elapsed: number;
}

export function assistance(at: At, includedOn: IsoDate, validUntil: IsoDate): AssistanceResult {
  const visits = inspectionsUpTo(at).filter((i) => i.method === 'assistance' && i.date >= includedOn);
  const total = daysBetween(includedOn, validUntil) + 1;
  const elapsed = total > 0 ? daysBetween(includedOn, at.date) / total : 1;
  return { visits, missing: visits.length === 0 && elapsed > 0.5, elapsed };
}
