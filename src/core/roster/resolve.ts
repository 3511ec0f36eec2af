/**
 * Reporting-unit name resolution: the many spellings districts use for their names (重庆市渝北区, 渝北区生态环境局, …) → a canonical Unit of the roster
 * in force for a period.
 *
 * Matching is exact on a set of spellings per unit (never by prefix or substring of a name), so the
 * confusable pairs (万盛/万州, 江北/江津, 南川/南岸, 巫山/巫溪 …) cannot bleed into each other. The
 * input is reduced step by step (prefix 重庆市, bureau suffixes, parenthesised remarks) and every
 * intermediate form is looked up, the raw form first — that is why 重庆高新区 is never eaten by the
 * 重庆 prefix strip.
 */
import { DEFAULT_CUTOVER, isAfterCutover, rostersFor, type IsoDate, type Unit } from './units.js';

export type Resolution =
  | { kind: 'ok'; unit: Unit; normalised: boolean }
  | { kind: 'placeholder'; value: string }
  | { kind: 'merged'; value: string; unit: Unit; into: string; since: IsoDate }
  | { kind: 'ambiguous'; value: string; candidates: string[] }
  | { kind: 'unknown'; value: string; suggestion?: string };

/** One way of writing a unit. Weak spellings (bare short names: 渝北, 万盛) are not trusted when a
 *  strong one also appears in a text, and are ignored entirely for locations. */
export interface Spelling {
  text: string;
  unit: Unit;
  strong: boolean;
  /** bare 高新区: in free text only when nothing but 重庆/重庆市/科学城 precedes it (璧山高新区, 永川高新区 are
   *  parks inside ordinary districts) */
  cityContext: boolean;
}

const ZONE_SHORT: Record<string, string> = { 两江新区: '两江', 万盛经开区: '万盛' };
const CITY_CONTEXT = new Set(['高新区', '高新技术产业开发区']);

/** Text that normaliseUnitText returns unchanged: CJK unified ideographs (no compatibility forms among
 *  them) and ASCII letters, digits and a few marks — most addresses, checked far faster than NFKC. */
