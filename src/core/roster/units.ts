/**
 * The reporting-unit roster (the units that report to the city): 41 units up to the 2025 re-division,
 * 39 afterwards. The roster is data with effective dates; the cut-over date is a parameter
 * everywhere because the official date is not confirmed.
 *
 * Validity is a half-open interval on the *period end date*: a unit reports for a period ending E
 * when `validFrom <= E` (or no validFrom) and `E < validTo` (or no validTo). So `validTo` is the
 * cut-over date itself (the first day the unit no longer exists), never "cut-over minus one day".
 */
import { digitsAt } from '../values/dates.js';

/** A calendar date as `YYYY-MM-DD`. All comparisons are plain string comparisons (no time zones). */
export type IsoDate = string;

export type UnitKind = 'district' | 'county' | 'autonomous-county' | 'zone';

export interface Unit {
  /** canonical name: '万州区', '石柱土家族自治县', '两江新区', '重庆高新区', '万盛经开区' */
  name: string;
  /** GB/T 2260 code; zones have none, except 两江新区 from the cut-over ('500157', reported, unconfirmed) */
  code?: string;
  kind: UnitKind;
  /** 1-based position in the roster this record belongs to (rosterFor() returns records in this order) */
  order: number;
  /** first period end date the unit reports for (inclusive); absent = always */
  validFrom?: IsoDate;
  /** first period end date the unit no longer reports for (exclusive, = the cut-over); absent = always */
  validTo?: IsoDate;
  /** the unit that took it over (江北区, 渝北区 → '两江新区') */
  mergedInto?: string;
  /** extra spellings beyond the generic ones derived in resolve.ts (short name, 石柱县, 石柱自治县, …) */
  aliases: string[];
}

/** First day of 2025 Q4: periods ending on/after this use the 39-unit roster. */
export const DEFAULT_CUTOVER: IsoDate = '2025-10-01';

export const LIANGJIANG = '两江新区';
/** Abolished by the 2025 re-division and merged into 两江新区. */
export const MERGED_2025: readonly string[] = ['江北区', '渝北区'];
/** Towns of old 渝北区 that moved to 北碚区 in the 2025 re-division (not to 两江新区). */
export const TOWNS_TO_BEIBEI_2025: readonly string[] = ['大湾镇', '统景镇', '大盛镇', '兴隆镇', '茨竹镇'];

/**
 * Where 两江新区 sits in the 39-unit roster: immediately after this unit.
 * Chosen: after 武隆区, as the last district — it becomes a 市辖区 with code 500157, the next code
 * after 武隆区 (500156), and official tables list 市辖区 in code order before 县 and 自治县; the two
 * remaining zones (重庆高新区, 万盛经开区) stay last as in the notice. To keep its old place at the
 * head of the zones instead, set this to '彭水苗族土家族自治县'.
 */
export const LIANGJIANG_DISTRICT_AFTER = '武隆区';

interface BaseUnit {
  name: string;
  code?: string;
  kind: UnitKind;
  aliases: string[];
}

/* The notice's 41 units in official order. Aliases: former names (2006–2016 re-designations still
   seen in tables), common mis-spellings, and the zones' long forms. */
const BASE: readonly BaseUnit[] = [
  { name: '万州区', code: '500101', kind: 'district', aliases: [] },
  { name: '涪陵区', code: '500102', kind: 'district', aliases: [] },
  { name: '渝中区', code: '500103', kind: 'district', aliases: [] },
  { name: '大渡口区', code: '500104', kind: 'district', aliases: [] },
  { name: '江北区', code: '500105', kind: 'district', aliases: [] },
  { name: '沙坪坝区', code: '500106', kind: 'district', aliases: [] },
  { name: '九龙坡区', code: '500107', kind: 'district', aliases: [] },
  { name: '南岸区', code: '500108', kind: 'district', aliases: [] },
  { name: '北碚区', code: '500109', kind: 'district', aliases: [] },
  { name: '綦江区', code: '500110', kind: 'district', aliases: ['綦江县'] },
  { name: '大足区', code: '500111', kind: 'district', aliases: ['大足县'] },
  { name: '渝北区', code: '500112', kind: 'district', aliases: [] },
  { name: '巴南区', code: '500113', kind: 'district', aliases: [] },
  { name: '黔江区', code: '500114', kind: 'district', aliases: [] },
  { name: '长寿区', code: '500115', kind: 'district', aliases: [] },
  { name: '江津区', code: '500116', kind: 'district', aliases: ['江津市'] },
  { name: '合川区', code: '500117', kind: 'district', aliases: ['合川市'] },
  { name: '永川区', code: '500118', kind: 'district', aliases: ['永川市'] },
  { name: '南川区', code: '500119', kind: 'district', aliases: ['南川市'] },
  { name: '璧山区', code: '500120', kind: 'district', aliases: ['璧山县', '壁山区', '壁山县', '壁山'] },
  { name: '铜梁区', code: '500151', kind: 'district', aliases: ['铜梁县'] },
  { name: '潼南区', code: '500152', kind: 'district', aliases: ['潼南县'] },
  { name: '荣昌区', code: '500153', kind: 'district', aliases: ['荣昌县'] },
  { name: '开州区', code: '500154', kind: 'district', aliases: ['开县'] },
  { name: '梁平区', code: '500155', kind: 'district', aliases: ['梁平县'] },
  { name: '武隆区', code: '500156', kind: 'district', aliases: ['武隆县'] },
  { name: '城口县', code: '500229', kind: 'county', aliases: [] },
  { name: '丰都县', code: '500230', kind: 'county', aliases: [] },
  { name: '垫江县', code: '500231', kind: 'county', aliases: [] },
  { name: '忠县', code: '500233', kind: 'county', aliases: [] },
  { name: '云阳县', code: '500235', kind: 'county', aliases: [] },
  { name: '奉节县', code: '500236', kind: 'county', aliases: [] },
  { name: '巫山县', code: '500237', kind: 'county', aliases: [] },
  { name: '巫溪县', code: '500238', kind: 'county', aliases: [] },
  { name: '石柱土家族自治县', code: '500240', kind: 'autonomous-county', aliases: [] },
  // the two peoples are often written in the wrong order
  { name: '秀山土家族苗族自治县', code: '500241', kind: 'autonomous-county', aliases: ['秀山苗族土家族自治县'] },
  { name: '酉阳土家族苗族自治县', code: '500242', kind: 'autonomous-county', aliases: ['酉阳苗族土家族自治县'] },
  { name: '彭水苗族土家族自治县', code: '500243', kind: 'autonomous-county', aliases: ['彭水土家族苗族自治县'] },
  { name: '两江新区', kind: 'zone', aliases: ['两江新区管理委员会'] },
  {
    name: '重庆高新区',
    kind: 'zone',
    aliases: ['高新区', '重庆高新', '重庆高新技术产业开发区', '高新技术产业开发区', '西部（重庆）科学城重庆高新区', '西部科学城重庆高新区'],
  },
  // 万盛区 was abolished in 2011; the zone administers its former territory
  { name: '万盛经开区', kind: 'zone', aliases: ['万盛经济技术开发区', '万盛经济开发区', '万盛区'] },
];

