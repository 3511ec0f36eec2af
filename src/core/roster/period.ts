/**
 * Reporting periods: a quarter (Annex 1 at each quarter end) or the annual report (due 10 December).
 * Plain string/number arithmetic only: no Date objects, no time zone.
 */
import { isIsoDate, type IsoDate } from './units.js';

export interface Period {
  year: number;
  /** absent = the annual report */
  quarter?: 1 | 2 | 3 | 4;
}

type Q = 1 | 2 | 3 | 4;

/** Strict parse of a CLI `--period`: '2021Q3', '2021q3', '2021-Q3', '2021' (years 2000–2999). */
export function parsePeriod(s: string): Period | null {
  const m = /^(2\d{3})(?:-?[Qq]([1-4]))?$/.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  return m[2] ? { year, quarter: Number(m[2]) as Q } : { year };
}

export function formatPeriod(p: Period): string {
  return p.quarter ? `${p.year}Q${p.quarter}` : String(p.year);
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** Last day of the period: the quarter end, or 31 December for the annual report. */
export function periodEnd(p: Period): IsoDate {
  return `${String(p.year).padStart(4, '0')}-${p.quarter ? QUARTER_END[p.quarter - 1] : '12-31'}`;
}

const ZH_NUM = ['一', '二', '三', '四'];

/** '2021年第三季度' / '2021年度' */
export function periodLabelZh(p: Period): string {
  return p.quarter ? `${p.year}年第${ZH_NUM[p.quarter - 1]}季度` : `${p.year}年度`;
}

/** '2021 Q3' / '2021 (annual)' */
export function periodLabelEn(p: Period): string {
  return p.quarter ? `${p.year} Q${p.quarter}` : `${p.year} (annual)`;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && (a.quarter ?? 0) === (b.quarter ?? 0);
}

/**
 * The preceding report of the same kind: Q2 → Q1, Q1 → the previous year's Q4, an annual report →
 * the previous year's annual report. Always a period; whether running counts carry across the year
 * boundary is the caller's rule ("never decreasing" is checked within a year only, so
 * compare against the result only when `result.year === p.year`).
 */
export function previousPeriod(p: Period): Period {
  if (!p.quarter) return { year: p.year - 1 };
  return p.quarter === 1 ? { year: p.year - 1, quarter: 4 } : { year: p.year, quarter: (p.quarter - 1) as Q };
}

export interface PeriodHint {
  quarter?: Q;
  year?: number;
  annual?: boolean;
}

const NUM: Record<string, Q> = { '1': 1, '2': 2, '3': 3, '4': 4, 一: 1, 二: 2, 三: 3, 四: 4 };
const RANGE_END: Record<string, Q> = { '3': 1, '6': 2, '9': 3 };

/**
 * The period a file name, e-mail subject or 填报时间 text speaks of: '3季度', '三季度', '第三季度',
 * 'Q3', '2021年第3季度', '2021年度', '年度', '全年', and the cumulative forms '前三季度', '1-9月',
 * '上半年' (→ Q2). A quarter wins over 年度 ('2021年度第三季度' is Q3). Full dates (2021-10-08,
 * 2021年10月8日, 20211008) are ignored: use periodFromDate for those. `year` is the fallback when
 * the text names none. `null` when the text names no period, or names two different quarters or years.
 */
export function periodFromText(text: string, year?: number): PeriodHint | null {
  let t = text.normalize('NFKC').replace(/\s+/g, ' ');
  const quarters = new Set<Q>();
  // cumulative ranges first, before the date stripping below could eat their 年/月
  t = t.replace(/(?<!\d)1\s*[-—~～至到]\s*(3|6|9)\s*月(?:份)?/g, (_m, e: string) => {
    quarters.add(RANGE_END[e]);
    return ' ';
  });
  t = t.replace(/上半年/g, () => {
    quarters.add(2);
    return ' ';
  });
  // full dates, then year-month
  t = t
    .replace(/(?<!\d)(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/g, ' ')
    .replace(/(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)/g, ' ')
    .replace(/(?<!\d)(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月/g, ' ');
  for (const m of t.matchAll(/第?\s*([1-4一二三四])\s*季(?:度|报)/g)) quarters.add(NUM[m[1]]);
  for (const m of t.matchAll(/(?<![A-Za-z])[Qq]\s*([1-4])(?!\d)/g)) quarters.add(NUM[m[1]]);
  const years = new Set<number>();
  for (const m of t.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) years.add(Number(m[1]));
  if (quarters.size > 1 || years.size > 1) return null;
  const annual = quarters.size === 0 && /年度|全年|年报/.test(t);
  if (quarters.size === 0 && !annual && years.size === 0) return null;
  const out: PeriodHint = {};
  if (quarters.size === 1) out.quarter = [...quarters][0];
  const y = years.size === 1 ? [...years][0] : year;
  if (y !== undefined) out.year = y;
  if (annual) out.annual = true;
  return out;
}

/** Days after a quarter end within which a report is still plainly "on time" for it. */
export const REPORT_GRACE_DAYS = 20;

/**
 * The quarter a 填报时间 date reports on. Rule: the latest quarter whose last month has begun on or
 * before the date. So a date in a quarter's last month (up to and including the quarter end)
 * reports that quarter; any date in the two months after it (2021-10-08, also a late 2021-11-20)
 * reports the quarter just ended; January and February report Q4 of the previous year.
 * `sure` is true only in the last month or within REPORT_GRACE_DAYS days after the quarter end;
 * elsewhere it is a late (or early) report and the caller should prefer other evidence.
 * A December date may equally be the annual report (due 10 December): the quarter is returned and
 * the caller reconciles. Throws RangeError on a malformed date.
 */
export function periodFromDateDetail(d: IsoDate): { period: Period; sure: boolean } {
  if (!isIsoDate(d)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(d)}`);
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  const q = Math.floor(m / 3);
  const period: Period = q === 0 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q as Q };
  const sure = m % 3 === 0 || (m % 3 === 1 && day <= REPORT_GRACE_DAYS);
  return { period, sure };
}

/** periodFromDateDetail(d).period */
export function periodFromDate(d: IsoDate): Period {
  return periodFromDateDetail(d).period;
}
