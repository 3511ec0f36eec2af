import { pushTo } from '../findings/cap.js';
/**
 * The same enterprise on two units' lists: for each item, the other units listing the same USCC.
 * Shared by `check` (on judged entries) and `report` (on validated lists, with or without enforcement data).
 */
export function othersListing<T>(items: readonly T[], uscc: (t: T) => string | null, unit: (t: T) => string): Map<T, string[]> {
  const byUscc = new Map<string, T[]>();
  for (const it of items) {
    const u = uscc(it);
    if (!u || !/^[0-9A-Z]{18}$/.test(u)) continue;
    pushTo(byUscc, u, it);
  }
  const out = new Map<T, string[]>();
  for (const list of byUscc.values()) {
    const units = [...new Set(list.map(unit))];
    if (units.length < 2) continue;
    for (const it of list)
      out.set(
        it,
        units.filter((u) => u !== unit(it)),
      );
  }
  return out;
}
