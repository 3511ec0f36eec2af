/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015) checks. Pure functions, browser-safe.
 *
 * Structure: position 1 registering authority, 2 entity type, 3-8 division code, 9-17 organisation
 * code (GB 11714, its own check char at 17), 18 the USCC check character (mod 31).
 */

/** The 31 characters a USCC may use, in value order 0..30 (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1..17: 3^(i) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 weights for the 8 body characters of the organisation code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** A USCC character's value (its place in USCC_ALPHABET) by character code, -1 for any other: checked per row. */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) USCC_VALUE[USCC_ALPHABET.charCodeAt(i)] = i;

/** An ASCII letter or digit's base-36 value (as parseInt(ch, 36)), NaN for any other character code. */
function base36(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 87;
  return NaN;
}

/** The USCC check character (position 18) for the first 17 characters. Throws on malformed input. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${first17.length}`);
  for (let i = 0; i < 17; i++) {
    const c = first17.charCodeAt(i);
    if (!(c < 128 && USCC_VALUE[c]! >= 0)) throw new RangeError(`usccCheckChar: "${first17[i]}" is not a USCC character`);
  }
  return checkCharOf(first17);
}

/** The check character for s[0..17), every one of them known to be a USCC character. */
function checkCharOf(s: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_VALUE[s.charCodeAt(i)]! * USCC_WEIGHTS[i]!;
  // The outer "mod 31" matters: Σ ≡ 0 gives check value 0, not 31 (a common validator bug).
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The GB 11714 organisation-code check character for its 8 body characters (USCC positions 9-16).
 * Characters are valued base-36 (0-9, A=10 .. Z=35). 10 → 'X', 11 → '0'.
 */
export function orgCodeCheckChar(org8: string): string {
  if (org8.length !== 8) throw new RangeError(`orgCodeCheckChar needs 8 characters, got ${org8.length}`);
  for (let i = 0; i < 8; i++) {
    if (Number.isNaN(base36(org8.charCodeAt(i)))) throw new RangeError(`orgCodeCheckChar: "${org8[i]}" is not alphanumeric`);
  }
  return orgCheckCharOf(org8, 0);
}

/** The organisation-code check character for s[at..at+8), every one of them known to be alphanumeric. */
function orgCheckCharOf(s: string, at: number): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += base36(s.charCodeAt(at + i)) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** True when `code` is 18 USCC-alphabet characters (checksum not checked). */
export function isWellFormedUscc(code: string): boolean {
  if (code.length !== 18) return false;
  // by character codes rather than a pattern: asked of every row's code
  for (let i = 0; i < 18; i++) {
    const c = code.charCodeAt(i);
    if (!(c < 128 && USCC_VALUE[c]! >= 0)) return false;
  }
  return true;
}

/** True when `code` is well formed and its 18th character is the right check character. */
export function usccChecksumOk(code: string): boolean {
  return isWellFormedUscc(code) && checkCharOf(code) === code[17];
}

/** what normalisation changed; 'hidden': invisible or control characters the cell held (dropped by the
 *  readers' text cleaning before the code reaches checkUscc, so only the caller can tell: withHiddenChars) */
export type NormalisedWhat = 'lowercase' | 'fullwidth' | 'spaces' | 'hidden';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
/** Text normaliseIdText leaves as it is. */
const PLAIN_ID = /^[0-9A-Z]*$/;
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/**
 * Normalise identifier text the way a clerk would read it: full-width → half-width, upper case,
 * whitespace removed. Leading/trailing whitespace is dropped silently (cells often carry it);
 * inner whitespace, lower case and full-width forms are reported in `what`.
 */
export function normaliseIdText(raw: string): { text: string; what: NormalisedWhat[] } {
  if (PLAIN_ID.test(raw)) return { text: raw, what: [] }; // nearly every cell: nothing to do
  let lower = false,
    full = false,
    spaces = false;
  let out = '';
  for (const ch0 of raw.replace(EDGE_SPACE, '')) {
    let ch = ch0;
    if (/\s/.test(ch) || ZERO_WIDTH.test(ch)) {
      spaces = true;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) {
      full = true;
      ch = String.fromCharCode(cp - 0xfee0);
    }
    if (ch >= 'a' && ch <= 'z') {
      lower = true;
      ch = ch.toUpperCase();
    }
    out += ch;
  }
  const what: NormalisedWhat[] = [];
  if (lower) what.push('lowercase');
  if (full) what.push('fullwidth');
  if (spaces) what.push('spaces');
  return { text: out, what };
}

export type UsccIssue =
  | { kind: 'normalised'; what: NormalisedWhat[]; normalised: string }
  | { kind: 'old15' }
  | { kind: 'length'; length: number }
  | { kind: 'charset'; bad: string; suggestion?: string }
  | { kind: 'checksum'; expected: string; actual: string; suggestion?: string }
  | { kind: 'org-code'; expected: string }
  | { kind: 'authority-unusual'; prefix: string };

export type UsccIssueKind = UsccIssue['kind'];

const NO_ISSUES: readonly UsccIssue[] = Object.freeze([]);

/** Issue kinds that make a code unusable; the others are warnings. */
export const USCC_ERROR_KINDS: ReadonlySet<UsccIssueKind> = new Set<UsccIssueKind>(['old15', 'length', 'charset', 'checksum']);

export interface UsccResult {
  /** upper-case, half-width, spaces removed */
  normalised: string;
  /** usable: no error-level issue, or only the checksum issue of an allow-listed code */
  valid: boolean;
  /** checksum failed but the code is in the allow-list (the `checksum` issue is still listed) */
  allowListed: boolean;
  /** empty for nearly every code: then one shared frozen array */
  issues: readonly UsccIssue[];
}

/**
 * Position-2 entity types we treat as usual for each position-1 authority (GB 32100-2015 table 1
 * and later assignments). Deliberately lenient: public tables disagree, so for the non-commercial
 * authorities 1-8 (机构编制, 外交, 司法行政, 文化, 民政, 旅游, 宗教, 工会) and Y (其他) any digit 1-9 is
 * accepted; only 9 (工商/市场监管: 1 企业, 2 个体工商户, 3 农民专业合作社), A (军队: 1, 9) and
 * N (农业/农村集体经济组织: 1, 2, 3, 9) are held to their published lists. Anything else is only a
 * warning, never an error.
 */
const USUAL_ENTITY_TYPES: Readonly<Record<string, string>> = {
  '1': '123456789',
  '2': '123456789',
  '3': '123456789',
  '4': '123456789',
  '5': '123456789',
  '6': '123456789',
  '7': '123456789',
  '8': '123456789',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '123456789',
};

/** True when positions 1-2 form a combination we consider usual (see USUAL_ENTITY_TYPES). */
export function isUsualAuthority(prefix2: string): boolean {
  const types = USUAL_ENTITY_TYPES[prefix2[0] ?? ''];
  return types !== undefined && prefix2.length === 2 && types.includes(prefix2[1]!);
}

/**
 * Check a USCC as typed in a cell. Error kinds: old15, length, charset, checksum (at most one, in
 * that precedence). Warning kinds: normalised, org-code, authority-unusual (org-code and
 * authority checks run only once the checksum is right: not for allow-listed codes, which are
 * pilot codes that predate those conventions, nor on top of an error).
 */
export function checkUscc(raw: string, allowList?: ReadonlySet<string>): UsccResult {
  // nearly every cell: a well-formed code, with nothing to normalise or diagnose before its check characters
  if (isWellFormedUscc(raw)) return checkWellFormed(raw, [], allowList);
  const { text: n, what } = normaliseIdText(raw);
  const issues: UsccIssue[] = [];
  const done = (valid: boolean): UsccResult => result(n, valid, false, issues);
  if (what.length > 0) issues.push({ kind: 'normalised', what, normalised: n });

  if (n.length === 15 && /^\d{15}$/.test(n)) {
    issues.push({ kind: 'old15' });
    return done(false);
  }
  if (n.length !== 18) {
    issues.push({ kind: 'length', length: n.length });
    return done(false);
  }
  const bad = isWellFormedUscc(n) ? [] : uniqueChars([...n].filter((c) => !USCC_ALPHABET.includes(c)));
  if (bad.length > 0) {
    const issue: UsccIssue = { kind: 'charset', bad: bad.join('') };
    // O and I are not in the alphabet, so the only plausible reading is the digit: offer it only
    // when that reading passes the checksum (or is allow-listed), otherwise we would be guessing.
    if (bad.every((c) => c === 'O' || c === 'I')) {
      const cand = n.replace(/O/g, '0').replace(/I/g, '1');
      if (usccChecksumOk(cand) || allowList?.has(cand)) issue.suggestion = cand;
    }
    issues.push(issue);
    return done(false);
  }
  return checkWellFormed(n, issues, allowList);
}

/** The checks of a well-formed code `n`: its check character, then its organisation code and authority. */
function checkWellFormed(n: string, issues: UsccIssue[], allowList: ReadonlySet<string> | undefined): UsccResult {
  const expected = checkCharOf(n);
  if (expected !== n[17]) {
    // An allow-listed code keeps its checksum issue (so the caller can say it was accepted from the
    // list) but is valid.
    issues.push({ kind: 'checksum', expected, actual: n[17]! });
    return allowList?.has(n) ? result(n, true, true, issues) : result(n, false, false, issues);
  }
  const org = orgCheckCharOf(n, 8);
  if (org !== n[16]) issues.push({ kind: 'org-code', expected: org });
  if (!isUsualAuthority(n.slice(0, 2))) issues.push({ kind: 'authority-unusual', prefix: n.slice(0, 2) });
  return result(n, true, false, issues);
}

/**
 * The result for a code whose cell also held invisible or control characters (zero-width spaces,
 * a stray control character from a copied web page): the same result with that said in its
 * `normalised` issue (added first, or merged into one already there). The code itself is read
 * without them, but a look-up in Excel by the cell's text would miss it.
 */
export function withHiddenChars(r: UsccResult): UsccResult {
  const i = r.issues.findIndex((x) => x.kind === 'normalised');
  const issues = [...r.issues];
  if (i >= 0) {
    const n = issues[i] as Extract<UsccIssue, { kind: 'normalised' }>;
    issues[i] = { ...n, what: [...n.what, 'hidden'] };
  } else issues.unshift({ kind: 'normalised', what: ['hidden'], normalised: r.normalised });
  return { ...r, issues };
}

function result(normalised: string, valid: boolean, allowListed: boolean, issues: UsccIssue[]): UsccResult {
  return { normalised, valid, allowListed, issues: issues.length > 0 ? issues : NO_ISSUES };
}

function uniqueChars(cs: string[]): string[] {
  return [...new Set(cs)];
}

/**
 * Parse an allow-list file: one code per line; '#' starts a comment (whole line or trailing);
 * blank lines ignored; codes normalised (upper case, half-width, spaces removed). Lines that are
 * not 18 USCC-alphabet characters after normalisation are returned in `bad` (1-based line numbers).
 */
export function parseAllowList(text: string): { codes: Set<string>; bad: Array<{ line: number; text: string }> } {
  const codes = new Set<string>();
  const bad: Array<{ line: number; text: string }> = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const hash = line.search(/[#＃]/);
    const body = hash >= 0 ? line.slice(0, hash) : line;
    const { text: code } = normaliseIdText(body);
    if (code === '') return;
    if (isWellFormedUscc(code)) codes.add(code);
    else bad.push({ line: i + 1, text: line.trim() });
  });
  return { codes, bad };
}

/**
 * How an 18-digit code stored as a number looks to the user: Excel keeps 15 significant digits
 * and pads with zeros, e.g. 916201055811843000 → "916201055811843000" (never an exponent).
 */
export function describeNumericUscc(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a < 1e15) return sign + String(a);
  // ≥ 1e15: toPrecision(15) is always in exponent form here ("9.16201055811843e+17").
  const m = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(a.toPrecision(15));
  if (!m) return sign + String(a);
  const digits = m[1]! + (m[2] ?? '');
  const exp = Number(m[3]);
  return sign + digits.padEnd(exp + 1, '0').slice(0, exp + 1);
}

/**
 * True for text that is a number in exponent form (`9.15E+17`, `9.16201055811843e17`): what a USCC
 * looks like after Excel turned it into a number and it was exported or copied as text.
 */
export function looksLikeExponentNumber(raw: string): boolean {
  if (!/[EeＥｅ]/.test(raw)) return false; // only these normalise to the E the form needs
  return /^\d(?:\.\d+)?E\+?\d+$/.test(normaliseIdText(raw).text);
}
