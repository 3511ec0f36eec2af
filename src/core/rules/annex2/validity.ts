import { entryDates } from '../../annex2/entries.js';
import { validityOf } from '../../annex2/validity.js';
import type { Annex2Rule } from '../types.js';

/** Dates must be readable; the 3-year validity (三(四)) is judged on the as-of date. */
export const validityRule: Annex2Rule = {
  id: 'validity',
  description: '纳入日期、有效期与 3 年有效期检查',
  check(_doc, entries, ctx) {
    for (const e of entries) {
      for (const key of ['includedOn', 'validUntil'] as const) {
        const parsed = e[key];
        const f = e.fields[key];
        if (!parsed || parsed.ok || !f || parsed.reason === 'empty') continue;
        ctx.report(
          'date-invalid',
          { cell: f.ref, row: f.row, column: f.header },
          {
            column: f.header,
            // the parser's own predicates, which carry the fact in each language (detail is English only)
            reason: parsed.reasonZh,
            reasonEn: parsed.reasonEn,
            range: key === 'validUntil' ? 1 : undefined,
          },
          { value: f.text },
        );
      }
      const dates = entryDates(e);
      const v = validityOf(dates, ctx.asOf, ctx.expiringDays);
      const at = e.fields.validUntil && dates.statedUntil ? e.fields.validUntil : e.fields.includedOn ?? e.fields.validUntil;
      const loc = at ? { cell: at.ref, row: at.row, column: at.header } : { row: e.row };
      const name = e.name || `第 ${e.row} 行企业`;
      if (v.overThreeYears && e.fields.validUntil) {
        const f = e.fields.validUntil;
        ctx.report('validity-over-3-years', { cell: f.ref, row: f.row, column: f.header }, { validUntil: dates.statedUntil, includedOn: v.includedOn }, { value: dates.statedUntil, expected: v.threeYearEnd });
      }
      if (v.status === 'expired') ctx.report('entry-expired', loc, { name, validUntil: v.validUntil, asOf: ctx.asOf }, { value: v.validUntil });
      else if (v.status === 'expiring') ctx.report('entry-expiring', loc, { name, validUntil: v.validUntil, days: v.daysLeft }, { value: v.validUntil });
    }
  },
};
