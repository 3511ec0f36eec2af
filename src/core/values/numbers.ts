/**
 * Annex 1 figures: non-negative whole numbers, as numbers or as text.
 */
import { removeInvisible, toHalfWidth } from './text.js';

export type CountFailReason = 'empty' | 'negative' | 'fraction' | 'not-a-number' | 'too-large';
/** What exactly is wrong: the reason, or for a not-a-number what the text was instead (phrased by the labels' `value.figureFault`). */
export type CountFault = CountFailReason | 'boolean' | 'placeholder' | 'percent';
export type CountFail = { ok: false; reason: CountFailReason; fault: CountFault };
export type CountParse =
  /** asText: came from a string ('12', '１２', ' 12 ', '1,200', '12.0', '12次') */
  { ok: true; value: number; asText: boolean } | CountFail;

function fail(reason: CountFailReason, fault: CountFault = reason): CountFail {
  return { ok: false, reason, fault };
}

/** Unit words of Annex 1's columns (个, 件, 次, 家次) and a few close relatives, accepted after a figure. */
const UNIT_SUFFIX = /(家次|人次|户次|个|件|次|家|户|项|起|份|条)$/;
/** What clerks type for "nothing": dashes, slashes, 无. */
const PLACEHOLDER = /^(?:[-‐‑‒–—―−﹣~/\\.]+|无|没有|空|暂无|n\/?a|null|none)$/i;

function fromNumber(v: number, asText: boolean): CountParse {
  if (!Number.isFinite(v)) return fail('not-a-number');
  const r = Math.round(v);
  // Float noise (12.0000000001, 0.1+0.2-style sums) is tolerated: relative 1e-9, but never more
  // than 1e-6 absolute, so a real fraction of a large figure is still caught.
  const tol = Math.min(1e-6, 1e-9 * Math.max(1, Math.abs(v)));
  const whole = Math.abs(v - r) <= tol;
  if (v < 0 && !(whole && r === 0)) return fail('negative');
  if (v > Number.MAX_SAFE_INTEGER) return fail('too-large');
  if (!whole) return fail('fraction');
  return { ok: true, value: r === 0 ? 0 : r, asText };
}

/**
 * A count: a non-negative whole number.
 * - numbers: float noise tolerated; negatives, fractions, > MAX_SAFE_INTEGER rejected;
 * - strings (→ asText: true): full-width digits, surrounding spaces, thousands commas in the
 *   right places (1,200 — not 1,20), '12.0', a leading '+', a unit word taken from the header
 *   ('12个', '3家次': clearly meant as 12 and 3, so read them and let the caller warn number-as-text);
 * - '—', '-', '/', '无' and the like → not-a-number with its own reason. They do mean "none" to
 *   a clerk, but the annex lets a blank mean 0 only when the whole row is blank, so a
 *   placeholder inside a filled row is not silently 0: the district is told to write 0;
 * - null/'' (or only spaces) → 'empty': the caller decides (wholly blank row = 0, else warning);
 * - booleans are not numbers.
 */
export function parseCount(v: string | number | boolean | null): CountParse {
  if (v === null || v === undefined) return fail('empty');
  if (typeof v === 'boolean') return fail('not-a-number', 'boolean');
  if (typeof v === 'number') return fromNumber(v, false);

  let s = toHalfWidth(removeInvisible(v))
    .replace(/[\s\x85]+/g, ' ')
    .trim();
  if (s === '') return fail('empty');
  if (PLACEHOLDER.test(s)) {
    return fail('not-a-number', 'placeholder');
  }
  s = s
    .replace(UNIT_SUFFIX, '')
    .trim()
    .replace(/^[−﹣]/, '-');
  if (s.includes(',')) {
    if (!/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(s)) return fail('not-a-number');
    s = s.replace(/,/g, '');
  }
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(s)) {
    if (/%$/.test(s)) return fail('not-a-number', 'percent');
    return fail('not-a-number');
  }
  const n = Number(s);
  return n === Infinity ? fail('too-large') : fromNumber(n, true);
}

/** Sum of whole numbers (negatives allowed, e.g. increments). Throws RangeError when a value is
 *  not a safe integer or the total leaves the safe-integer range, rather than return a rounded sum. */
export function sumExact(values: number[]): number {
  let t = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`sumExact: ${v} is not a safe integer`);
    t += v;
    if (!Number.isSafeInteger(t)) throw new RangeError('sumExact: total exceeds the safe-integer range');
  }
  return t === 0 ? 0 : t;
}

/**
 * A number as Excel shows it in the formula bar: at most 15 significant digits (so float noise
 * disappears: 0.1+0.2 → '0.3', 12.0000000000001 → '12'), plain decimal notation, never an exponent
 * (9.15E+17 → '915000000000000000', 1e-7 → '0.0000001'), no trailing zeros, '-0' → '0'.
 */
export function plainNumberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  // the common case (序号, date serials): an integer of at most 15 digits prints exactly as it is
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = n.toPrecision(15);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(p);
  let out: string;
  if (m) {
    const digits = m[2]! + (m[3] ?? '');
    const point = 1 + Number(m[4]);
    if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
    else if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
    else out = digits.slice(0, point) + '.' + digits.slice(point);
    out = m[1] + out;
  } else out = p;
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return out === '-0' ? '0' : out;
}
