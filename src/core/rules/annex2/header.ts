import { ANNEX2_COLUMNS } from '../../layout/annex2.js';
import { defineAnnex2Rule } from '../types.js';

/** Every column of the official table is in the header (a missing one leaves its cells unchecked). */
export const headerRule = defineAnnex2Rule({
  id: 'header',
  description: '表头须包含全部规定列',
  codes: ['header-missing-column'],
  check(doc, _entries, ctx) {
    for (const key of doc.missing) {
      const def = ANNEX2_COLUMNS.find((d) => d.key === key)!;
      ctx.report('header-missing-column', { row: doc.headerRow, column: def.header }, { column: def.header });
    }
  },
});
