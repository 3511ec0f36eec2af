import { daysBetween, validityEnd } from '../values/dates.js';

export type ValidityStatus = 'valid' | 'expiring' | 'expired' | 'unknown';

export interface Validity {
  status: ValidityStatus;
  /** inclusion date: the 纳入日期 column, else the start of a stated range */
  includedOn?: string;
  /** last valid day: the stated 有效期至 when there is one (the district's published term), else inclusion + 3 years − 1 day */
  validUntil?: string;
  /** inclusion + 3 years − 1 day, when the inclusion date is known */
  threeYearEnd?: string;
  /** the stated end runs past three years from inclusion */
  overThreeYears: boolean;
  /** days from as-of to the last valid day (negative when expired) */
  daysLeft?: number;
}

/**
 * The validity rule (三(四): 3 years *in principle*): an entry included on D is valid through D + 3 years −
 * 1 day unless the list states its 有效期至. A stated end that is earlier wins; one that is later is the
 * district's published term — expiry is judged by it, and `overThreeYears` carries the warning that it
 * exceeds the 3 years in principle. Expired when the as-of date is after the last valid day; expiring
 * when the last valid day is within `expiringDays` of the as-of date.
 */
export function validityOf(input: { includedOn?: string; statedFrom?: string; statedUntil?: string }, asOf: string, expiringDays: number): Validity {
  const includedOn = input.includedOn ?? input.statedFrom;
  const threeYearEnd = includedOn ? validityEnd(includedOn) : undefined;
  let validUntil = threeYearEnd;
  let overThreeYears = false;
  if (input.statedUntil) {
    overThreeYears = threeYearEnd !== undefined && input.statedUntil > threeYearEnd;
    validUntil = input.statedUntil;
  }
  if (!validUntil) return { status: 'unknown', includedOn, overThreeYears };
  const daysLeft = daysBetween(asOf, validUntil);
  const status: ValidityStatus = daysLeft < 0 ? 'expired' : daysLeft <= expiringDays ? 'expiring' : 'valid';
  return { status, includedOn, validUntil, threeYearEnd, overThreeYears, daysLeft };
}
