/**
 * Which reporting units a 所在地 (location) text names, for the "location outside the district"
 * warning. Deliberately conservative — a false alarm costs a district a pointless correction, a miss
 * costs nothing — so only full names count (渝北区, 忠县, 石柱县, 两江新区, 重庆市高新区), never bare
 * short names (渝北, 江北 in 两江新区江北嘴), and zones are treated as overlapping the districts their
 * territory lies in.
 */
import { strongUnitsIn } from './resolve.js';
import { DEFAULT_CUTOVER, isAfterCutover, TOWNS_TO_BEIBEI_2025, unitByName, type IsoDate, type Unit } from './units.js';

/**
 * Functional zones and the administrative districts their territory lies in: a location written
 * with either name is plausible for the other. 两江新区 manages parts of 江北/渝北/北碚; 重庆高新区 (西部科学城)
 * parts of 沙坪坝/九龙坡/北碚/江津/璧山; 万盛经开区 is the former 万盛区, administratively part of 綦江区.
 */
const OVERLAPS: Record<string, readonly string[]> = {
  两江新区: ['江北区', '渝北区', '北碚区'],
  重庆高新区: ['沙坪坝区', '九龙坡区', '北碚区', '江津区', '璧山区'],
  万盛经开区: ['綦江区'],
};

function overlap(a: string, b: string): boolean {
  return (OVERLAPS[a]?.includes(b) ?? false) || (OVERLAPS[b]?.includes(a) ?? false);
}

function mentionsMovedTown(t: string): boolean {
  return TOWNS_TO_BEIBEI_2025.some((town) => t.includes(town));
}

/**
 * The units a location text names, as records of the period's roster. After the cut-over a named
 * 江北区/渝北区 maps to its successor: 两江新区, or 北碚区 when the text names one of the five towns
 * that moved there (大湾镇, 统景镇, 大盛镇, 兴隆镇, 茨竹镇). Without `periodEnd`, names are returned as
 * written (41-unit roster). `[]` when no full unit name appears.
 */
export function unitsNamedIn(location: string, periodEnd?: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): Unit[] {
  return inPeriod(strongUnitsIn(location, periodEnd, cutover), location, periodEnd, cutover);
}

/** `named` (the units a location text names) as records of the period's roster: see unitsNamedIn. */
function inPeriod(named: Unit[], location: string, periodEnd: IsoDate | undefined, cutover: IsoDate): Unit[] {
  if (periodEnd === undefined || !isAfterCutover(periodEnd, cutover)) return named;
  const out: Unit[] = [];
  for (const u of named) {
    let m: Unit | undefined = u;
    if (u.mergedInto) {
      const to = u.name === '渝北区' && mentionsMovedTown(location) ? '北碚区' : u.mergedInto;
      m = unitByName(to, periodEnd, cutover);
    }
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

/**
 * True only when the location names units and none of them can plausibly hold an enterprise on
 * `unit`'s list — same unit, overlapping zone, merger predecessor/successor, or the five towns that
 * moved from 渝北区 to 北碚区 (accepted on either side of the cut-over, since lists lag the map).
 */
export function locationOutsideUnit(location: string, unit: Unit | string, periodEnd?: IsoDate, cutover: IsoDate = DEFAULT_CUTOVER): boolean {
  const target = typeof unit === 'string' ? unit : unit.name;
  const raw = strongUnitsIn(location, periodEnd, cutover);
  if (raw.length === 0) return false;
  const plausible = (n: Unit): boolean =>
    n.name === target ||
    overlap(n.name, target) ||
    n.mergedInto === target ||
    unitByName(target, undefined, cutover)?.mergedInto === n.name ||
    (((n.name === '渝北区' && target === '北碚区') || (n.name === '北碚区' && target === '渝北区')) && mentionsMovedTown(location));
  // the names as written first: the usual location (in the unit itself) needs no look-up of successors
  if (raw.some(plausible)) return false;
  return !inPeriod(raw, location, periodEnd, cutover).some(plausible);
}