const PLAIN_UNIT_TEXT = /^[\u4E00-\u9FFF0-9A-Za-z#-]*$/;

/** Width, bracket and whitespace normalisation shared by names and free text. */
export function normaliseUnitText(s: string): string {
  if (PLAIN_UNIT_TEXT.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[〔【［「『]/g, '(')
    .replace(/[〕】］」』]/g, ')')
    .replace(/\s+/g, '');
}

function normaliseName(s: string): string {
  return normaliseUnitText(s).replace(/^[,，.。:：;；、"'“”‘’《》<>]+|[,，.。:：;；、"'“”‘’《》<>]+$/g, '');
}

/** Every spelling of a unit that resolves to it (normalised form). */
export function spellingsOf(u: Unit): Spelling[] {
  const out: Spelling[] = [];
  const add = (t: string, strong: boolean) => {
    const text = normaliseName(t);
    if (text.length < 2 || out.some((s) => s.text === text)) return;
    // two-character forms are weak unless they end in 区/县 (忠县, 开县): bare 渝北 could be anything
    out.push({ text, unit: u, strong: strong && (text.length > 2 || /[区县]$/.test(text)), cityContext: CITY_CONTEXT.has(text) });
  };
  add(u.name, true);
  for (const a of u.aliases) add(a, true);
  if (u.kind === 'autonomous-county') {
    const short = u.name.slice(0, 2);
    add(`${short}县`, true);
    add(`${short}自治县`, true);
    add(short, false);
  } else if (u.kind === 'zone') {
    const short = ZONE_SHORT[u.name];
    if (short) add(short, false);
  } else {
    add(u.name.slice(0, -1), false); // 忠县 → 忠 is too short and skipped by add()
  }
  return out;
}

interface Index {
  exact: Map<string, Spelling>;
  /** spellings by the code unit they start with, longest first */
  byFirstChar: Map<number, Spelling[]>;
  /** 1 at the code units that start a spelling: most characters of a text start none */
  starts: Uint8Array;
  units: readonly Unit[];
}

interface Ctx {
  index: Index;
  after: boolean;
  cutover: IsoDate;
}

const indexCache = new Map<string, Index>();

function buildIndex(units: readonly Unit[]): Index {
  const exact = new Map<string, Spelling>();
  const byFirstChar = new Map<number, Spelling[]>();
  const starts = new Uint8Array(0x10000);
  for (const u of units) {
    for (const sp of spellingsOf(u)) {
      const prev = exact.get(sp.text);
      if (prev && prev.unit !== u) throw new Error(`spelling ${sp.text} names both ${prev.unit.name} and ${u.name}`);
      exact.set(sp.text, sp);
      const k = sp.text.charCodeAt(0);
      const list = byFirstChar.get(k) ?? [];
      list.push(sp);
      byFirstChar.set(k, list);
      starts[k] = 1;
    }
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.text.length - a.text.length);
  return { exact, byFirstChar, starts, units };
}

/** The last context asked for: a location rule asks for the same one for every row. */
let lastCtx: { periodEnd: IsoDate | undefined; cutover: IsoDate; ctx: Ctx } | undefined;

function ctxFor(periodEnd: IsoDate | undefined, cutover: IsoDate): Ctx {
  if (lastCtx && lastCtx.periodEnd === periodEnd && lastCtx.cutover === cutover) return lastCtx.ctx;
  const r = rostersFor(cutover);
  const after = periodEnd !== undefined && isAfterCutover(periodEnd, cutover);
  const key = `${cutover}|${after ? 1 : 0}`;
  let index = indexCache.get(key);
  if (!index) {
    // after the cut-over the merged-away units stay findable, to say "merged" rather than "unknown"
    index = buildIndex(after ? [...r.after, ...r.before.filter((u) => u.mergedInto)] : r.before);
    indexCache.set(key, index);
  }
  const ctx = { index, after, cutover };
  lastCtx = { periodEnd, cutover, ctx };
  return ctx;
}

/* Reduction steps, applied breadth-first; every intermediate form is looked up. */
const PREFIXES = ['重庆市生态环境局', '重庆市', '重庆'];
const SUFFIXES = [
  '生态环境保护综合行政执法支队',
  '生态环境综合行政执法支队',
  '综合行政执法支队',
  '生态环境执法支队',
  '环境监察执法支队',
  '环境行政执法支队',
  '环境监察支队',
  '环境监察大队',
  '生态环境保护局',
  '环境保护局',
  '生态环境分局',
  '生态环境局',
  '执法支队',
  '执法大队',
  '环保分局',
  '环保局',
  '管理委员会',
  '管委会',
  '人民政府',
  '分局',
  '政府',
];
const LABEL = /^(?:填[报表]单位|报送单位|单位名称|单位|地市|区县)[:：]?/;

function stripPrefix(v: string): string | null {
  for (const p of PREFIXES) if (v.startsWith(p) && v.length > p.length) return v.slice(p.length);
  return null;
}
function stripSuffix(v: string): string | null {
  for (const s of SUFFIXES) if (v.endsWith(s) && v.length > s.length) return v.slice(0, -s.length);
  return null;
}
function dropParens(v: string): string | null {
  const w = v.replace(/\([^()]*\)/g, '');
  return w && w !== v ? w : null;
}
function dropLabel(v: string): string | null {
  const w = v.replace(LABEL, '');
  return w && w !== v ? w : null;
}

function variants(s: string): string[] {
  const q = [s];
  const seen = new Set(q);
  for (let k = 0; k < q.length && q.length < 64; k++) {
    for (const f of [dropLabel, stripPrefix, stripSuffix, dropParens]) {
      const n = f(q[k]);
      if (n && !seen.has(n)) {
        seen.add(n);
        q.push(n);
      }
    }
  }
  return q;
}

/** The name with every label, prefix and bureau suffix removed (for placeholder and typo checks). */
function core(s: string): string {
  let v = s;
  for (;;) {
    const n = dropLabel(v) ?? stripPrefix(v) ?? stripSuffix(v);
    if (n === null) return v;
    v = n;
  }
}

const PLACEHOLDER_CHARS = /^[*xX×✕✖_\-—–.…·?？○〇□■●#某区县自治()/、]+$/;
const PLACEHOLDER_MARK = /[区县*×✕✖某○〇□■●#xX_]/;
/** A template placeholder in free text: 'xx区（县）', '重庆市**区', '某某县'. */
const PLACEHOLDER_IN_TEXT = /(?:(?<![A-Za-z])[xX]+|[*×✕✖#_○〇□]+|某某)(?:区县|区|县)(?:\((?:县|区|自治县|区县)\))?/;

function isPlaceholderName(s: string): boolean {
  const c = core(s);
  return c.length > 0 && PLACEHOLDER_CHARS.test(c) && PLACEHOLDER_MARK.test(c);
}

function fromUnit(value: string, unit: Unit, normalised: boolean, ctx: Ctx): Resolution {
  if (ctx.after && unit.mergedInto) {
    return { kind: 'merged', value, unit, into: unit.mergedInto, since: ctx.cutover };
  }
  return { kind: 'ok', unit, normalised };
}

interface Hit {
  start: number;
  sp: Spelling;
}

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

const NONE: readonly Spelling[] = [];

/**
 * Leftmost-longest scan for unit spellings in normalised text. A spelling ending in 区 right before
 * 域 is skipped (江北区域 is "the area north of the river", not 江北区).
 */
function scan(text: string, index: Index): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < text.length) {
    let found: Spelling | undefined;
    const c = text.charCodeAt(i);
    for (const sp of index.starts[c] ? index.byFirstChar.get(c)! : NONE) {
      if (!text.startsWith(sp.text, i)) continue;
      const end = i + sp.text.length;
      if (sp.text.endsWith('区') && text[end] === '域') continue;
      if (sp.cityContext && isHan(text[i - 1]) && !/(?:重庆市?|科学城)$/.test(text.slice(0, i))) continue;
      found = sp;
      break;
    }
    if (found) {
      hits.push({ start: i, sp: found });
      i += found.text.length;
    } else i++;
  }
  return hits;
}

/** Decide from the spellings found in a text: strong ones win over weak ones. */
function decide(value: string, hits: Hit[], ctx: Ctx): Resolution | null {
  const strong = hits.filter((h) => h.sp.strong);
  const use = strong.length > 0 ? strong : hits;
  if (use.length === 0) return null;
  const units: Unit[] = [];
  for (const h of use) if (!units.includes(h.sp.unit)) units.push(h.sp.unit);
  if (units.length === 1) {
    const h = use[0];
    return fromUnit(
      value,
      h.sp.unit,
      use.some((x) => x.sp.text !== h.sp.unit.name),
      ctx,
    );
  }
  // after the cut-over, '两江新区（原渝北区）' names one current unit and its predecessor
  if (ctx.after) {
    const current = units.filter((u) => !u.mergedInto);
    if (current.length === 1 && units.every((u) => !u.mergedInto || u.mergedInto === current[0].name)) {
      return { kind: 'ok', unit: current[0], normalised: true };
    }
  }
  return { kind: 'ambiguous', value, candidates: units.map((u) => u.name) };
}

function levenshtein(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length];
}

/** A unit one edit away from the name, when exactly one is. */
function suggest(s: string, index: Index): string | undefined {
  const c = core(s);
  if ([...c].length < 2) return undefined;
  const near = new Set<string>();
  for (const sp of index.exact.values()) {
    if (sp.text.length >= 2 && levenshtein(c, sp.text) === 1) near.add(sp.unit.name);
  }
  return near.size === 1 ? [...near][0] : undefined;
}

/**
 * Resolve a unit name as written in a cell (地市 column, 填报单位 value, `--district` option).
 * Without `periodEnd`, the notice's 41-unit roster is used (every name ever valid resolves to `ok`).
 */
export function resolveUnit(raw: string, periodEnd?: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): Resolution {
  const ctx = ctxFor(periodEnd, cutover);
  const value = raw.trim();
  const s = normaliseName(raw);
  if (!s) return { kind: 'unknown', value };
  for (const v of variants(s)) {
    const sp = ctx.index.exact.get(v);
    if (sp) return fromUnit(value, sp.unit, raw !== sp.unit.name, ctx);
  }
  if (isPlaceholderName(s)) return { kind: 'placeholder', value };
  const decided = decide(value, scan(s, ctx.index), ctx);
  if (decided?.kind === 'ok') return { ...decided, normalised: raw !== decided.unit.name };
  if (decided) return decided;
  const suggestion = suggest(s, ctx.index);
  return suggestion ? { kind: 'unknown', value, suggestion } : { kind: 'unknown', value };
}

const UNIT_LABEL = /填[报表]单位[:：]?/;
const NEXT_LABEL = /填[报表](?:时间|日期)|报送(?:时间|日期)|联系人|联系电话|电话|日期[:：]|时间[:：]/;

/**
 * The unit a file name, e-mail subject or 填报单位 line names.
 * - With a 填报单位 label only the text after it (up to the next label: 填报时间, 联系人 …) counts, so
 *   a contact person called 梁平 is not taken for 梁平区; an unrecognised non-empty value gives `unknown`.
 * - Otherwise: `null` when no unit name appears, `ambiguous` when two different units do,
 *   `placeholder` for an unfilled 'xx区（县）'. Full names win over bare short names (渝北).
 */
export function findUnitInText(text: string, periodEnd?: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): Resolution | null {
  const ctx = ctxFor(periodEnd, cutover);
  const t = normaliseUnitText(text);
  const label = UNIT_LABEL.exec(t);
  if (label) {
    let seg = t.slice(label.index + label[0].length);
    const next = NEXT_LABEL.exec(seg);
    if (next) seg = seg.slice(0, next.index);
    seg = normaliseName(seg);
    if (!seg) return null;
    return resolveUnit(seg, periodEnd, cutover);
  }
  const decided = decide(text.trim(), scan(t, ctx.index), ctx);
  if (decided) return decided;
  const ph = PLACEHOLDER_IN_TEXT.exec(t);
  if (ph) return { kind: 'placeholder', value: ph[0] };
  return null;
}

/** Internal scan, shared with location.ts: strong spellings only, in order of appearance. */
export function strongUnitsIn(text: string, periodEnd?: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): Unit[] {
  const ctx = ctxFor(periodEnd, cutover);
  const out: Unit[] = [];
  for (const h of scan(normaliseUnitText(text), ctx.index)) {
    if (h.sp.strong && !out.includes(h.sp.unit)) out.push(h.sp.unit);
  }
  return out;
}
