import { ANNEX1_FIGURES } from '../../layout/annex1.js';
import { defineAnnex1Rule } from '../types.js';
import type { UnitFigures } from '../../annex1/figures.js';
import type { RuleContext } from '../types.js';

const codes = ['number-invalid', 'formula-no-value', 'number-as-text', 'number-blank'] as const;

/** Every figure is a non-negative whole number; text numbers and blanks among filled cells are warnings. */
export const numbersRule = defineAnnex1Rule({
  id: 'numbers',
  description: '各项数字须为非负整数',
  codes,
  check(_doc, parsed, ctx) {
    for (const u of parsed.rows) checkRow(u, ctx, false);
    if (parsed.total) checkRow(parsed.total, ctx, true);
  },
});

function checkRow(u: UnitFigures, ctx: RuleContext<(typeof codes)[number]>, isTotal: boolean): void {
  for (const d of ANNEX1_FIGURES) {
    const r = u.reads[d.key];
    const f = u.row.figures[d.key];
    if (!f) continue;
    const loc = { cell: f.ref, row: f.row, column: f.header };
    switch (r.kind) {
      case 'invalid':
        ctx.report('number-invalid', loc, { column: f.header, ...r.fault }, { value: f.text });
        break;
      case 'error-value':
        ctx.report('number-invalid', loc, { column: f.header, fault: 'cell-error', error: r.error }, { value: r.error });
        break;
      case 'no-value':
        ctx.report('formula-no-value', loc, { formula: r.formula });
        break;
      case 'ok':
        if (r.asText) ctx.report('number-as-text', loc, { column: f.header, number: r.value }, { value: f.text });
        break;
      case 'blank':
        // a wholly blank row means nothing to report yet (0); a blank 合计 cell is not a district's figure
        if (!u.blank && !isTotal) ctx.report('number-blank', loc, { column: f.header });
        break;
      case 'absent':
        break;
    }
  }
}
