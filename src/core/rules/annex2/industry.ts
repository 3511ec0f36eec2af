import { checkIndustry } from '../../ids/industry.js';
import { at, defineAnnex2Rule } from '../types.js';

/** 所属行业 against GB/T 4754-2017 (2011 accepted): warnings only, districts often write free text. */
export const industryRule = defineAnnex2Rule({
  id: 'industry',
  description: '所属行业宜采用 GB/T 4754 国民经济行业分类',
  codes: ['industry-unknown', 'industry-code-mismatch'],
  check(_doc, entries, ctx) {
    const seen = new Map<string, ReturnType<typeof checkIndustry>>();
    for (const e of entries) {
      if (!e.industry) continue;
      let r = seen.get(e.industry);
      if (!r) seen.set(e.industry, (r = checkIndustry(e.industry)));
      if (r.kind === 'ok') continue;
      const f = e.fields.industry;
      if (!f) continue;
      if (r.kind === 'unknown') ctx.report('industry-unknown', at(f), { suggestion: r.suggestion }, { value: e.industry, expected: r.suggestion });
      else if (r.kind === 'mismatch')
        ctx.report('industry-code-mismatch', at(f), { code: r.code, codeName: r.codeName, name: r.name, nameCode: r.nameCode }, { value: e.industry });
    }
  },
});
