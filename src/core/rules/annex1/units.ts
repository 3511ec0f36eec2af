import { defineAnnex1Rule } from '../types.js';
import { resolveSource, unitCodes } from '../common/unit.js';

/** Each data row's 地市 names a unit of the period's roster; a unit appears once. */
export const unitsRule = defineAnnex1Rule({
  id: 'units',
  description: '“地市”须为报送单位名单中的区县',
  codes: ['annex1-no-data', 'required-missing', 'district-duplicate', ...unitCodes],
  check(_doc, parsed, ctx) {
    if (parsed.rows.length === 0) {
      ctx.report('annex1-no-data', {});
      return;
    }
    // with a single row the district rule (file level) already resolved it
    if (parsed.rows.length < 2) return;
    const seen = new Map<string, number>();
    for (const u of parsed.rows) {
      const f = u.row.district;
      if (!u.unitText) {
        ctx.report('required-missing', { cell: f.ref, row: f.row, column: '地市' }, { column: '地市' });
        continue;
      }
      const unit = resolveSource({ kind: 'cell', text: u.unitText, ref: f.ref }, ctx);
      if (!unit) continue;
      const first = seen.get(unit.name);
      if (first !== undefined) ctx.report('district-duplicate', { cell: f.ref, row: f.row, column: '地市' }, { unit: unit.name, rows: [first, f.row] }, { value: u.unitText });
      else seen.set(unit.name, f.row);
    }
  },
});
