import { parseCount } from '../../values/numbers.js';
import { at, defineAnnex2Rule } from '../types.js';

/** 序号 should run 1..n; a gap or a non-number is a warning (the list itself is still valid). Reports the first break only. */
export const seqRule = defineAnnex2Rule({
  id: 'seq',
  description: '序号应为连续的正整数',
  codes: ['seq-invalid'],
  check(_doc, entries, ctx) {
    let expected = 1;
    for (const e of entries) {
      const f = e.fields.seq;
      if (!f) return;
      const n = f.text === '' ? null : parseCount(f.cell?.t === 'n' ? (f.cell.v as number) : f.text);
      if (!n || !n.ok || n.value < 1) {
        ctx.report('seq-invalid', at(f), { reason: f.text === '' ? 'blank' : 'not-number' }, { value: f.text || '（空）' });
        return;
      }
      if (n.value !== expected) {
        ctx.report('seq-invalid', at(f), { reason: 'out-of-sequence' }, { value: f.text, expected: String(expected) });
        return;
      }
      expected++;
    }
  },
});
