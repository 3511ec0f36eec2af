import { defineAnnex2Rule } from '../types.js';

/** Hidden rows are read and counted; say so, once per file, so a clerk is not surprised by the count. */
export const hiddenRowsRule = defineAnnex2Rule({
  id: 'hidden-rows',
  description: '隐藏行中的数据同样计入',
  codes: ['sheet-hidden-data'],
  check(_doc, entries, ctx) {
    const hidden = entries.filter((e) => e.hidden).map((e) => e.row);
    if (hidden.length === 0) return;
    const list = hidden.length > 10 ? `${hidden.slice(0, 10).join('、')} 等 ${hidden.length} 行` : hidden.join('、');
    ctx.report('sheet-hidden-data', { row: hidden[0] }, { what: `第 ${list} 行`, whatEn: `Row(s) ${hidden.slice(0, 10).join(', ')}${hidden.length > 10 ? ' …' : ''}` });
  },
});
