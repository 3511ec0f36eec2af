import { ANNEX1_FIGURES } from '../../layout/annex1.js';
import { defineAnnex1Rule } from '../types.js';

/** Every figure column of the official table is in the header (a missing one is no figure, not 0). */
export const headerRule = defineAnnex1Rule({
  id: 'header',
  description: '表头须包含全部规定列',
  codes: ['header-missing-column'],
  check(doc, _parsed, ctx) {
    for (const key of doc.missing) {
      const def = ANNEX1_FIGURES.find((d) => d.key === key)!;
      const name = def.group ? `${def.group}/${def.header}` : def.header;
      ctx.report('header-missing-column', { row: doc.headerRows[0], column: name }, { column: name });
    }
  },
});
