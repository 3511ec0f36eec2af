/**
 * 所属行业 check against GB/T 4754-2017 (and the 2011 edition). Never an error: the worst outcome
 * is a warning (`mismatch` or `unknown`).
 *
 * Accepted: a name (`化学原料和化学制品制造业`, with or without a trailing 业/行业, with or without
 * 、), a code (`C26`, `26`, `C`, or a 3-/4-digit class code such as `C2614`, read by its first two
 * digits), or both in either order (`C26 化学原料和化学制品制造业`, `26-化学…`, `化学…(C26)`),
 * full-width letters and digits included. A name is matched first; the code is then checked
 * against it. 2011 names and codes are accepted and reported with `edition: 2011`.
 */
import { DIVISIONS_2011, DIVISIONS_2017, INDUSTRY_KEYWORDS, SECTIONS_2011, SECTIONS_2017, division2011To2017, type SectionDef } from './gbt4754.js';

export type IndustryResult =
  | { kind: 'ok'; section?: string; division?: string; name: string; edition?: 2011 }
  | { kind: 'mismatch'; code: string; codeName: string; name: string; nameCode: string }
  | { kind: 'unknown'; suggestion?: string };

/** codeName used when the written code is not a division in either edition. */
export const NO_SUCH_CODE = '无此代码 / no such code';

function sectionOf(div: string, table: readonly SectionDef[] = SECTIONS_2017): SectionDef | undefined {
  return table.find((s) => div >= s.first && div <= s.last);
}

function sectionByCode(code: string): SectionDef | undefined {
  return SECTIONS_2017.find((s) => s.code === code);
}

/** `C26 化学原料和化学制品制造业` style label of a 2017 division. */
export function divisionLabel(div: string): string {
  return `${sectionOf(div)?.code ?? ''}${div} ${DIVISIONS_2017[div] ?? ''}`;
}

