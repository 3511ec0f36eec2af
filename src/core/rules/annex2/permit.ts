import { at, defineAnnex2Rule } from '../types.js';

/** HJ 608-2017 permit / registration numbers, and their first 18 characters against the row's USCC. */
export const permitRule = defineAnnex2Rule({
  id: 'permit',
  description: '排污许可证编号（排污登记编号）校验（HJ 608-2017）',
  codes: ['permit-format', 'permit-uscc-mismatch', 'permit-suffix', 'permit-legacy'],
  check(_doc, entries, ctx) {
    for (const e of entries) {
      if (!e.permit || e.permit.issues.length === 0) continue;
      const f = e.fields.permit;
      if (!f) continue;
      const loc = at(f);
      for (const issue of e.permit.issues) {
        if (issue.kind === 'format') ctx.report('permit-format', loc, issue.fault, { value: e.permitText });
        else if (issue.kind === 'uscc-mismatch')
          ctx.report('permit-uscc-mismatch', loc, { prefix: issue.prefix, uscc: e.uscc?.normalised }, { value: e.permitText, expected: e.uscc?.normalised });
        else if (issue.kind === 'suffix') ctx.report('permit-suffix', loc, { suffix: issue.suffix }, { value: e.permitText });
        else ctx.report('permit-legacy', loc, {}, { value: e.permitText });
      }
    }
  },
});
