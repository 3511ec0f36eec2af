import { locationOutsideUnit, unitsNamedIn } from '../../roster/location.js';
import { at, defineAnnex2Rule } from '../types.js';

/**
 * 所在地 should lie in the submitting unit: warn only when the text clearly names another unit
 * (zones overlap their host districts, and the 2025 merger counts on both sides of the cut-over).
 */
export const locationRule = defineAnnex2Rule({
  id: 'location',
  description: '所在地应位于填报区县',
  codes: ['location-outside-district'],
  check(_doc, entries, ctx) {
    const unit = ctx.unit;
    if (!unit) return;
    // a list names the same places again and again: each text is judged once
    const outside = new Map<string, boolean>();
    for (const e of entries) {
      if (!e.location) continue;
      let out = outside.get(e.location);
      if (out === undefined) outside.set(e.location, (out = locationOutsideUnit(e.location, unit, ctx.rosterDate, ctx.cutover)));
      if (!out) continue;
      const f = e.fields.location;
      if (!f) continue;
      const named = unitsNamedIn(e.location, ctx.rosterDate, ctx.cutover);
      ctx.report('location-outside-district', at(f), { other: named.map((u) => u.name), district: unit.name }, { value: e.location });
    }
  },
});
