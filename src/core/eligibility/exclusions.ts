/**
 * Exclusions and removals (docs/check.md "不得纳入、应移出、须人工判断").
 * - Never again (三(四)): a violation of the *malicious* kind on record, at any time — 恶意偷排/偷排, 篡改
 *   or 伪造 records or data, 逃避监管 (暗管, 渗井, 渗坑, not running treatment facilities to dodge
 *   monitoring), 涉嫌犯罪/移送公安 — by the record's text, whatever the 违法情况 column says.
 * - Serious but not malicious (违法情况 严重, no such act named, e.g. 未批先建): serious for 三, but whether it
 *   bars the enterprise for ever is a person's judgement — a warning asks for it.
 * - Must remove (三(九)), for events while listed: over-limit discharge not reported by the enterprise
 *   itself (主动报告 = 否), any malicious violation, a crime referred to the police.
 * - Do not list (三(三)): an objection upheld on review (复核属实).
 * A keyword inside a negation (未发现暗管, 不存在篡改行为) does not count: inspection reports record
 * what was checked as well as what was found.
 */
import type { Inspection, Text } from '../data/types.js';
import type { IsoDate } from '../values/dates.js';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import { t } from './describe.js';
import { inspectionsUpTo } from './data.js';
import type { At } from './types.js';

/** Acts of the malicious kind (三(四) and 环境保护法 art. 63's forms of 逃避监管), most specific first. */
export const MALICIOUS_KEYWORDS = [
  '恶意偷排',
  '偷排',
  '偷放',
  '暗管',
  '渗井',
  '渗坑',
  '篡改',
  '伪造',
  '逃避监管',
  '不正常运行防治污染设施',
  '不正常运行污染防治设施',
  '干扰自动监测',
  '干扰自动监控',
  '恶意',
  '涉嫌犯罪',
  '移送公安',
] as const;
const CRIME_KEYWORDS = ['涉嫌犯罪', '移送公安'];

export type ViolationLevel = 'none' | 'minor' | 'serious' | 'unknown';

export interface ViolationClass {
  level: ViolationLevel;
  /** what made it serious */
  by?: 'column' | 'keyword';
  /** the malicious act the text names (the first one), when it names one */
  keyword?: string;
  overLimit: boolean;
  crime: boolean;
  /** names an act of the malicious kind (a crime included): never again */
  malicious: boolean;
}

/** Phrases that say "nothing found" in a violation-text column. */
const NOTHING = /^(无|没有|否|未发现|未发现问题|未发现违法|未发现违法行为|未发现环境违法行为|无违法行为|无环境违法行为|无问题|不存在|正常|合格|—|-|\/|／|none|n\/a)[。.]?$/i;
/** Negation cues anywhere earlier in the same clause … */
const CLAUSE_NEGATION = /(未发现|未见|未查见|未查到|未检出|没有发现|不存在|排除)/;
/** … or right before the keyword. */
const NEAR_NEGATION = /(无|未|没有|不)(有|存在)?$/;

/** The keywords of a text that are not negated. */
export function keywordsIn(text: string, keywords: readonly string[] = MALICIOUS_KEYWORDS): string[] {
  const found: string[] = [];
  for (const clause of text.split(/[，。；;,.!！？?\n]/)) {
    for (const k of keywords) {
      let from = 0;
      for (let i = clause.indexOf(k, from); i >= 0; i = clause.indexOf(k, from)) {
        const before = clause.slice(0, i);
        if (!CLAUSE_NEGATION.test(before) && !NEAR_NEGATION.test(before)) {
          if (!found.includes(k)) found.push(k);
          break;
        }
        from = i + k.length;
      }
    }
  }
  return found;
}

