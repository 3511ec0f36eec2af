/**
 * Text normalisation shared by every reader and rule.
 *
 * Three strengths, on purpose:
 * - `stripExcelEscapes`: undo the OOXML `_xHHHH_` escaping only (what the file means);
 * - `cleanText`: what a person would consider the same value (trim, collapse spaces, drop
 *   invisible characters) — keeps full-width punctuation, because enterprise names use （）;
 * - `headerKey`: aggressive, for matching header text only, never for values.
 */

/** Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen,
 *  bidi marks and embeddings, Mongolian vowel separator. Variation selectors are kept: they
 *  belong to CJK ideographic variation sequences. */
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069\u180E]/g;
/** Control characters that are not whitespace (C0 except TAB/LF/VT/FF/CR, DEL, C1 except NEL). */
const CONTROL = /[\x00-\x08\x0E-\x1F\x7F\x80-\x84\x86-\x9F]/g;
/** Whitespace including line breaks, NBSP, U+3000 and the other Unicode spaces (JS `\s`), plus NEL. */
const SPACES = /[\s\x85]+/g;

/** Full-width ASCII variants U+FF01–U+FF5E → ASCII, ideographic space U+3000 → ' '.
 *  CJK punctuation outside that block (、。「」《》) is kept. Note that （）：， are in the block. */
export function toHalfWidth(s: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

const HIDDEN = new RegExp(`${INVISIBLE.source}|${CONTROL.source}`);

/** True when `s` holds an invisible or control character (that cleanText drops without a trace on screen). */
export function hasHiddenChars(s: string): boolean {
  return HIDDEN.test(s);
}

/** Remove invisible and control characters (not whitespace). */
export function removeInvisible(s: string): string {
  return s.replace(INVISIBLE, '').replace(CONTROL, '');
}

/**
 * Trim (incl. U+3000, NBSP, zero-width characters), collapse every internal run of
 * whitespace/line breaks to one ASCII space, drop control and invisible characters.
 * Full-width characters are left as they are (names legitimately contain （）).
 * `changed` tells the caller whether anything was altered (for normalisation warnings).
 */
export function cleanText(s: string): { text: string; changed: boolean } {
  const text = cleanedText(s);
  return { text, changed: text !== s };
}

/** Anything cleanText would change: whitespace other than a lone inner space, invisible or control characters. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[\t\n\r\f\v\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\u00AD\u180E\x00-\x1F\x7F-\x9F]/;

/** `cleanText(s).text`, returning `s` itself when it is clean already — most cells are: one test instead of
 *  three replacements, and no copy kept per cell of a large sheet. */
export function cleanedText(s: string): string {
  return NEEDS_CLEANING.test(s) ? removeInvisible(s).replace(SPACES, ' ').trim() : s;
}

const OPEN = /[(（【[［〔〖﹙]/g;
const CLOSE = /[)）】\]］〕〗﹚]/g;
const LIST_SEP = /[、，,；;]/g;
const DASHES = /[‐‑‒–—―−﹣－]/g;

/**
 * Aggressive key for matching header text: no whitespace at all (headers wrap inside cells),
 * half-width, all bracket kinds → (), list separators 、，,；; → 、, dashes → -, no '*'
 * required-markers, no trailing colons, ASCII lower case.
 * headerKey('排污许可证编号\n（排污登记编号）') === headerKey('排污许可证编号(排污登记编号)').
 */
export function headerKey(s: string): string {
  let k = toHalfWidth(removeInvisible(s)).replace(SPACES, '');
  k = k.replace(OPEN, '(').replace(CLOSE, ')').replace(LIST_SEP, '、').replace(DASHES, '-');
  k = k.replace(/[*※]/g, '').replace(/:+$/, '');
  return k.toLowerCase();
}

/**
 * OOXML escapes characters that XML cannot carry as `_xHHHH_` (exactly four hex digits, e.g.
 * `_x000D_` for CR). A literal `_x0041_` typed by a user is stored as `_x005F_x0041_` (the
 * underscore itself escaped); a single left-to-right pass decodes that correctly to `_x0041_`.
 * Must be applied exactly once: the workbook reader does it for the text of every <t> (shared and
 * inline strings, rich runs); grid values are already decoded.
 */
export function stripExcelEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
