import { ANNEX2_COLUMNS } from '../../layout/annex2.js';
import { at, defineAnnex2Rule } from '../types.js';

/** Every required cell of every row is filled (序号 is checked by the seq rule). */
export const requiredRule = defineAnnex2Rule({
  id: 'required',
  description: '必填项不得为空',
  codes: ['required-missing'],
  check(doc, entries, ctx) {
    const required = ANNEX2_COLUMNS.filter((d) => d.required && d.key !== 'seq' && doc.columns[d.key]);
    for (const e of entries) {
      for (const d of required) {
        const f = e.fields[d.key]!;
        if (f.text === '' && f.cell?.t !== 'z' && f.cell?.t !== 'n') {
          ctx.report('required-missing', at(f), { column: d.header, name: d.key === 'name' ? undefined : e.name || undefined });
        }
      }
    }
  },
});