export function classify(i: Inspection): ViolationClass {
  const text = i.violationText.trim();
  const words = keywordsIn(text);
  const crime = words.some((w) => CRIME_KEYWORDS.includes(w));
  const malicious = words.length > 0;
  const overLimit = keywordsIn(text, ['超标', '超过排放标准', '超过污染物排放标准', '超总量']).length > 0;
  const base = { overLimit, crime, malicious };
  if (words.length) return { level: 'serious', by: 'keyword', keyword: words[0]!, ...base };
  if (i.severity === 'serious') return { level: 'serious', by: 'column', ...base };
  if (i.severity === 'minor') return { level: 'minor', ...base };
  if (i.severity === 'none') return { level: 'none', ...base };
  const textSays = text !== '' && !NOTHING.test(text);
  // 违法情况 empty: the text decides. Filled but unreadable: only a text can tell.
  if (textSays || overLimit) return { level: 'minor', ...base };
  if (i.severityText.trim() !== '') return { level: 'unknown', ...base };
  return { level: 'none', ...base };
}

/**
 * Why an inspection bars or removes an enterprise (the check labels phrase it): serious by a
 * malicious keyword of its text or by 违法情况 严重 ('column'); a removal ground — a crime, a malicious
 * act, an over-limit discharge not self-reported — or an over-limit discharge not stated either way.
 */
export type HitWhy = { why: 'keyword' | 'malicious'; keyword: string } | { why: 'column' | 'crime' | 'over-limit' | 'over-limit-unstated' };

/** Why a serious violation is serious, for the evidence. */
function seriousWhy(c: ViolationClass): HitWhy {
  return c.by === 'keyword' ? { why: 'keyword', keyword: c.keyword! } : { why: 'column' };
}

/** An inspection that bars or removes an enterprise, and why. */
export interface Hit {
  inspection: Inspection;
  why: HitWhy;
}

function hit(i: Inspection, why: HitWhy): Hit {
  return { inspection: i, why };
}

/** Malicious violations on record on or before the date, at any time before it: the enterprise may never be listed. */
export function maliciousViolations(at: At): Hit[] {
  return inspectionsUpTo(at)
    .map((i) => ({ i, c: classify(i) }))
    .filter(({ c }) => c.malicious)
    .map(({ i, c }) => hit(i, seriousWhy(c)));
}

/** Records marked 严重 that name no malicious act, on or before the date: a person judges whether they bar it for ever. */
export function seriousToReview(at: At): Hit[] {
  return inspectionsUpTo(at)
    .map((i) => ({ i, c: classify(i) }))
    .filter(({ c }) => c.level === 'serious' && !c.malicious)
    .map(({ i, c }) => hit(i, seriousWhy(c)));
}

export interface RemovalResult {
  grounds: Hit[];
  /** over-limit discharges whose 主动报告 is not stated: a ground only if it was not self-reported */
  unclear: Hit[];
  /** false when the inclusion date is unknown and all records up to the as-of date were used */
  sinceInclusion: boolean;
}

/**
 * Removal grounds of 三(九) that occurred while listed: from the inclusion date (inclusive) to the
 * as-of date. Without an inclusion date every record up to the as-of date is used (and said so).
 */
export function removalGrounds(at: At, includedOn: IsoDate | undefined): RemovalResult {
  const grounds: Hit[] = [];
  const unclear: Hit[] = [];
  for (const i of inspectionsUpTo(at)) {
    if (includedOn && i.date < includedOn) continue;
    const c = classify(i);
    if (c.crime) grounds.push(hit(i, { why: 'crime' }));
    else if (c.malicious) grounds.push(hit(i, { why: 'malicious', keyword: c.keyword! }));
    else if (c.overLimit && i.selfReported === false) grounds.push(hit(i, { why: 'over-limit' }));
    else if (c.overLimit && i.selfReported === null) unclear.push(hit(i, { why: 'over-limit-unstated' }));
  }
  return { grounds, unclear, sinceInclusion: includedOn !== undefined };
}

/** The hits as evidence in both languages (for the verdicts' reasons). */
export function describeHits(hits: Hit[]): Text {
  return t(zh.check.hits(hits), en.check.hits(hits));
}
