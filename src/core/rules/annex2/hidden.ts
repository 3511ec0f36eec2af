import { defineAnnex2Rule } from '../types.js';

/** Hidden rows are read and counted; say so, once per file, so a clerk is not surprised by the count. */
export const hiddenRowsRule = defineAnnex2Rule({
  id: 'hidden-rows',
  description: '隐藏行中的数据同样计入',
  codes: ['sheet-hidden-data'],
  check(_doc, entries, ctx) {
    const hidden = entries.filter((e) => e.hidden).map((e) => e.row);
    if (hidden.length === 0) return;
    // the first ten are listed
    ctx.report('sheet-hidden-data', { row: hidden[0] }, { rows: hidden, shown: 10 });
  },
});
