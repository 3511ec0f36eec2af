import { headerKey } from '../values/text.js';
import type { ColumnDef } from '../layout/types.js';

/** Units the seed prints after a header, e.g. 纳入清单企业数量（个）: ignored when matching. */
const UNIT_SUFFIX = /\((个|件|次|家次|家|户|人次|项)\)$/;

/** The matching key of a header text: headerKey normalisation, then the unit suffix dropped. */
export function matchKey(text: string): string {
  let k = headerKey(text);
  // a unit may follow on its own line after the text, or the header may repeat the unit twice
  for (let i = 0; i < 2 && UNIT_SUFFIX.test(k); i++) k = k.replace(UNIT_SUFFIX, '');
  return k;
}

/** Every accepted key of a column (its header and aliases). */
export function keysOf(def: ColumnDef): string[] {
  return [def.header, ...(def.aliases ?? [])].map(matchKey);
}

/** A lookup from header key to column keys (several columns can share a sub-header, e.g. 其他方式). */
export function keyIndex<K extends string>(defs: readonly ColumnDef<K>[]): Map<string, K[]> {
  const idx = new Map<string, K[]>();
  for (const d of defs) {
    for (const k of keysOf(d)) {
      const list = idx.get(k) ?? [];
      if (!list.includes(d.key)) list.push(d.key);
      idx.set(k, list);
    }
  }
  return idx;
}