/** Full-width ASCII → half-width, ideographic space → space, trim, upper-case letters. */
function normalise(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** Comparison key for names: no spaces or list punctuation, no trailing 行业/业. */
function nameKey(s: string): string {
  return s.replace(/[\s、,，·]/g, '').replace(/(行业|业)$/, '');
}

interface NameHit {
  /** 2017 division, when the name is a division */
  division?: string;
  section: SectionDef;
  edition: 2017 | 2011;
}

const NAME_INDEX: ReadonlyMap<string, NameHit> = (() => {
  const m = new Map<string, NameHit>();
  // Sections first so that a division with the same name (房地产业, 教育, 国际组织) overrides it:
  // the division is the more specific reading and implies the section.
  for (const s of SECTIONS_2017) m.set(nameKey(s.name), { section: s, edition: 2017 });
  for (const [code, name] of Object.entries(DIVISIONS_2011)) {
    const div = division2011To2017(code);
    m.set(nameKey(name), { division: div, section: sectionOf(div)!, edition: 2011 });
  }
  for (const [code, name] of Object.entries(DIVISIONS_2017)) {
    m.set(nameKey(name), { division: code, section: sectionOf(code)!, edition: 2017 });
  }
  return m;
})();

function lookupExact(text: string): NameHit | undefined {
  const key = nameKey(text);
  return key === '' ? undefined : NAME_INDEX.get(key);
}

function lookupName(text: string): NameHit | undefined {
  const hit = lookupExact(text);
  if (hit) return hit;
  // `制造业/化学原料和化学制品制造业`, `制造业-汽车制造业`: take the most specific part that matches.
  const parts = text.split(/[\s/|>＞→\-—_;；]+/).filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  let best: NameHit | undefined;
  for (const p of parts) {
    const h = NAME_INDEX.get(nameKey(p));
    if (h && (!best || (h.division && !best.division))) best = h;
  }
  return best;
}

interface Parsed {
  letter?: string;
  digits?: string;
  name: string;
}

const SEP = String.raw`[\s\-—_.:：、()\[\]【】]*`;
const PREFIX_RE = new RegExp(String.raw`^[(\[【]?\s*([A-T](?=$|[\s\d\-—_.:：、()\[\]【】\u4e00-\u9fff]))?${SEP}(\d{2,4}(?!\d))?${SEP}(.*)$`, 's');
const SUFFIX_RE = new RegExp(String.raw`^(.*?)${SEP}[(\[【]?\s*([A-T])?\s*(\d{2,4})\s*[)\]】]?$`, 's');
const SUFFIX_LETTER_RE = /^(.*?)\s*[([【]\s*([A-T])\s*[)\]】]$/s;

function parse(s: string): Parsed {
  const p = PREFIX_RE.exec(s);
  if (p && (p[1] || p[2])) return { letter: p[1], digits: p[2], name: p[3]!.trim() };
  const q = SUFFIX_RE.exec(s);
  if (q && q[1] !== '' && !/\d$/.test(q[1]!)) return { letter: q[2], digits: q[3], name: q[1]!.trim() };
  const r = SUFFIX_LETTER_RE.exec(s);
  if (r && r[1] !== '') return { letter: r[2], name: r[1]!.trim() };
  return { name: s };
}

function ok(section: SectionDef, division: string | undefined, edition: 2017 | 2011): IndustryResult {
  const r: IndustryResult = division ? { kind: 'ok', section: section.code, division, name: DIVISIONS_2017[division]! } : { kind: 'ok', section: section.code, name: section.name };
  if (edition === 2011) r.edition = 2011;
  return r;
}

function hitCode(h: NameHit): string {
  return h.section.code + (h.division ?? '');
}

function hitName(h: NameHit): string {
  return h.division ? DIVISIONS_2017[h.division]! : h.section.name;
}

/** What a written division code means, preferring the edition the letter (if any) agrees with. */
function codeMeaning(letter: string | undefined, div: string): string {
  const n17 = DIVISIONS_2017[div];
  const n11 = DIVISIONS_2011[div];
  if (n17 && (!letter || sectionOf(div)?.code === letter)) return n17;
  if (n11 && letter && sectionOf(div, SECTIONS_2011)?.code === letter) return n11;
  return n17 ?? n11 ?? NO_SUCH_CODE;
}

/** Does a written division code denote the 2017 division `target`? Returns the edition or undefined. */
function codeDenotes(div: string, target: string): 2017 | 2011 | undefined {
  if (DIVISIONS_2017[div] && div === target) return 2017;
  if (DIVISIONS_2011[div] && division2011To2017(div) === target) return 2011;
  return undefined;
}

function suggest(text: string): string | undefined {
  const flat = text.replace(/\s/g, '');
  // A full official division name inside longer text (4+ characters, so 农业 in 农业机械 does not count).
  let bestDiv: string | undefined;
  let bestLen = 0;
  for (const [code, name] of Object.entries(DIVISIONS_2017)) {
    if (name.length >= 4 && name.length > bestLen && flat.includes(name)) {
      bestDiv = code;
      bestLen = name.length;
    }
  }
  if (bestDiv) return divisionLabel(bestDiv);
  let kwDiv: string | undefined;
  let kwLen = 0;
  for (const [kw, div] of INDUSTRY_KEYWORDS) {
    if (kw.length > kwLen && flat.includes(kw)) {
      kwDiv = div;
      kwLen = kw.length;
    }
  }
  return kwDiv ? divisionLabel(kwDiv) : undefined;
}

function unknown(text: string): IndustryResult {
  const suggestion = suggest(text);
  return suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' };
}

export function checkIndustry(raw: string): IndustryResult {
  const s = normalise(raw);
  if (s === '') return { kind: 'unknown' };

  // The whole text as a name first (no name in the tables contains a letter or digit).
  const whole = lookupExact(s);
  if (whole) return ok(whole.section, whole.division, whole.edition);

  const { letter, digits, name } = parse(s);
  const div = digits?.slice(0, 2);
  const hit = name !== '' ? lookupName(name) : undefined;

  if (hit) {
    let edition = hit.edition;
    if (div !== undefined) {
      let consistent: boolean;
      if (hit.division) {
        const e = codeDenotes(div, hit.division);
        consistent = e !== undefined;
        if (e === 2011) edition = 2011;
      } else {
        // A section name with a division code inside it (`44 电力、热力、燃气及水生产和供应业`):
        // the division is the more specific reading.
        const in17 = DIVISIONS_2017[div] !== undefined && sectionOf(div)?.code === hit.section.code;
        const in11 = !in17 && DIVISIONS_2011[div] !== undefined && sectionOf(div, SECTIONS_2011)?.code === hit.section.code;
        consistent = in17 || in11;
        if (consistent && (letter === undefined || letter === hit.section.code)) {
          return ok(hit.section, in17 ? div : division2011To2017(div), in17 ? 2017 : 2011);
        }
      }
      if (!consistent) {
        return { kind: 'mismatch', code: (letter ?? '') + digits!, codeName: codeMeaning(letter, div), name: hitName(hit), nameCode: hitCode(hit) };
      }
    }
    if (letter !== undefined && letter !== hit.section.code) {
      return { kind: 'mismatch', code: letter, codeName: sectionByCode(letter)!.name, name: hitName(hit), nameCode: hitCode(hit) };
    }
    return ok(hit.section, hit.division, edition);
  }

  if (div !== undefined) {
    const in17 = DIVISIONS_2017[div] !== undefined;
    const in11 = DIVISIONS_2011[div] !== undefined;
    if (letter === undefined) {
      if (in17) return ok(sectionOf(div)!, div, 2017);
      return unknown(name);
    }
    if (in17 && sectionOf(div)!.code === letter) return ok(sectionOf(div)!, div, 2017);
    if (in11 && sectionOf(div, SECTIONS_2011)!.code === letter) {
      const d17 = division2011To2017(div);
      return ok(sectionOf(d17)!, d17, 2011);
    }
    if (in17) {
      const sec = sectionByCode(letter)!;
      return { kind: 'mismatch', code: div, codeName: DIVISIONS_2017[div]!, name: sec.name, nameCode: sec.code };
    }
    return unknown(name);
  }
  // A bare letter is a section; a letter followed by unrecognised text (T恤加工) is not a code.
  if (letter !== undefined && name === '') return ok(sectionByCode(letter)!, undefined, 2017);
  return unknown(s);
}
