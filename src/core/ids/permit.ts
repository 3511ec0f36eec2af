/**
 * Pollutant-discharge permit / registration numbers (排污许可证编号 / 排污登记编号), HJ 608-2017:
 * the unit's 18-character USCC + a 3-digit sequence per site (001, 002, …) + one letter
 * (P for a permit; W believed to mark a registration), 22 characters, e.g. 91130200699229617X001P.
 *
 * Older forms accepted with a `legacy` warning (anything else of the wrong shape is a `format` error):
 * - "H9" codes from the 2016 固定污染源编码规则(试行) for units without a USCC: "H9" + 6-digit
 *   division + ("0000" + 5-digit sequence | 9-character organisation code) + 1 letter, then the
 *   usual 3-digit sequence and final character: 22 characters.
 * - pre-national local certificate numbers in document-number style, e.g. 渝(沙)环排证〔2016〕35号:
 *   Chinese issuer text containing 证, a bracketed year, a number, optionally 号.
 * - all-digit local numbers of the form division (6) + year (2000-2017) + sequence (3-6 digits),
 *   e.g. 5001122016000123, with a real province prefix.
 */
import { isWellFormedUscc, normaliseIdText, USCC_ALPHABET } from './uscc.js';

export type PermitFormatReason = 'length' | 'charset' | 'sequence' | 'suffix-not-letter';

/**
 * What is wrong with a malformed number, as data (permit-format's parameters; the labels'
 * `value.permitFault` phrases it): empty; characters that are not [0-9A-Z] (distinct, in order);
 * the wrong length (`bare`: it is a well-formed USCC alone); characters no USCC uses in the first 18;
 * a sequence (characters 19–21) that is not 3 digits; a last character that is not a letter.
 */
export type PermitFault =
  | { fault: 'empty' }
  | { fault: 'chars'; chars: string[] }
  | { fault: 'length'; length: number; bare: boolean }
  | { fault: 'head-chars'; chars: string[] }
  | { fault: 'sequence'; sequence: string }
  | { fault: 'suffix'; suffix: string };

export type PermitIssue =
  { kind: 'format'; reason: PermitFormatReason; fault: PermitFault } | { kind: 'uscc-mismatch'; prefix: string } | { kind: 'suffix'; suffix: string } | { kind: 'legacy' };

export interface PermitResult {
  normalised: string;
  /** empty for nearly every number: then one shared frozen array */
  issues: readonly PermitIssue[];
}

const NO_ISSUES: readonly PermitIssue[] = Object.freeze([]);

/** Final letters that are expected: P 排污许可证, W 排污登记. */
const USUAL_SUFFIXES = 'PW';

const H9_RE = /^H9\d{6}(?:0000\d{5}|[0-9A-Z]{8}[0-9X])[A-Z]\d{3}[0-9A-Z]$/;
const DOC_NUMBER_RE = /^[\u4e00-\u9fff()A-Z]{1,20}证[〔[(【]((?:19|20)\d{2})[〕\])】](?:第)?\d{1,6}号?$/;
const DIGITS_RE = /^(\d{2})\d{4}(20(?:0\d|1[0-7]))\d{3,6}$/;
/** GB/T 2260 province-level prefixes, so an arbitrary digit string is not taken for a legacy number. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]);

/** True for the older forms described above. `n` is normalised text. */
export function isLegacyPermit(n: string): boolean {
  if (H9_RE.test(n)) return true;
  if (DOC_NUMBER_RE.test(n)) return true;
  const m = DIGITS_RE.exec(n);
  return m !== null && PROVINCES.has(m[1]!);
}

function format(reason: PermitFormatReason, fault: PermitFault): PermitIssue {
  return { kind: 'format', reason, fault };
}

/** The current form: 18 USCC characters, a 3-digit sequence, a letter. */
const PERMIT_RE = /^[0-9A-HJ-NP-RTUW-Y]{18}\d{3}[A-Z]$/;

/**
 * Check a permit / registration number. `rowUscc` is the same row's USCC as typed; it is compared
 * only when it normalises to a well-formed 18-character code and the permit itself is well formed.
 */
export function checkPermit(raw: string, rowUscc?: string): PermitResult {
  const n = normaliseIdText(raw).text;
  const issues: PermitIssue[] = [];
  if (isLegacyPermit(n)) issues.push({ kind: 'legacy' });
  else if (!PERMIT_RE.test(n)) issues.push(formatIssue(n));
  else {
    if (rowUscc !== undefined) {
      const u = isWellFormedUscc(rowUscc) ? rowUscc : normaliseIdText(rowUscc).text;
      if (isWellFormedUscc(u) && !n.startsWith(u)) issues.push({ kind: 'uscc-mismatch', prefix: n.slice(0, 18) });
    }
    const suffix = n[21]!;
    if (!USUAL_SUFFIXES.includes(suffix)) issues.push({ kind: 'suffix', suffix });
  }
  return { normalised: n, issues: issues.length > 0 ? issues : NO_ISSUES };
}

/** What is wrong with a number that is neither of the current form nor a legacy one: the first problem found. */
function formatIssue(n: string): PermitIssue {
  if (n === '') return format('length', { fault: 'empty' });
  const foreign = [...new Set([...n].filter((c) => !/[0-9A-Z]/.test(c)))];
  if (foreign.length > 0) return format('charset', { fault: 'chars', chars: foreign });
  // The commonest slip is the bare USCC in the permit column: the message says what is missing.
  if (n.length !== 22) return format('length', { fault: 'length', length: n.length, bare: n.length === 18 && isWellFormedUscc(n) });
  const badHead = [...new Set([...n.slice(0, 18)].filter((c) => !USCC_ALPHABET.includes(c)))];
  if (badHead.length > 0) return format('charset', { fault: 'head-chars', chars: badHead });
  const seq = n.slice(18, 21);
  if (!/^\d{3}$/.test(seq)) return format('sequence', { fault: 'sequence', sequence: seq });
  const suffix = n[21]!;
  return format('suffix-not-letter', { fault: 'suffix', suffix });
}
