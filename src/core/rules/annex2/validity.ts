import { entryDates, type Annex2Entry } from '../../annex2/entries.js';
import { validityOf, type Validity } from '../../annex2/validity.js';
import { at, defineAnnex2Rule } from '../types.js';

const DATE_KEYS = ['includedOn', 'validUntil'] as const;

interface Judged {
  dates: ReturnType<typeof entryDates>;
  v: Validity;
}

/** Dates must be readable; the 3-year validity (三(四)) is judged on the as-of date. */
export const validityRule = defineAnnex2Rule({
  id: 'validity',
  description: '纳入日期、有效期与 3 年有效期检查',
  codes: ['date-invalid', 'validity-over-3-years', 'entry-expired', 'entry-expiring'],
  check(_doc, entries, ctx) {
    // entries share their date parses (one per distinct cell) and a list has few distinct pairs: judge each once
    const judged = new Map<object | undefined, Map<object | undefined, Judged>>();
    const judge = (e: Annex2Entry): Judged => {
      let byUntil = judged.get(e.includedOn);
      if (!byUntil) judged.set(e.includedOn, (byUntil = new Map<object | undefined, Judged>()));
      let j = byUntil.get(e.validUntil);
      if (!j) {
        const dates = entryDates(e);
        byUntil.set(e.validUntil, (j = { dates, v: validityOf(dates, ctx.asOf, ctx.expiringDays) }));
      }
      return j;
    };
    for (const e of entries) {
      for (const key of DATE_KEYS) {
        const parsed = e[key];
        if (!parsed || parsed.ok || parsed.reason === 'empty') continue;
        const f = e.fields[key];
        if (!f) continue;
        // the parser's own fault, as data the message phrases in each language
        ctx.report('date-invalid', at(f), { column: f.header, ...parsed.fault, range: key === 'validUntil' ? true : undefined }, { value: f.text });
      }
      const { dates, v } = judge(e);
      const until = v.overThreeYears ? e.fields.validUntil : undefined;
      if (until && dates.statedUntil && v.includedOn) {
        ctx.report('validity-over-3-years', at(until), { validUntil: dates.statedUntil, includedOn: v.includedOn }, { value: dates.statedUntil, expected: v.threeYearEnd });
      }
      if ((v.status !== 'expired' && v.status !== 'expiring') || v.validUntil === undefined) continue;
      // a row's fields are made when read: read each once
      const untilField = e.fields.validUntil;
      const includedField = e.fields.includedOn;
      const key = untilField && dates.statedUntil ? 'validUntil' : includedField ? 'includedOn' : untilField ? 'validUntil' : undefined;
      const where = key === 'validUntil' ? untilField : key === 'includedOn' ? includedField : undefined;
      const loc = where ? at(where) : { row: e.row };
      // a row without a name: the message names its row
      const name = e.name || undefined;
      // the finding's value is what its cell holds (a 纳入日期 cell holds the inclusion date, a date cell shown
      // as the date it is); the end of the validity is in the message
      const asDate = key === 'includedOn' ? (e.includedOn?.ok ? e.includedOn.date : undefined) : dates.statedUntil;
      const own = !where ? undefined : where.cell?.t === 'n' && asDate ? asDate : where.text || undefined;
      // an end computed from the inclusion date says so
      const from = v.validUntil === v.threeYearEnd && v.includedOn ? v.includedOn : undefined;
      const extra = own === undefined ? {} : { value: own };
      if (v.status === 'expired') ctx.report('entry-expired', loc, { name, validUntil: v.validUntil, asOf: ctx.asOf, from }, extra);
      else ctx.report('entry-expiring', loc, { name, validUntil: v.validUntil, days: v.daysLeft ?? 0, from }, extra);
    }
  },
});