export function isIsoDate(s: string): boolean {
  // read by character codes, not a regex: every roster look-up checks its dates
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkDate(d: IsoDate, what: string): void {
  if (!isIsoDate(d)) throw new RangeError(`${what} must be a YYYY-MM-DD date, got ${JSON.stringify(d)}`);
}

interface Rosters {
  before: readonly Unit[];
  after: readonly Unit[];
}

const cache = new Map<IsoDate, Rosters>();

function freezeUnit(u: Unit): Unit {
  Object.freeze(u.aliases);
  return Object.freeze(u);
}

/** Both rosters for a cut-over date (cached: Unit objects are stable per cut-over). */
export function rostersFor(cutover: IsoDate = DEFAULT_CUTOVER): Rosters {
  checkDate(cutover, 'cut-over');
  const hit = cache.get(cutover);
  if (hit) return hit;
  const before = BASE.map((b, i) => {
    const u: Unit = { name: b.name, kind: b.kind, order: i + 1, aliases: [...b.aliases] };
    if (b.code) u.code = b.code;
    if (MERGED_2025.includes(b.name)) {
      u.validTo = cutover;
      u.mergedInto = LIANGJIANG;
    } else if (b.name === LIANGJIANG) {
      u.validTo = cutover;
    }
    return freezeUnit(u);
  });
  const lj = BASE.find((b) => b.name === LIANGJIANG)!;
  const afterBase = BASE.filter((b) => !MERGED_2025.includes(b.name) && b.name !== LIANGJIANG).map((b) => ({ ...b }));
  const at = afterBase.findIndex((b) => b.name === LIANGJIANG_DISTRICT_AFTER);
  if (at < 0) throw new Error(`LIANGJIANG_DISTRICT_AFTER names no unit: ${LIANGJIANG_DISTRICT_AFTER}`);
  afterBase.splice(at + 1, 0, { name: LIANGJIANG, code: '500157', kind: 'district', aliases: [...lj.aliases] });
  const after = afterBase.map((b, i) => {
    const u: Unit = { name: b.name, kind: b.kind, order: i + 1, aliases: [...b.aliases] };
    if (b.code) u.code = b.code;
    if (b.name === LIANGJIANG) u.validFrom = cutover;
    return freezeUnit(u);
  });
  // Units present in both rosters carry no dates: only their position differs.
  const r: Rosters = { before: Object.freeze(before), after: Object.freeze(after) };
  cache.set(cutover, r);
  return r;
}

/** Whether a period ending on `periodEnd` falls under the post-2025 (39-unit) roster. */
export function isAfterCutover(periodEnd: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): boolean {
  checkDate(periodEnd, 'period end');
  checkDate(cutover, 'cut-over');
  return periodEnd >= cutover;
}

/** The roster in force for a period ending on `periodEnd`: 41 or 39 units, in official order. */
export function rosterFor(periodEnd: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): Unit[] {
  const r = rostersFor(cutover);
  return [...(isAfterCutover(periodEnd, cutover) ? r.after : r.before)];
}

/** The unit records abolished at the cut-over (江北区, 渝北区), with `mergedInto` and `validTo`. */
export function mergedUnits(cutover: IsoDate = DEFAULT_CUTOVER): Unit[] {
  return rostersFor(cutover).before.filter((u) => u.mergedInto !== undefined);
}

/**
 * A unit by its canonical name. With a period end: the record of that period's roster, or for a
 * merged-away unit its old record (check `mergedInto`). Without one: the notice's 41-unit roster.
 */
export function unitByName(name: string, periodEnd?: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): Unit | undefined {
  const r = rostersFor(cutover);
  if (periodEnd !== undefined && isAfterCutover(periodEnd, cutover)) {
    return r.after.find((u) => u.name === name) ?? r.before.find((u) => u.name === name && u.mergedInto);
  }
  return r.before.find((u) => u.name === name);
}
