import { defineAnnex1Rule } from '../types.js';

/** Hidden rows with figures are counted; say so. */
export const hiddenRowsRule = defineAnnex1Rule({
  id: 'hidden-rows',
  description: '隐藏行中的数据同样计入',
  codes: ['sheet-hidden-data'],
  check(_doc, parsed, ctx) {
    const hidden = parsed.rows.filter((u) => u.row.hidden).map((u) => u.row.row);
    if (hidden.length) ctx.report('sheet-hidden-data', { row: hidden[0] }, { rows: hidden });
  },
});
