import { describeNumericUscc } from '../../ids/uscc.js';
import { at, defineAnnex2Rule } from '../types.js';

/** GB 32100-2015: format, check character, embedded organisation code, numeric cells, normalisation. */
export const usccRule = defineAnnex2Rule({
  id: 'uscc',
  description: '统一社会信用代码校验（GB 32100-2015）',
  codes: ['uscc-numeric-cell', 'uscc-normalised', 'uscc-format', 'uscc-allowed', 'uscc-checksum', 'uscc-org-code', 'uscc-authority-unusual'],
  check(_doc, entries, ctx) {
    for (const e of entries) {
      if (e.usccNumeric === undefined && (!e.uscc || e.uscc.issues.length === 0)) continue;
      const f = e.fields.uscc;
      if (!f) continue;
      if (e.usccNumeric !== undefined) {
        ctx.report('uscc-numeric-cell', at(f), {}, { value: describeNumericUscc(e.usccNumeric) });
        continue;
      }
      const r = e.uscc;
      if (!r || r.issues.length === 0) continue;
      const loc = at(f);
      for (const issue of r.issues) {
        switch (issue.kind) {
          case 'normalised':
            ctx.report('uscc-normalised', loc, { what: issue.what, normalised: issue.normalised }, { value: e.usccText });
            break;
          case 'old15':
            ctx.report('uscc-format', loc, { reason: 'old15' }, { value: e.usccText });
            break;
          case 'length':
            ctx.report('uscc-format', loc, { reason: 'length', length: issue.length }, { value: e.usccText });
            break;
          case 'charset':
            ctx.report('uscc-format', loc, { reason: 'charset', bad: issue.bad, suggestion: issue.suggestion }, { value: e.usccText, expected: issue.suggestion });
            break;
          case 'checksum':
            if (r.allowListed) ctx.report('uscc-allowed', loc, {}, { value: r.normalised });
            else ctx.report('uscc-checksum', loc, { actual: issue.actual, suggestion: issue.suggestion }, { value: r.normalised, expected: issue.suggestion ?? issue.expected });
            break;
          case 'org-code':
            ctx.report('uscc-org-code', loc, {}, { value: r.normalised, expected: issue.expected });
            break;
          case 'authority-unusual':
            ctx.report('uscc-authority-unusual', loc, { prefix: issue.prefix }, { value: r.normalised });
            break;
        }
      }
    }
  },
});
