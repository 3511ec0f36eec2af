import { at, defineAnnex2Rule } from '../types.js';

/** 纳入情形 must name one of the five criteria of 三(二). */
export const criterionRule = defineAnnex2Rule({
  id: 'criterion',
  description: '纳入情形须为五种情形之一',
  codes: ['criterion-invalid'],
  check(_doc, entries, ctx) {
    for (const e of entries) {
      if (e.criterion !== null) continue;
      const f = e.fields.criterion;
      if (f) ctx.report('criterion-invalid', at(f), {}, { value: e.criterionText });
    }
  },
});
