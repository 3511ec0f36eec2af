import type { Annex2Entry } from '../../annex2/entries.js';
import { at, defineAnnex2Rule } from '../types.js';

/** The same USCC twice in one list: reported on every repeat, naming all the rows. */
export const duplicateRule = defineAnnex2Rule({
  id: 'duplicate',
  description: '同一清单内统一社会信用代码不得重复',
  codes: ['uscc-duplicate'],
  check(_doc, entries, ctx) {
    const codeOf = (e: Annex2Entry) => (e.uscc && e.uscc.normalised.length === 18 ? e.uscc.normalised : undefined);
    // a first pass finds the codes that repeat (rare); only their rows are gathered, in order of first appearance
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const e of entries) {
      const code = codeOf(e);
      if (code === undefined) continue;
      if (seen.has(code)) repeated.add(code);
      else seen.add(code);
    }
    if (repeated.size === 0) return;
    const byCode = new Map<string, Annex2Entry[]>();
    for (const e of entries) {
      const code = codeOf(e);
      if (code === undefined || !repeated.has(code)) continue;
      const list = byCode.get(code);
      if (list) list.push(e);
      else byCode.set(code, [e]);
    }
    for (const [code, list] of byCode) {
      const rows = list.map((e) => e.row);
      for (const e of list.slice(1)) {
        const f = e.fields.uscc!;
        ctx.report('uscc-duplicate', at(f), { rows }, { value: code });
      }
    }
  },
});
