import { describeNumericUscc } from '../../ids/uscc.js';
import { at, defineAnnex2Rule } from '../types.js';

const WHAT_ZH: Record<string, string> = { lowercase: '小写字母', fullwidth: '全角字符', spaces: '空格', hidden: '看不见的字符（零宽空格或控制字符）' };
const WHAT_EN: Record<string, string> = { lowercase: 'lower-case letters', fullwidth: 'full-width characters', spaces: 'spaces', hidden: 'invisible characters (zero-width spaces or control characters)' };

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
            ctx.report(
              'uscc-normalised',
              loc,
              { what: issue.what.map((w) => WHAT_ZH[w]).join('、'), whatEn: issue.what.map((w) => WHAT_EN[w]).join(', '), normalised: issue.normalised, hidden: issue.what.includes('hidden') ? 1 : undefined },
              { value: e.usccText },
            );
            break;
          case 'old15':
            ctx.report('uscc-format', loc, { reason: 'old15' }, { value: e.usccText });
            break;
          case 'length':
            ctx.report('uscc-format', loc, { reason: 'length', length: issue.length }, { value: e.usccText });
            break;
          case 'charset':
            ctx.report(
              'uscc-format',
              loc,
              {
                reason: 'charset',
                bad: issue.bad,
                hint: issue.suggestion ? `疑似把数字写成了字母，应为“${issue.suggestion}”。` : undefined,
                hintEn: issue.suggestion ? `A digit was probably typed as a letter: "${issue.suggestion}".` : undefined,
              },
              { value: e.usccText, expected: issue.suggestion },
            );
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
