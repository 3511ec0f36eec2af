/**
 * At most N findings of one code in one file (default 1,000): the first N in report order are kept,
 * the rest are counted and stand as one `findings-omitted` finding carrying the count. 100,000 bad
 * rows thus give a report a person can read, in memory and output that do not grow with the rows.
 * The error and warning totals still count every problem (countBySeverity adds the omitted ones).
 */
import { catalogue, isFindingCode, type ParamsOf } from './catalogue/index.js';
import type { Finding, Severity } from './types.js';
import { produced } from './make.js';

export const FINDINGS_OMITTED = 'findings-omitted' as const;

/** The codes this module reports (src/core/findings/owners.ts). */
export const emits = [FINDINGS_OMITTED] as const;
export const DEFAULT_MAX_FINDINGS = 1000;

interface Tally {
  file: string | undefined;
  code: string;
  kept: number;
  omitted: number;
  severity: Severity;
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Counts findings per (file, code) and says which are still kept. */
export class FindingCap {
  private readonly tallies = new Map<string, Tally>();
  readonly max: number;

  constructor(max: number = DEFAULT_MAX_FINDINGS) {
    this.max = Number.isSafeInteger(max) && max >= 0 ? max : DEFAULT_MAX_FINDINGS;
  }

  /** Count one finding of `code` (severity as it would be reported); true when it is still within the cap. */
  admit(code: string, file: string | undefined, severity?: Severity): boolean {
    const t = this.tally(code, file, severity);
    if (t.kept < this.max) {
      t.kept++;
      return true;
    }
    this.omit(t, 1, severity);
    return false;
  }

  /** Count `n` findings of `code` already left out elsewhere (a findings-omitted met again). */
  addOmitted(code: string, file: string | undefined, n: number, severity: Severity): void {
    this.omit(this.tally(code, file, severity), n, severity);
  }

  /** Whether any finding was left out. */
  get truncated(): boolean {
    for (const t of this.tallies.values()) if (t.omitted > 0) return true;
    return false;
  }

  /** One findings-omitted per (file, code) with findings left out, in the order the codes were first met. */
  omittedFindings(): Finding[] {
    const out: Finding[] = [];
    for (const t of this.tallies.values()) {
      if (t.omitted === 0) continue;
      const f: Finding = {
        code: FINDINGS_OMITTED,
        severity: t.severity,
        params: { code: t.code, count: t.omitted, max: this.max } satisfies ParamsOf<typeof FINDINGS_OMITTED>,
        value: t.code,
        omitted: t.omitted,
      };
      if (t.file !== undefined) f.file = t.file;
      produced(FINDINGS_OMITTED);
      out.push(f);
    }
    return out;
  }

  private tally(code: string, file: string | undefined, severity?: Severity): Tally {
    const k = `${file ?? ''}\u0000${code}`;
    let t = this.tallies.get(k);
    if (!t) {
      t = { file, code, kept: 0, omitted: 0, severity: severity ?? (isFindingCode(code) ? catalogue[code].severity : 'info') };
      this.tallies.set(k, t);
    }
    return t;
  }

  private omit(t: Tally, n: number, severity?: Severity): void {
    t.omitted += n;
    // the summary is as severe as the worst finding it stands for
    if (severity && rank[severity] < rank[t.severity]) t.severity = severity;
  }
}

/**
 * The first `max` findings of each (file, code) of a list, in its order, then one findings-omitted per
 * (file, code) cut; findings-omitted already in the list (from a cap applied earlier) are merged into
 * those. Returns the list itself when nothing is cut.
 */
export function capFindings<F extends Finding>(fs: readonly F[], max: number = DEFAULT_MAX_FINDINGS): F[] {
  const cap = new FindingCap(max);
  let cut = false;
  const out: F[] = [];
  for (const f of fs) {
    if (f.code === FINDINGS_OMITTED) {
      cap.addOmitted(String(f.params.code), f.file, f.omitted ?? 0, f.severity);
      cut = true;
    } else if (cap.admit(f.code, f.file, f.severity)) out.push(f);
    else cut = true;
  }
  if (!cut) return fs as F[];
  for (const o of cap.omittedFindings()) out.push(o as F);
  return out;
}

/** Append every element of `src` to `target` without spreading it into arguments (no stack limit). */
export function appendAll<T>(target: T[], src: Iterable<T>): T[] {
  for (const x of src) target.push(x);
  return target;
}

/** Add `value` to the list of `key` (created on first use): a push, never a copy of the list (no quadratic time). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
