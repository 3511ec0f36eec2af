import type { Annex2Rule } from '../types.js';

/** The same USCC twice in one list: reported on every repeat, naming all the rows. */
export const duplicateRule: Annex2Rule = {
  id: 'duplicate',
  description: '同一清单内统一社会信用代码不得重复',
  check(_doc, entries, ctx) {
    const byCode = new Map<string, typeof entries>();
    for (const e of entries) {
      if (!e.uscc || e.uscc.normalised.length !== 18) continue;
      const list = byCode.get(e.uscc.normalised) ?? [];
      list.push(e);
      byCode.set(e.uscc.normalised, list);
    }
    for (const [code, list] of byCode) {
      if (list.length < 2) continue;
      const rows = list.map((e) => e.row).join('、');
      for (const e of list.slice(1)) {
        const f = e.fields.uscc!;
        ctx.report('uscc-duplicate', { cell: f.ref, row: f.row, column: f.header }, { rows }, { value: code });
      }
    }
  },
};
