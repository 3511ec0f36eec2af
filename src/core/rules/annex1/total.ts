import { ANNEX1_FIGURES } from '../../layout/annex1.js';
import { defineAnnex1Rule } from '../types.js';

/** The 合计 row equals the sum of the unit rows, figure by figure; unreadable cells make a column unverifiable, not 0. */
export const totalRule = defineAnnex1Rule({
  id: 'total',
  description: '合计行应等于各行之和',
  codes: ['total-missing', 'total-mismatch'],
  check(_doc, parsed, ctx) {
    const total = parsed.total;
    if (!total) {
      // a single district's file may omit 合计; with several rows the cross-check matters
      if (parsed.rows.length > 1) ctx.report('total-missing', {});
      return;
    }
    if (total.blank) return;
    for (const d of ANNEX1_FIGURES) {
      const t = total.reads[d.key];
      if (t.kind !== 'ok') continue;
      let sum = 0;
      let verifiable = true;
      for (const u of parsed.rows) {
        const r = u.reads[d.key];
        if (r.kind === 'ok') sum += r.value;
        else if (r.kind !== 'blank') verifiable = false;
      }
      if (!verifiable || sum === t.value) continue;
      const f = total.row.figures[d.key]!;
      // a recomputed total: name its formula, the usual cause is a formula summing the wrong cells
      const formula = f.recomputed !== undefined ? f.cell?.formula : undefined;
      ctx.report(
        'total-mismatch',
        { cell: f.ref, row: f.row, column: f.header },
        { column: f.header, diff: t.value - sum, formula },
        { value: String(t.value), expected: String(sum) },
      );
    }
  },
});
