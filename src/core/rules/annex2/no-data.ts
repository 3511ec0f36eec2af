import { a1 } from '../../workbook/grid.js';
import { defineAnnex2Rule } from '../types.js';

/** A list with a header and no enterprise under it was most likely sent before it was filled in. */
export const noDataRule = defineAnnex2Rule({
  id: 'no-data',
  description: '表头下须有企业数据',
  codes: ['annex2-no-data'],
  check(doc, entries, ctx) {
    if (entries.length === 0) ctx.report('annex2-no-data', { cell: a1(doc.headerRow + 1, 1), row: doc.headerRow + 1 });
  },
});
