import type { Annex2Entry } from '../../annex2/entries.js';
import { at, type Annex2Rule } from '../types.js';

/** The same USCC twice in one list: reported on every repeat, naming all the rows. */
export const duplicateRule: Annex2Rule = {
  id: 'duplicate',
  description: '同一清单内统一社会信用代码不得重复',
  check(_doc, entries, ctx) {
    // first holder of each code, in the order codes first appear; the (rare) repeats kept apart
    const first = new Map<string, Annex2Entry>();
    const repeats = new Map<string, Annex2Entry[]>();
    for (const e of entries) {
      if (!e.uscc || e.uscc.normalised.length !== 18) continue;
      const code = e.uscc.normalised;
      const holder = first.get(code);
      if (holder === undefined) first.set(code, e);
      else {
        const list = repeats.get(code);
        if (list) list.push(e);
        else repeats.set(code, [holder, e]);
      }
    }
    if (repeats.size === 0) return;
    for (const code of first.keys()) {
      const list = repeats.get(code);
      if (!list) continue;
      const rows = list.map((e) => e.row).join('、');
      for (const e of list.slice(1)) {
        const f = e.fields.uscc!;
        ctx.report('uscc-duplicate', at(f), { rows }, { value: code });
      }
    }
  },
};
